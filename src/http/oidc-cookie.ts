import { serialize } from 'cookie'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { OIDC_FLOW_LIFETIME_MS } from '../domain/outside-identity.js'
import { clearCookie, readCookie, type SessionCookie } from './session-cookie.js'

/**
 * The cookie that ties a started OpenID Connect flow to the browser that
 * started it: a random secret whose hash the flow keeps. SameSite=Lax: the
 * issuer sends the browser back by a top-level GET, which carries it. Named
 * and made Secure as the session cookie is.
 */
function cookieName(session: SessionCookie): string {
  return session.secure ? '__Host-examdesk-oidc' : 'examdesk-oidc'
}

export function setOidcCookie(reply: FastifyReply, session: SessionCookie, secret: string): void {
  reply.header(
    'set-cookie',
    serialize(cookieName(session), secret, {
      httpOnly: true,
      secure: session.secure,
      sameSite: 'lax',
      path: '/',
      maxAge: OIDC_FLOW_LIFETIME_MS / 1000,
    }),
  )
  reply.header('cache-control', 'no-store')
}

export function clearOidcCookie(reply: FastifyReply, session: SessionCookie): void {
  clearCookie(reply, cookieName(session), session.secure)
}

export function readOidcCookie(
  request: FastifyRequest,
  session: SessionCookie,
): string | undefined {
  return readCookie(request, cookieName(session))
}
