import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { DB } from '../../db/engine/schema.js'
import { claimVoucher, insertVoucherUse, takeCountedUse } from '../../db/vouchers/vouchers.js'
import type { ExamNumber } from '../../domain/exam-number.js'
import type { Instant } from '../../domain/instant.js'
import type { Registration } from '../../domain/registration.js'
import { AppError } from '../errors.js'
import type { CodeJudgement } from './decide-codes.js'

/**
 * Writes what a registration takes from its codes: one use per accepted
 * code, and a `forfeited` use on each code whose free retake this booking
 * gives up (acknowledged by the candidate). A code whose use fills a named
 * benefit (a first attempt, a free retake) moves on from the version that
 * was judged, so a code used by a concurrent registration refuses this one
 * instead of being used twice. Counted uses are taken apart, by
 * `takeCountedUses`, at the end of the transaction.
 */
export async function redeemCodes(
  trx: Kysely<DB>,
  codes: CodeJudgement,
  registration: Registration,
  exam: ExamNumber,
  now: Instant,
): Promise<void> {
  const uses = [
    ...codes.accepted.map((code) => ({
      record: code.record,
      kind: code.verdict.use,
      slot: code.slot,
    })),
    ...codes.giveUp.map((held) => ({
      record: held.record,
      kind: 'forfeited' as const,
      slot: `retake:${exam}` as string | null,
    })),
  ]
  // Always in the same order, so that two registrations with the same codes cannot lock each other.
  uses.sort((a, b) => compareCodes(a.record.code, b.record.code))
  for (const use of uses) {
    // A named benefit is claimed at the judged version; a counted or unlimited use has no state to go stale.
    if (use.slot !== null && !(await claimVoucher(trx, use.record.code, use.record.version))) {
      throw codeUsedMeanwhile()
    }
    await insertVoucherUse(trx, {
      id: uuidv7(),
      code: use.record.code,
      registrationId: registration.id,
      exam,
      kind: use.kind,
      slot: use.slot ?? `use:${registration.id}`,
      usedAt: now,
    })
  }
}

/** Another registration took the same use of a code at the same moment (a claim or a unique index kept one). */
export function codeUsedMeanwhile(): AppError {
  return new AppError('CODE_ALREADY_USED', {
    field: 'voucherCode',
    reason: 'This code was used by another registration at the same moment.',
  })
}

/**
 * Takes a use of each accepted code whose uses are counted, while one is
 * left. Called as late in the registration's transaction as it can be: a
 * wave's code is one row that every invitee's registration updates, and
 * each holds it from this statement to its commit.
 */
export async function takeCountedUses(trx: Kysely<DB>, codes: CodeJudgement): Promise<void> {
  const counted = codes.accepted
    .filter((code) => code.countedUpTo !== null)
    .sort((a, b) => compareCodes(a.record.code, b.record.code))
  for (const code of counted) {
    if (!(await takeCountedUse(trx, code.record.code, code.countedUpTo!))) {
      throw new AppError('CODE_ALREADY_USED', {
        field: 'voucherCode',
        reason: `Every use of this code is taken (${code.countedUpTo} in all).`,
      })
    }
  }
}

function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
