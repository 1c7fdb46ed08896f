import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { signInCodeFrom } from '../../domain/sign-in-code.js'

/**
 * The secrets of signing in: a sign-in link's, a sign-in code, a session's.
 * Only their hashes are stored, so a copy of the database opens nothing.
 */

/** SHA-256, hex: what the database keeps of a link's or a session's secret. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

/** 32 random bytes, base64url: a link's or a session's secret. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url')
}

/** A new sign-in code (`K7QMZ4RT`): 16 random bytes give 8 unbiased symbols all but always; else draw again. */
export function newSignInCode(): string {
  for (;;) {
    const code = signInCodeFrom(randomBytes(16))
    if (code !== null) return code
  }
}

/**
 * What is stored of a code: salted with its request's id, so that one
 * code's hash says nothing of another request's (the code space is small
 * enough to search; the request's 15 minutes and five wrong tries are what
 * keep guessing out).
 */
export function hashSignInCode(requestId: string, code: string): string {
  return createHash('sha256').update(`${requestId}:${code}`).digest('hex')
}

/** Compares two hex hashes in constant time. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex')
  const right = Buffer.from(b, 'hex')
  return left.length === right.length && timingSafeEqual(left, right)
}

/**
 * The CSRF token of a session: an HMAC of a fixed label keyed with the
 * session's secret. Only the holder of the cookie can know it (the cookie is
 * HttpOnly, and the server keeps only the secret's hash), every process
 * computes the same one without storing it, and a new sign-in, with its new
 * secret, gives a new token.
 */
export function csrfTokenOf(sessionSecret: string): string {
  return createHmac('sha256', sessionSecret).update('examdesk-csrf-token').digest('base64url')
}

/** Whether `given` is the session's CSRF token, compared in constant time. */
export function isCsrfToken(sessionSecret: string, given: string | undefined): boolean {
  if (given === undefined) return false
  const expected = Buffer.from(csrfTokenOf(sessionSecret))
  const offered = Buffer.from(given)
  return expected.length === offered.length && timingSafeEqual(expected, offered)
}
