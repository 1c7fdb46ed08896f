import type { ErrorCode } from '../app/errors.js'
import { VOUCHER_REFUSALS } from '../domain/decide-voucher.js'
import { RETAKE_CODES, type RetakeCode } from '../domain/retake-decision.js'

/**
 * Refusals that several booking operations share, for their `x-problems`:
 * taken from the domain's own lists where it has them, so that the
 * reference follows a new rule without being told.
 */

/** The retake policy's and a beta programme's refusals of a sitting. */
export const RETAKE_REFUSALS: readonly ErrorCode[] = RETAKE_CODES.filter(
  (code): code is Exclude<RetakeCode, 'ELIGIBLE'> => code !== 'ELIGIBLE',
)

/** The refusals of a code judged for a registration. */
export const CODE_REFUSALS: readonly ErrorCode[] = VOUCHER_REFUSALS

/** The refusals of a code typed in: not a code, unknown, given twice, too many wrong ones. */
export const CODE_ENTRY_REFUSALS: readonly ErrorCode[] = [
  'CODE_MISTYPED',
  'CODE_NOT_FOUND',
  'DUPLICATE_CODE',
  'TOO_MANY_ATTEMPTS',
]

/** The refusals of a seat: no such slot, started, the exam not delivered there, full. */
export const SEAT_REFUSALS: readonly ErrorCode[] = [
  'SLOT_NOT_FOUND',
  'SLOT_IN_PAST',
  'EXAM_NOT_DELIVERED',
  'SEAT_UNAVAILABLE',
]
