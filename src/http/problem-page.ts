import type { FastifyReply } from 'fastify'
import { AppError, ERROR_CATALOGUE } from '../app/errors.js'
import { escapeHtml } from '../mail/escape-html.js'
import { recordProblemCode } from './problem.js'
import { toAppError } from './to-app-error.js'

/** Where a refusal on the OpenID Connect path sends a person next. */
export const OIDC_NEXT_STEP =
  '<p><a href="/sign-in/oidc">Sign in with your identity provider again</a>, or ask for a sign-in mail.</p>'

/**
 * A refusal answered to a browser (sent here by an identity provider, or
 * pressing a mailed link's button): a small page with what went wrong in
 * words, where to go next (`nextStep`, HTML), its code, and the status the
 * API would answer; never a stack trace. What the API would not answer
 * with a code (a bug) is logged and answered as INTERNAL_ERROR with the
 * request id.
 */
export function sendProblemPage(
  reply: FastifyReply,
  error: unknown,
  nextStep: string = OIDC_NEXT_STEP,
): FastifyReply {
  const requestId = reply.request.id
  const understood = toAppError(error, reply.request)
  const known: AppError =
    understood ?? new AppError('INTERNAL_ERROR', { requestId: String(requestId) })
  if (understood === null) reply.request.log.error({ err: error }, 'sign-in page failed')
  const entry = ERROR_CATALOGUE[known.code]
  recordProblemCode(reply, known.code)
  if (entry.retryAfterSeconds !== undefined)
    reply.header('retry-after', String(entry.retryAfterSeconds))
  return pageHeaders(reply)
    .code(entry.status)
    .type('text/html; charset=utf-8')
    .send(
      page(
        entry.title,
        `<p>${escapeHtml(known.message)}</p>
${nextStep}
<p><small>Code <code>${known.code}</code>, request <code>${escapeHtml(String(requestId))}</code></small></p>`,
      ),
    )
}

/** A page this server answers on the sign-in path: never cached, framed, or sent on as a referrer. */
export function pageHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-frame-options', 'DENY')
    .header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
    )
}

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)} · examdesk</title>
<style>
body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 32rem; margin: 3rem auto; padding: 0 1rem; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`
}
