import type { FastifyInstance } from 'fastify'
import { callerRole } from './plugins/auth.js'
import { problemCodeOf } from './problem.js'

const INFO_OR_FINER = new Set(['info', 'debug', 'trace'])

/**
 * One log line per answered request, at `info`, with what an operator
 * reads it for: method, route (the pattern, not the URL, which may hold a
 * candidate id or a code), status, duration, the request id (pino's
 * binding), the caller's role, and the problem code of a refusal. Fastify's
 * own two lines per request are switched off (`disableRequestLogging`).
 */
export function logEachRequest(app: FastifyInstance): void {
  if (!INFO_OR_FINER.has(app.log.level)) return
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? null,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        role: callerRole(request),
        code: problemCodeOf(reply) ?? null,
      },
      'request',
    )
    done()
  })
}
