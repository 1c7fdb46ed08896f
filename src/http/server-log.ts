import pino, { type DestinationStream, type Logger } from 'pino'
import { maskCodesInText } from '../domain/code-mask.js'
import { REQUEST_LINE_MESSAGE, type RequestLine } from './request-log.js'

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
 * (`logEachRequest`): it is the one line written as it is, and not through
 * pino's generic path either (see `requestLineWriter`), because it is
 * written for every request.
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
  const logger = pino({ level, hooks: { streamWrite: maskCodesInText } }, lines)
  requestLineWriters.set(logger, requestLineWriter(logger, lines))
  return {
    logger,
    close: () =>
      new Promise((resolve) => {
        stream.once('close', () => resolve())
        stream.end()
      }),
  }
}

const requestLineWriters = new WeakMap<Logger, (line: RequestLine) => void>()

/** How the server log writes request lines, when `logger` is a server log's (`openServerLog`). */
export function requestLineWriterOf(logger: unknown): ((line: RequestLine) => void) | undefined {
  return requestLineWriters.get(logger as Logger)
}

/**
 * Writes a request line as pino writes one at `info` (level, time, the
 * logger's bindings, the fields, the message, in that order) straight to
 * the destination. The line's fields are known, so each is written as it
 * is instead of through pino's walk over any object, which cost about a
 * tenth of an eligibility question's time.
 */
function requestLineWriter(logger: Logger, lines: DestinationStream): (line: RequestLine) => void {
  const level = logger.levels.values.info
  // pino's own text of the logger's bindings (pid, hostname), which it writes after the time.
  const bindings = (logger as unknown as Record<symbol, string | undefined>)[
    pino.symbols.chindingsSym
  ]
  const message = JSON.stringify(REQUEST_LINE_MESSAGE)
  return (line) => {
    lines.write(
      `{"level":${level},"time":${Date.now()}${bindings ?? ''},"requestId":${jsonText(line.requestId)}` +
        `,"method":${jsonText(line.method)},"route":${jsonText(line.route)}` +
        `,"status":${line.status},"ms":${line.ms},"role":${jsonText(line.role)}` +
        `,"code":${jsonText(line.code)},"msg":${message}}\n`,
    )
  }
}

/** Printable ASCII but `"` and `\`: a JSON string as it is, between quotes. */
const PLAIN_TEXT = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/

/**
 * A request line's value as JSON. Its texts are plain by construction (a
 * sane request id, an HTTP method, a route pattern, a role, a problem
 * code), and quoting them costs less than `JSON.stringify`, which is a call
 * into V8's runtime; anything else is still written by it.
 */
function jsonText(value: string | null): string {
  if (value === null) return 'null'
  return PLAIN_TEXT.test(value) ? `"${value}"` : JSON.stringify(value)
}
