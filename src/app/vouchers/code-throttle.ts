import type { Kysely } from 'kysely'
import { findCandidate } from '../../db/candidates/candidates.js'
import type { DB } from '../../db/engine/schema.js'
import { countFailure, findThrottle } from '../../db/vouchers/code-throttles.js'
import { checkThrottle, decideCountedFailure } from '../../domain/code-throttle.js'
import {
  type CodeCaller,
  computeThrottleScopes,
  type ThrottleScopeKind,
} from '../../domain/code-throttle-scopes.js'
import { formatInstant, formatInZone, type Instant } from '../../domain/instant.js'
import type { Actor } from '../actor.js'
import { AppError } from '../errors.js'

/** Who is typing codes: the candidate they are for, and who asks. */
export interface CodeGuesser {
  readonly candidateId: string
  readonly caller: CodeCaller
}

/**
 * The caller an API token is: staff and providers act for many candidates,
 * so their wrong codes are counted per token, never per address. (Candidates
 * signed in for themselves will be `{ kind: 'candidate', … }` with their address.)
 */
export function codeCallerOf(actor: Pick<Actor, 'principalId'>): CodeCaller {
  return { kind: 'token', tokenId: actor.principalId }
}

/** Refuses with TOO_MANY_ATTEMPTS while any record of the guesser's is locked. */
export async function requireCodeEntryOpen(
  db: Kysely<DB>,
  guesser: CodeGuesser,
  now: Instant,
  timeZone: string,
): Promise<void> {
  for (const scope of computeThrottleScopes(guesser.candidateId, guesser.caller)) {
    const check = checkThrottle(await findThrottle(db, scope.key), now)
    if (!check.allowed) throw tooManyAttempts(scope.kind, check.retryAt, now, timeZone)
  }
}

/**
 * Counts a wrong code against each of the guesser's records, one atomic
 * statement each, after the refused request's transaction has rolled back
 * so that the count survives the refusal. Returns the refusal to answer
 * instead of CODE_NOT_FOUND when the count went past a limit: wrong codes
 * that were looked up together, before any of them was counted, are
 * answered only as far as the limit allows.
 */
async function countWrongCode(
  db: Kysely<DB>,
  guesser: CodeGuesser,
  now: Instant,
): Promise<AppError | null> {
  let refusal: { kind: ThrottleScopeKind; retryAt: Instant } | null = null
  for (const scope of computeThrottleScopes(guesser.candidateId, guesser.caller)) {
    const check = decideCountedFailure(
      await countFailure(db, scope.key, now, scope.limits),
      scope.limits,
    )
    if (!check.allowed && (refusal === null || check.retryAt > refusal.retryAt)) {
      refusal = { kind: scope.kind, retryAt: check.retryAt }
    }
  }
  if (refusal === null) return null
  const candidate = await findCandidate(db, guesser.candidateId)
  return tooManyAttempts(refusal.kind, refusal.retryAt, now, candidate?.timeZone ?? 'UTC')
}

/** Runs `work`; when it ends in CODE_NOT_FOUND, the guess is counted before the error goes on. */
export async function countingWrongCodes<T>(
  db: Kysely<DB>,
  guesser: CodeGuesser | null,
  now: Instant,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (guesser && error instanceof AppError && error.code === 'CODE_NOT_FOUND') {
      throw (await countWrongCode(db, guesser, now)) ?? error
    }
    throw error
  }
}

function tooManyAttempts(
  lockedFor: ThrottleScopeKind,
  retryAt: Instant,
  now: Instant,
  timeZone: string,
): AppError {
  return new AppError('TOO_MANY_ATTEMPTS', {
    field: 'voucherCode',
    lockedFor,
    retryAt: formatInstant(retryAt),
    retryAtLocal: formatInZone(retryAt, timeZone),
    // Whole seconds, rounded up: a client that waits this long is let through.
    retryAfter: Math.max(1, Math.ceil((retryAt - now) / 1000)),
  })
}
