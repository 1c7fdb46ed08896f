import type { ExamNumber } from './exam-number.js'
import type { Instant } from './instant.js'
import type { OfferVersion } from './offer.js'

/**
 * What a registration took from a code. `forfeited` records a free retake
 * given up knowingly: the exam's next attempt was booked without the code.
 */
const VOUCHER_USE_KINDS = [
  'first-attempt',
  'free-retake',
  'forfeited',
  'after-pass-discount',
  'percent-off',
  'free-exam',
] as const
export type VoucherUseKind = (typeof VOUCHER_USE_KINDS)[number]

/**
 * Where the registration a use belongs to stands: ahead (`booked`), sat and
 * awaiting its score, `passed`, `failed`, or over without a sitting
 * (`not-sat`: a no-show, or cancelled without the use coming back).
 */
export type UseState = 'booked' | 'awaiting-result' | 'passed' | 'failed' | 'not-sat'

/** Where a use stands, from its registration's status and the outcome of the attempt it became, if any. */
export function useStateOf(registrationStatus: string, outcome: string | null): UseState {
  if (registrationStatus === 'booked' || registrationStatus === 'checked-in') return 'booked'
  if (registrationStatus === 'completed') {
    if (outcome === 'pass') return 'passed'
    if (outcome === 'fail') return 'failed'
    return 'awaiting-result'
  }
  return 'not-sat'
}

export interface VoucherUse {
  readonly registrationId: string
  readonly exam: ExamNumber
  readonly kind: VoucherUseKind
  readonly startsAt: Instant
  readonly state: UseState
  /** When the attempt was taken, once there is one. */
  readonly takenAt: Instant | null
  /** The benefit slot the use fills (`first:070-620`, `use:<registration>`…), as stored. */
  readonly slot?: string
}

/** A code with its offer's terms and every use of it not given back. */
export interface Voucher {
  /** Canonical form, no dashes. */
  readonly code: string
  /** The candidate it was issued to; null for a bearer code anyone may use once. */
  readonly candidateId: string | null
  readonly offer: OfferVersion
  readonly issuedAt: Instant
  /** Every use must take place before this instant; null when the code never expires. */
  readonly expiresAt: Instant | null
  /**
   * Every use not given back. For a code whose uses are only counted (a
   * percent-off or free exam code with a limit), the caller may leave them
   * out while uses are left and give `usesTaken` instead.
   */
  readonly uses: readonly VoucherUse[]
  /** How many counted uses are taken, when the caller read the count rather than the uses. */
  readonly usesTaken?: number
  /** When the code was withdrawn (its wave was withdrawn before opening); it no longer works. */
  readonly voidedAt?: Instant | null
}

/**
 * The exam whose free retake the code still holds, as of `now`: its first
 * attempt with the code failed, no retake was booked with it or given up,
 * and the code has not expired.
 */
export function openFreeRetakes(voucher: Voucher, now: Instant): readonly VoucherUse[] {
  if (voucher.offer.benefit.kind !== 'free-retake') return []
  if (voucher.expiresAt !== null && now >= voucher.expiresAt) return []
  return voucher.uses.filter(
    (use) =>
      use.kind === 'first-attempt' &&
      use.state === 'failed' &&
      !voucher.uses.some(
        (later) =>
          later.exam === use.exam && (later.kind === 'free-retake' || later.kind === 'forfeited'),
      ),
  )
}

/**
 * The pass that earns the after-pass discount, if the code's terms have one,
 * it is still to be booked before its date, and it was not used yet.
 */
export function openAfterPassDiscount(voucher: Voucher, now: Instant): VoucherUse | null {
  const terms = voucher.offer.afterPass
  if (!terms || now >= terms.bookBefore) return null
  if (voucher.uses.some((use) => use.kind === 'after-pass-discount')) return null
  return (
    voucher.uses.find(
      (use) =>
        use.kind === 'first-attempt' &&
        use.state === 'passed' &&
        use.takenAt !== null &&
        use.takenAt >= terms.passedFrom &&
        use.takenAt < terms.passedUntil,
    ) ?? null
  )
}

/**
 * The benefit a use of the code fills: one live use per code and slot is a
 * database rule, so a code's first attempt, free retake or after-pass
 * discount is taken once whatever raced. Null for a percent-off or free
 * exam use: those are counted on the code's row instead (`isCountedUse`).
 */
export function useSlot(use: VoucherUseKind, exam: ExamNumber): string | null {
  switch (use) {
    case 'first-attempt':
      return `first:${exam}`
    case 'free-retake':
    case 'forfeited':
      return `retake:${exam}`
    case 'after-pass-discount':
      return 'after-pass'
    default:
      return null
  }
}

/**
 * A use the code's row counts, up to the offer's `usesPerCode`: a percent-off
 * or free exam use of a code with a limit. A counted use is taken by a
 * conditional update of the count, so that as many registrations at once as
 * there are uses left each get one.
 */
export function isCountedUse(use: VoucherUseKind, offer: OfferVersion): boolean {
  return offer.usesPerCode !== null && (use === 'percent-off' || use === 'free-exam')
}
