import { parse, serialize } from 'cookie'
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
  setCookie(reply, cookie.name, secret, cookie.secure, maxAgeSeconds)
  // A page or answer that sets a session is never kept by a cache.
  reply.header('cache-control', 'no-store')
}

export function clearSessionCookie(reply: FastifyReply, cookie: SessionCookie): void {
  clearCookie(reply, cookie.name, cookie.secure)
}

/**
 * Sets a cookie as examdesk sets each of its own: HttpOnly (no script reads
 * it), SameSite=Lax, for the whole site, Secure as the session cookie is.
 */
export function setCookie(
  reply: FastifyReply,
  name: string,
  value: string,
  secure: boolean,
  maxAgeSeconds: number,
): void {
  reply.header(
    'set-cookie',
    serialize(name, value, {
      httpOnly: true,
      secure,
      sameSite: 'lax',
      path: '/',
      maxAge: maxAgeSeconds,
      // A cookie to forget also expires at the first instant there is, for browsers before Max-Age.
      ...(maxAgeSeconds === 0 ? { expires: new Date(0) } : {}),
    }),
  )
}

/** Tells the browser to forget a cookie set by `setCookie`. */
export function clearCookie(reply: FastifyReply, name: string, secure: boolean): void {
  setCookie(reply, name, '', secure, 0)
}

/** The session secret a request came with, if any. */
export function readSessionSecret(
  request: FastifyRequest,
  cookie: SessionCookie,
): string | undefined {
  return readCookie(request, cookie.name)
}

/**
 * A cookie's value, or undefined when the request has none or an empty one.
 * Parsed only where a cookie is asked for: most API calls come with a bearer
 * token and no cookie at all, and parsing on every request cost them a hook.
 */
export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie
  if (header === undefined) return undefined
  const value = parse(header)[name]
  return value === undefined || value === '' ? undefined : value
}
