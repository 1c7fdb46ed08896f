import pino, { type DestinationStream, type Logger } from 'pino'
import { maskCodesInText } from '../domain/code-mask.js'
import { REQUEST_LINE_MESSAGE } from './request-log.js'

/** How a request line ends (pino writes the message last): `logEachRequest`'s, which hold no code. */
const REQUEST_LINE_END = `,"msg":${JSON.stringify(REQUEST_LINE_MESSAGE)}}\n`

export interface ServerLog {
  readonly logger: Logger
  /** Writes out what is still buffered and closes the destination; call before the process exits. */
  close(): Promise<void>
}

/**
 * The server's log: pino's JSON lines, written through an asynchronous,
 * buffered destination (64 KB at a time) so that a request never waits for
 * the terminal or the log collector; what gathers is written at least
 * every second. What is buffered when the process is
 * killed outright is lost: a log line is not an acknowledged write.
 * `destination` is a file path, or standard output when absent.
 *
 * No voucher code reaches the log: each line is masked as it is written
 * (`maskCodesInText`), whatever put the code there (an error's message, a
 * database error's detail, a value a job logs). The request line names the
 * route's pattern, not the URL, and holds none by construction
 * (`logEachRequest`): it is the one line written as it is, which matters
 * because it is written for every request and searching it cost more than
 * making it.
 */
export function openServerLog(level: string, destination?: string): ServerLog {
  const stream = pino.destination({
    dest: destination ?? 1,
    sync: false,
    // Lines gather up to 64 KB before one write call, and at least every second, so that a quiet
    // server's lines still show. Each write wakes a thread of libuv's pool, which on a virtual
    // machine costs more than the write: a busy server wakes it four times less than at
    // sonic-boom's default 16 KB.
    minLength: 60_000,
    maxWrite: 64 * 1024,
    periodicFlush: 1000,
    mkdir: destination !== undefined,
    // Text mode measures the whole pending text again for each line it adds (up to 64 KB), which
    // cost more than writing the line; buffer mode adds each line to a list.
    contentMode: 'buffer',
  })
  // sonic-boom's types name only text, but in buffer mode it takes (and needs) a Buffer.
  const lines: DestinationStream = {
    write: (line) => stream.write(Buffer.from(line) as unknown as string),
  }
  const logger = pino({ level, hooks: { streamWrite: maskUnlessRequestLine } }, lines)
  return {
    logger,
    close: () =>
      new Promise((resolve) => {
        stream.once('close', () => resolve())
        stream.end()
      }),
  }
}

function maskUnlessRequestLine(line: string): string {
  return line.endsWith(REQUEST_LINE_END) ? line : maskCodesInText(line)
}
