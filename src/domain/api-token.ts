import { DAY_MS, type Instant } from './instant.js'
import type { TokenRole } from './principal.js'

/** A machine client's bearer token as stored, its secret aside (only a hash of it is kept, never shown). */
export interface ApiToken {
  readonly id: string
  readonly role: TokenRole
  readonly label: string
  /** The provider it acts for; null for other roles, and for provider tokens made before tokens were bound. */
  readonly providerId: string | null
  readonly createdAt: Instant
  /** Refused from this instant on; null: never (the configured and first-start admin tokens). */
  readonly expiresAt: Instant | null
  /** Up to a minute behind the last request it made; null when it was never used since this was recorded. */
  readonly lastUsedAt: Instant | null
  readonly revokedAt: Instant | null
}

export type TokenState = 'active' | 'expired' | 'revoked'

/** A new token lives a year unless told otherwise: long enough not to surprise an integration, short enough to be renewed. */
export const DEFAULT_TOKEN_DAYS = 365
/** The longest a token may be made for by a number of days. */
export const MAX_TOKEN_DAYS = 3650

/** Whether a token still opens the door at `now`: a revocation outranks an expiry. */
export function tokenState(
  token: Pick<ApiToken, 'expiresAt' | 'revokedAt'>,
  now: Instant,
): TokenState {
  if (token.revokedAt !== null && token.revokedAt <= now) return 'revoked'
  if (isExpired(token.expiresAt, now)) return 'expired'
  return 'active'
}

export function isExpired(expiresAt: Instant | null, now: Instant): boolean {
  return expiresAt !== null && expiresAt <= now
}

/** A token bound to a provider must be a provider's, and a provider's token must name its provider. */
export function decideTokenProvider(
  role: TokenRole,
  provider: string | undefined,
): 'ok' | 'provider-required' | 'provider-not-allowed' {
  if (role === 'provider') return provider === undefined ? 'provider-required' : 'ok'
  return provider === undefined ? 'ok' : 'provider-not-allowed'
}

/** When a token made at `now` ends: at the instant asked for, after the days asked for, else after a year. */
export function tokenExpiry(
  now: Instant,
  asked: { readonly expiresAt?: Instant; readonly expiresInDays?: number },
): Instant {
  if (asked.expiresAt !== undefined) return asked.expiresAt
  return now + (asked.expiresInDays ?? DEFAULT_TOKEN_DAYS) * DAY_MS
}

/**
 * Last use is written at most once a minute per token per process, so a
 * token's `lastUsedAt` may lag its last request by up to a minute; a write
 * per request would cost the busiest endpoints a database write each.
 */
export const LAST_USE_PRECISION_MS = 60_000

/** Whether a use at `now` is worth writing, given the last one this process wrote (null: none). */
export function isLastUseDue(lastWritten: Instant | null, now: Instant): boolean {
  return lastWritten === null || now - lastWritten >= LAST_USE_PRECISION_MS
}
