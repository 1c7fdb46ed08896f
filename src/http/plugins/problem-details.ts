import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { AppError } from '../../app/errors.js'
import { sendProblem } from '../problem.js'
import { sharedPlugin } from '../shared-plugin.js'
import { toAppError } from '../to-app-error.js'

const MAX_PATH_ECHO = 200

export interface ProblemDetailsOptions {
  /** Called with each request no route matched, as it arrives and in the not-found handler (`observeResponses`). */
  readonly observeUnmatched?: (request: FastifyRequest, reply: FastifyReply) => void
}

/**
 * Makes every error answer problem+json (RFC 9457) with a catalogue code:
 * thrown `AppError`s, Fastify's own refusals (bad JSON, media type, size,
 * validation), unknown routes, and bugs, which are logged with the request id
 * and answered 500 without internals. Registered on the root so every route
 * inherits it; `handleFrameworkError` covers what Fastify rejects before
 * routing and must be passed as the `frameworkErrors` server option.
 */
export const problemDetailsPlugin = sharedPlugin<ProblemDetailsOptions>(
  'examdesk-problem-details',
  async (app, options) => {
    let closing = false
    // Fastify's own 503 while closing is plain JSON; answering it here keeps it a problem.
    app.addHook('preClose', (done) => {
      closing = true
      done()
    })

    app.addHook('onRequest', (request, reply, done) => {
      reply.header('x-request-id', request.id)
      // Here rather than in the not-found handler, which a refusal below skips.
      if (request.is404) options.observeUnmatched?.(request, reply)
      if (closing) return done(new AppError('UNAVAILABLE'))
      // The router leaves a query's bad percent-escapes undecoded instead of refusing them.
      if (hasMalformedQuery(request.url)) return done(new AppError('MALFORMED_URL'))
      done()
    })

    app.setErrorHandler((error, request, reply) => answerError(error, request, reply))

    app.setNotFoundHandler((request, reply) => {
      // A route's callNotFound (a file the web app does not have) reaches no onRequest above.
      options.observeUnmatched?.(request, reply)
      const path = request.url.split('?', 1)[0] ?? ''
      return sendProblem(
        reply,
        new AppError('ROUTE_NOT_FOUND', {
          method: request.method,
          path: path.slice(0, MAX_PATH_ECHO),
        }),
      )
    })
  },
)

/** The `frameworkErrors` server option: errors Fastify meets before a route runs (a bad URL). */
export function handleFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  answerError(error, request, reply)
}

function answerError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const known = toAppError(error, request)
  if (known === null || known.code === 'INTERNAL_ERROR') {
    request.log.error({ err: error }, 'unexpected error')
    // A fresh error: whatever facts the thrown one carried stay in the log.
    return sendProblem(reply, new AppError('INTERNAL_ERROR', { requestId: request.id }))
  }
  if (known.status >= 500) {
    request.log.warn({ err: error, code: known.code }, 'request refused by the server')
  }
  // A client's refusal is said in the request's own log line (its code), not a line of its own.
  return sendProblem(reply, known)
}

/** True when the query string of `url` holds a percent-escape that is not valid UTF-8. */
function hasMalformedQuery(url: string): boolean {
  const start = url.indexOf('?')
  if (start === -1 || !url.includes('%', start)) return false
  try {
    decodeURIComponent(url.slice(start + 1))
    return false
  } catch {
    return true
  }
}
