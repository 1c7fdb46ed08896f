import type {} from '@fastify/cookie'
import type { FastifyReply, FastifyRequest } from 'fastify'

/**
 * The cookie that carries a person's session secret. `__Host-` makes the
 * browser keep it to this host only (Secure, Path=/, no Domain). Plain HTTP
 * is allowed only on a loopback address (`sessionCookieFor`), and then the
 * prefix goes too: browsers refuse a `__Host-` cookie that is not Secure.
 */
export interface SessionCookie {
  readonly name: string
  readonly secure: boolean
}

export const SECURE_SESSION_COOKIE: SessionCookie = {
  name: '__Host-examdesk-session',
  secure: true,
}

const PLAIN_HTTP_SESSION_COOKIE: SessionCookie = { name: 'examdesk-session', secure: false }

/**
 * The session cookie for a server: Secure, unless it listens on a loopback
 * address and is reached there over plain HTTP (its public address is
 * `http://` on a loopback address too), as on a developer's machine.
 */
export function sessionCookieFor(listenHost: string, publicUrl: string): SessionCookie {
  const url = new URL(publicUrl)
  return isLoopback(listenHost) && url.protocol === 'http:' && isLoopback(url.hostname)
    ? PLAIN_HTTP_SESSION_COOKIE
    : SECURE_SESSION_COOKIE
}

function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '')
  return bare === 'localhost' || bare === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare)
}

/** Hands the browser a new session's secret; it lives no longer than the session may. */
export function setSessionCookie(
  reply: FastifyReply,
  cookie: SessionCookie,
  secret: string,
  maxAgeSeconds: number,
): void {
  reply.setCookie(cookie.name, secret, {
    httpOnly: true,
    secure: cookie.secure,
    sameSite: 'lax',
    path: '/',
    maxAge: maxAgeSeconds,
  })
  // A page or answer that sets a session is never kept by a cache.
  reply.header('cache-control', 'no-store')
}

export function clearSessionCookie(reply: FastifyReply, cookie: SessionCookie): void {
  reply.clearCookie(cookie.name, {
    httpOnly: true,
    secure: cookie.secure,
    sameSite: 'lax',
    path: '/',
  })
}

/** The session secret a request came with, if any. */
export function readSessionSecret(
  request: FastifyRequest,
  cookie: SessionCookie,
): string | undefined {
  const value = request.cookies?.[cookie.name]
  return value === undefined || value === '' ? undefined : value
}
