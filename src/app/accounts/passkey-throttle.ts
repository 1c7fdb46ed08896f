import type { Kysely } from 'kysely'
import { runInTransaction } from '../../db/engine/group-commit.js'
import type { DB } from '../../db/engine/schema.js'
import { countFailure, findThrottle } from '../../db/vouchers/code-throttles.js'
import { checkThrottle, decideCountedFailure } from '../../domain/code-throttle.js'
import { formatInstant, type Instant } from '../../domain/instant.js'
import {
  failedPasskeyScopes,
  passkeyOptionsScopes,
  type SignInThrottleScope,
} from '../../domain/sign-in-throttle.js'
import { AppError } from '../errors.js'

/**
 * Passkey sign-in throttles, per address, on the wrong-code records like
 * the sign-in code's: every process counts on the same rows.
 */

/** Counts a request for sign-in options; PASSKEY_THROTTLED past the limit. */
export async function countPasskeyOptions(
  db: Kysely<DB>,
  address: string | null,
  now: Instant,
): Promise<void> {
  const refusal = await count(db, passkeyOptionsScopes(address), now, 'requests')
  if (refusal !== null) throw refusal
}

/** Refuses with PASSKEY_THROTTLED while the address is locked out after failed sign-ins. */
export async function requirePasskeySignInOpen(
  db: Kysely<DB>,
  address: string | null,
  now: Instant,
): Promise<void> {
  for (const scope of failedPasskeyScopes(address)) {
    const check = checkThrottle(await findThrottle(db, scope.key), now)
    if (!check.allowed) throw throttled('failures', check.retryAt, now)
  }
}

/** Counts a failed sign-in against the address; the refusal to answer instead when that went past the limit. */
export function countFailedPasskey(
  db: Kysely<DB>,
  address: string | null,
  now: Instant,
): Promise<AppError | null> {
  return count(db, failedPasskeyScopes(address), now, 'failures')
}

async function count(
  db: Kysely<DB>,
  scopes: readonly SignInThrottleScope[],
  now: Instant,
  lockedFor: 'failures' | 'requests',
): Promise<AppError | null> {
  for (const scope of scopes) {
    const state = await runInTransaction(db, (trx) =>
      countFailure(trx, scope.key, now, scope.limits),
    )
    const check = decideCountedFailure(state, scope.limits)
    if (!check.allowed) return throttled(lockedFor, check.retryAt, now)
  }
  return null
}

function throttled(lockedFor: 'failures' | 'requests', retryAt: Instant, now: Instant): AppError {
  return new AppError('PASSKEY_THROTTLED', {
    lockedFor,
    retryAt: formatInstant(retryAt),
    retryAfter: Math.max(1, Math.ceil((retryAt - now) / 1000)),
  })
}
