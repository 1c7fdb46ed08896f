import type { Kysely } from 'kysely'
import { findThrottle, lockThrottle, saveThrottle } from '../db/code-throttles.js'
import type { DB } from '../db/schema.js'
import {
  ADDRESS_LIMITS,
  CANDIDATE_LIMITS,
  checkThrottle,
  recordFailure,
  type ThrottleLimits,
} from '../domain/code-throttle.js'
import { formatInstant, formatInZone, type Instant } from '../domain/instant.js'
import { AppError } from './errors.js'

/** Who is typing codes: the candidate they are for, and the network address asking. */
export interface CodeGuesser {
  readonly candidateId: string
  readonly address: string | null
}

function scopes(guesser: CodeGuesser): [string, ThrottleLimits][] {
  const list: [string, ThrottleLimits][] = [[`candidate:${guesser.candidateId}`, CANDIDATE_LIMITS]]
  if (guesser.address) list.push([`address:${guesser.address}`, ADDRESS_LIMITS])
  return list
}

/** Refuses with TOO_MANY_ATTEMPTS while the candidate's or the address's code entry is locked. */
export async function requireCodeEntryOpen(
  db: Kysely<DB>,
  guesser: CodeGuesser,
  now: Instant,
  timeZone: string,
): Promise<void> {
  for (const [scope] of scopes(guesser)) {
    const check = checkThrottle(await findThrottle(db, scope), now)
    if (!check.allowed) {
      throw new AppError('TOO_MANY_ATTEMPTS', {
        field: 'voucherCode',
        retryAt: formatInstant(check.retryAt),
        retryAtLocal: formatInZone(check.retryAt, timeZone),
      })
    }
  }
}

/**
 * Counts a wrong code against the candidate and the address. It runs in its
 * own transaction after the refused request's has rolled back, so the count
 * survives the refusal.
 */
async function countWrongCode(db: Kysely<DB>, guesser: CodeGuesser, now: Instant): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const [scope, limits] of scopes(guesser)) {
      await saveThrottle(
        trx,
        scope,
        recordFailure(await lockThrottle(trx, scope, now), now, limits),
      )
    }
  })
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
      await countWrongCode(db, guesser, now)
    }
    throw error
  }
}
