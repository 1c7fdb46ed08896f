import type { Instant } from './instant.js'
import type { Principal } from './principal.js'

const MINUTE_MS = 60_000

/**
 * How long after signing in a person may make a sensitive change to their
 * account (OWASP ASVS 4.0, 3.7.1): changing its email, adding or removing a
 * passkey, linking or unlinking an outside identity, ending another of its
 * sessions. Past it, they sign in again first: a session left open on a
 * shared computer must not be enough to take the account over.
 */
export const DEFAULT_RECENT_SIGN_IN_MS = 10 * MINUTE_MS

/**
 * Whether `principal` may make a sensitive change to an account at `now`:
 * a person's session signed in less than `withinMs` ago. A caller without
 * a session (a machine client's token, the operator's console) has no
 * sign-in to renew and is judged by its role alone. The instant exactly
 * `withinMs` after the sign-in is too late, as a session's own end is.
 */
export function decideRecentSignIn(
  principal: Pick<Principal, 'sessionId' | 'signedInAt'>,
  now: Instant,
  withinMs: number,
): boolean {
  if (principal.sessionId === null) return true
  return principal.signedInAt !== null && now < principal.signedInAt + withinMs
}
