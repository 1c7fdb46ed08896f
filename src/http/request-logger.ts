import type { FastifyBaseLogger } from 'fastify'
import type { Bindings, ChildLoggerOptions } from 'pino'

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

type LogMethod = (...args: unknown[]) => void

/**
 * `request.log`: the server's logger with the request's id bound, made the
 * first time the request logs something of its own. Most requests log
 * nothing but their request line (written by `requestLines`, which names
 * the id itself), and making a pino child for each of them cost as much as
 * a simple read's own work. The `childLoggerFactory` server option.
 */
export function lazyRequestLogger(
  parent: FastifyBaseLogger,
  bindings: Bindings,
  options: ChildLoggerOptions,
): FastifyBaseLogger {
  return new RequestLogger(parent, bindings, options)
}

class RequestLogger implements FastifyBaseLogger {
  #made: FastifyBaseLogger | undefined

  constructor(
    private readonly parent: FastifyBaseLogger,
    private readonly bindings: Bindings,
    private readonly options: ChildLoggerOptions,
  ) {}

  get level(): string {
    return this.#made?.level ?? this.options.level ?? this.parent.level
  }

  set level(level: string) {
    this.made().level = level
  }

  declare fatal: LogMethod
  declare error: LogMethod
  declare warn: LogMethod
  declare info: LogMethod
  declare debug: LogMethod
  declare trace: LogMethod
  declare silent: LogMethod

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.made().child(bindings, options)
  }

  /** The logger bound to the request, made on first use. */
  made(): FastifyBaseLogger {
    this.#made ??= this.parent.child(this.bindings, this.options)
    return this.#made
  }
}

// Each level's method hands its arguments, whatever pino's overloads they match, to the made logger.
for (const level of LEVELS) {
  RequestLogger.prototype[level] = function (this: RequestLogger, ...args: unknown[]) {
    const logger = this.made()
    ;(logger[level] as LogMethod).apply(logger, args)
  }
}
