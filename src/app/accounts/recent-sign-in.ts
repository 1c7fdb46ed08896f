import { formatInstant, type Instant } from '../../domain/instant.js'
import type { Principal } from '../../domain/principal.js'
import { DEFAULT_RECENT_SIGN_IN_MS, decideRecentSignIn } from '../../domain/recent-sign-in.js'
import type { AppDeps } from '../app-deps.js'
import { AppError } from '../errors.js'

/**
 * Refuses a sensitive change to an account (its email, passkeys, outside
 * identities, other sessions) with REAUTHENTICATION_REQUIRED when the
 * caller's session signed in longer ago than the setting allows; called
 * before anything is written or counted, so a refusal changes nothing.
 */
export function requireRecentSignIn(
  deps: Pick<AppDeps, 'recentSignInMs'>,
  principal: Principal,
  now: Instant,
): void {
  const withinMs = deps.recentSignInMs ?? DEFAULT_RECENT_SIGN_IN_MS
  if (decideRecentSignIn(principal, now, withinMs)) return
  throw new AppError('REAUTHENTICATION_REQUIRED', {
    signedInAt: principal.signedInAt === null ? null : formatInstant(principal.signedInAt),
    withinMinutes: Math.round(withinMs / 60_000),
  })
}
