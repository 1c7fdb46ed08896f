import type { FastifyReply, FastifyRequest } from 'fastify'
import { OIDC_FLOW_LIFETIME_MS } from '../domain/outside-identity.js'
import { clearCookie, readCookie, type SessionCookie, setCookie } from './session-cookie.js'

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
  setCookie(reply, cookieName(session), secret, session.secure, OIDC_FLOW_LIFETIME_MS / 1000)
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
