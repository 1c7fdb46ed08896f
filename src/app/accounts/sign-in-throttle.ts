import type { Kysely } from 'kysely'
import { runInTransaction } from '../../db/engine/group-commit.js'
import type { DB } from '../../db/engine/schema.js'
import { countFailure, findThrottle } from '../../db/vouchers/code-throttles.js'
import { checkThrottle, decideCountedFailure } from '../../domain/code-throttle.js'
import { formatInstant, type Instant } from '../../domain/instant.js'
import {
  emailChangeScopes,
  type SignInThrottleScope,
  signInRequestScopes,
  wrongSignInCodeScopes,
} from '../../domain/sign-in-throttle.js'
import { AppError } from '../errors.js'

/**
 * Sign-in throttles on the wrong-code records (`code_throttles`): each count
 * is one statement of the database, so every process counts on the same
 * row, and a refusal survives the refused request.
 */

/** Counts a request for sign-in mail against its email and address; SIGN_IN_THROTTLED past a limit. */
export async function countSignInRequest(
  db: Kysely<DB>,
  email: string,
  address: string | null,
  now: Instant,
): Promise<void> {
  const refusal = await countAgainst(db, signInRequestScopes(email, address), now)
  if (refusal !== null)
    throw new AppError('SIGN_IN_THROTTLED', {
      lockedFor: refusal.kind,
      retryAt: formatInstant(refusal.retryAt),
      retryAfter: secondsUntil(refusal.retryAt, now),
    })
}

/** Counts a request to change an account's email against the new address, the account and the network address; EMAIL_CHANGE_THROTTLED past a limit. */
export async function countEmailChangeRequest(
  db: Kysely<DB>,
  scope: { readonly newEmail: string; readonly accountId: string; readonly address: string | null },
  now: Instant,
): Promise<void> {
  const refusal = await countAgainst(
    db,
    emailChangeScopes(scope.newEmail, scope.accountId, scope.address),
    now,
  )
  if (refusal !== null)
    throw new AppError('EMAIL_CHANGE_THROTTLED', {
      lockedFor: refusal.kind,
      retryAt: formatInstant(refusal.retryAt),
      retryAfter: secondsUntil(refusal.retryAt, now),
    })
}

/**
 * Counts a request against every record of `scopes`, each in a statement of
 * its own; of those past their limit, the one that locks longest (its kind
 * and until when), or null when none is.
 */
export async function countAgainst<K extends string>(
  db: Kysely<DB>,
  scopes: readonly SignInThrottleScope<K>[],
  now: Instant,
): Promise<{ readonly kind: K; readonly retryAt: Instant } | null> {
  let refusal: { kind: K; retryAt: Instant } | null = null
  for (const scope of scopes) {
    const state = await runInTransaction(db, (trx) =>
      countFailure(trx, scope.key, now, scope.limits),
    )
    const check = decideCountedFailure(state, scope.limits)
    if (!check.allowed && (refusal === null || check.retryAt > refusal.retryAt))
      refusal = { kind: scope.kind, retryAt: check.retryAt }
  }
  return refusal
}

/** Refuses with TOO_MANY_ATTEMPTS while the address is locked out of typing codes. */
export async function requireSignInCodeEntryOpen(
  db: Kysely<DB>,
  address: string | null,
  now: Instant,
): Promise<void> {
  for (const scope of wrongSignInCodeScopes(address)) {
    const check = checkThrottle(await findThrottle(db, scope.key), now)
    if (!check.allowed) throw tooManyWrongCodes(check.retryAt, now)
  }
}

/** Counts a wrong code against the address; the refusal to answer instead when that went past the limit. */
export async function countWrongSignInCodeFrom(
  db: Kysely<DB>,
  address: string | null,
  now: Instant,
): Promise<AppError | null> {
  for (const scope of wrongSignInCodeScopes(address)) {
    const state = await runInTransaction(db, (trx) =>
      countFailure(trx, scope.key, now, scope.limits),
    )
    const check = decideCountedFailure(state, scope.limits)
    if (!check.allowed) return tooManyWrongCodes(check.retryAt, now)
  }
  return null
}

function tooManyWrongCodes(retryAt: Instant, now: Instant): AppError {
  return new AppError('TOO_MANY_ATTEMPTS', {
    field: 'code',
    lockedFor: 'address',
    retryAt: formatInstant(retryAt),
    retryAtLocal: formatInstant(retryAt),
    retryAfter: secondsUntil(retryAt, now),
  })
}

/** Whole seconds, rounded up: a client that waits this long is let through. */
export function secondsUntil(at: Instant, now: Instant): number {
  return Math.max(1, Math.ceil((at - now) / 1000))
}
