import type { FastifyInstance } from 'fastify'
import { callerRole } from './plugins/auth.js'
import { problemCodeOf } from './problem.js'
import type { ResponseObserver } from './response-observers.js'

const INFO_OR_FINER = new Set(['info', 'debug', 'trace'])

/** What a request line says, besides the message. */
export interface RequestLine {
  readonly requestId: string
  readonly method: string
  /** The route's pattern; null when no route matched. */
  readonly route: string | null
  readonly status: number
  readonly ms: number
  readonly role: string | null
  readonly code: string | null
}

/** The message of every request line, and of no other line: an operator picks them out by it. */
export const REQUEST_LINE_MESSAGE = 'request'

/**
 * One log line per answered request, at `info`, with what an operator
 * reads it for: method, route (the pattern, not the URL, which may hold a
 * candidate id or a code), status, duration, the request id, the
 * caller's role, and the problem code of a refusal. Fastify's
 * own two lines per request are switched off (`disableRequestLogging`).
 * An observer for `observeResponses`; null when `app` logs above `info`.
 *
 * Written by `write` (the server log's own writer, `requestLineWriterOf`),
 * or else through the server's logger, with the id named here rather than
 * through `request.log`, which is made only for a request that logs more.
 * Every field is a value of examdesk's own (a route pattern, a role, a
 * catalogue code, a number) or a request id, which never looks like a code
 * (`computeRequestId`): the line holds no voucher code by construction, so
 * the server log writes it without searching it for one (`openServerLog`).
 */
export function requestLines(
  app: FastifyInstance,
  write?: (line: RequestLine) => void,
): ResponseObserver | null {
  if (!INFO_OR_FINER.has(app.log.level)) return null
  const writeLine = write ?? ((line: RequestLine) => app.log.info(line, REQUEST_LINE_MESSAGE))
  return (route) => {
    const pattern = route?.url ?? null
    return (request, reply, ms) =>
      writeLine({
        requestId: request.id,
        method: request.method,
        route: pattern,
        status: reply.statusCode,
        ms: Math.round(ms * 10) / 10,
        role: callerRole(request),
        code: problemCodeOf(reply) ?? null,
      })
  }
}
