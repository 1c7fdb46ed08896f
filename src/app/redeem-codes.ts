import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { Registration } from '../db/registrations.js'
import type { DB } from '../db/schema.js'
import { claimVoucher, insertVoucherUse } from '../db/vouchers.js'
import type { ExamNumber } from '../domain/exam-number.js'
import type { Instant } from '../domain/instant.js'
import { AppError } from './errors.js'
import type { CodeJudgement } from './judge-codes.js'

/**
 * Writes what a registration takes from its codes: one use per accepted
 * code, and a `forfeited` use on each code whose free retake this booking
 * gives up (acknowledged by the candidate). Each code moves on from the
 * version that was judged, so a code used by a concurrent registration
 * refuses this one instead of being used twice.
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
  uses.sort((a, b) => (a.record.code < b.record.code ? -1 : a.record.code > b.record.code ? 1 : 0))
  for (const use of uses) {
    // A code without a use limit has nothing to race for; the others are claimed at the judged version.
    if (use.slot !== null && !(await claimVoucher(trx, use.record.code, use.record.version))) {
      throw new AppError('CODE_ALREADY_USED', {
        field: 'voucherCode',
        reason: 'This code was used by another registration at the same moment.',
      })
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
