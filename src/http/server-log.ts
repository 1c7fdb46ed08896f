import { mkdirSync, openSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'
import pino, { type DestinationStream, type Logger } from 'pino'
import { maskCodesInText } from '../domain/code-mask.js'
import { REQUEST_LINE_MESSAGE, type RequestLine } from './request-log.js'

export interface ServerLog {
  readonly logger: Logger
  /** Writes out what is still buffered and closes the destination; call before the process exits. */
  close(): Promise<void>
}

/**
 * The server's log: pino's JSON lines, gathered 64 KB at a time and written
 * through an asynchronous destination (sonic-boom) so that a request never
 * waits for the terminal or the log collector; what gathers is written at
 * least every second, and all of it when the process exits. What is gathered
 * when the process is killed outright (SIGKILL) is lost: a log line is not
 * an acknowledged write.
 * `destination` is a file path, or standard output when absent.
 *
 * No voucher code reaches the log: each line is masked as it is written
 * (`maskCodesInText`), whatever put the code there (an error's message, a
 * database error's detail, a value a job logs). The request line names the
 * route's pattern, not the URL, and holds none by construction
 * (`requestLines`): it is the one line written as it is, and not through
 * pino's generic path either (see `requestLineWriter`), because it is
 * written for every request.
 */
export function openServerLog(level: string, destination?: string): ServerLog {
  // Opened here, not by the destination, so that the last lines can be written to it at exit.
  const fd = destination === undefined ? 1 : openLogFile(destination)
  const stream = pino.destination({
    dest: fd,
    sync: false,
    // Each chunk is written as it is handed over (LineChunks gathers the lines).
    minLength: 0,
    maxWrite: CHUNK_BYTES,
    contentMode: 'buffer',
  })
  const lines = new LineChunks(stream, fd)
  const logger = pino({ level, hooks: { streamWrite: maskCodesInText } }, lines)
  requestLineWriters.set(logger, requestLineWriter(logger, lines))
  // A process that ends without closing the log (an uncaught error, process.exit) writes out
  // what has gathered before it goes: the last lines are the ones an operator looks for.
  const writeOutAtExit = () => lines.writeOutSync()
  process.once('exit', writeOutAtExit)
  return {
    logger,
    close: () =>
      new Promise((resolve) => {
        process.off('exit', writeOutAtExit)
        lines.close()
        stream.once('close', () => resolve())
        stream.end()
      }),
  }
}

function openLogFile(path: string): number {
  mkdirSync(dirname(path), { recursive: true })
  return openSync(path, 'a')
}

/** pino's asynchronous destination (sonic-boom); it closes the file when it ends. */
type Destination = ReturnType<typeof pino.destination>

/** How much is written at once: each write wakes a thread of libuv's pool, which costs more than a small write. */
const CHUNK_BYTES = 64 * 1024

/**
 * Log lines gathered into chunks of 64 KB, each handed over when it is
 * full, and what has gathered at least every second, so that a quiet
 * server's lines still show. A line is encoded straight into the chunk:
 * a Buffer of its own for every line, as sonic-boom's buffer mode asks,
 * cost a request more than writing the chunk does (sonic-boom's text mode
 * measures all the pending text again for each line it adds).
 */
class LineChunks implements DestinationStream {
  #chunk = Buffer.allocUnsafeSlow(CHUNK_BYTES)
  #used = 0
  readonly #timer: NodeJS.Timeout

  constructor(
    private readonly destination: Destination,
    private readonly fd: number,
  ) {
    this.#timer = setInterval(() => this.flush(), 1000).unref()
  }

  write(line: string): void {
    // UTF-8 takes at most three bytes for each UTF-16 unit of a JavaScript string.
    if (this.#used + line.length * 3 > CHUNK_BYTES) {
      this.#handOver()
      if (line.length * 3 > CHUNK_BYTES) {
        this.#write(Buffer.from(line))
        return
      }
    }
    this.#used += this.#chunk.write(line, this.#used)
  }

  /** Hands over what has gathered; `done` is then called as the destination's flush calls it (pino's `logger.flush`). */
  flush(done?: (error?: Error) => void): void {
    this.#handOver()
    if (done) this.destination.flush(done)
  }

  close(): void {
    clearInterval(this.#timer)
    this.#handOver()
  }

  /**
   * Writes what the destination holds, then what has gathered, at once: at
   * exit no asynchronous write is waited for. Only a write already under
   * way may land after these lines.
   */
  writeOutSync(): void {
    clearInterval(this.#timer)
    try {
      this.destination.flushSync()
      let written = 0
      while (written < this.#used) {
        written += writeSync(this.fd, this.#chunk, written, this.#used - written)
      }
    } catch {
      // The file is closed already, or takes no more: nothing can be done.
    }
    this.#used = 0
  }

  #handOver(): void {
    if (this.#used === 0) return
    this.#write(this.#chunk.subarray(0, this.#used))
    this.#chunk = Buffer.allocUnsafeSlow(CHUNK_BYTES)
    this.#used = 0
  }

  #write(chunk: Buffer): void {
    // sonic-boom's types name only text, but in buffer mode it takes (and needs) a Buffer.
    this.destination.write(chunk as unknown as string)
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
function requestLineWriter(logger: Logger, lines: LineChunks): (line: RequestLine) => void {
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
