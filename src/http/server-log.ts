import pino, { type Logger } from 'pino'

export interface ServerLog {
  readonly logger: Logger
  /** Writes out what is still buffered and closes the destination; call before the process exits. */
  close(): Promise<void>
}

/**
 * The server's log: pino's JSON lines, written through an asynchronous,
 * buffered destination (4 KiB at a time) so that a request never waits for
 * the terminal or the log collector; what gathers is written at least
 * every second. What is buffered when the process is
 * killed outright is lost: a log line is not an acknowledged write.
 * `destination` is a file path, or standard output when absent.
 */
export function openServerLog(level: string, destination?: string): ServerLog {
  const stream = pino.destination({
    dest: destination ?? 1,
    sync: false,
    minLength: 4096,
    mkdir: destination !== undefined,
  })
  const logger = pino({ level }, stream)
  // A quiet server's lines still show within a second, not only once 4 KiB have gathered.
  const ticker = setInterval(() => {
    stream.flush()
  }, 1000)
  ticker.unref()
  return {
    logger,
    close: () =>
      new Promise((resolve) => {
        clearInterval(ticker)
        stream.once('close', () => resolve())
        stream.end()
      }),
  }
}
