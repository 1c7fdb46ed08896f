import { HOUR_MS, type Instant } from './instant.js'
import { type Money, percentOf } from './money.js'

/**
 * A provider's rule for the money of a paid registration cancelled inside
 * its window: everything back when cancelled early enough, else a fee kept.
 */
export interface CancellationRefundRule {
  /** A cancellation at least this many hours before the appointment refunds everything paid. */
  readonly fullRefundHours: number
  /** Later than that, the percentage of what was paid the provider keeps (100: nothing back). */
  readonly lateFeePercent: number
}

/** The rule of a provider that sets none: every cancellation the window allows is refunded in full. */
export const FULL_REFUND: CancellationRefundRule = { fullRefundHours: 0, lateFeePercent: 100 }

/** What happens to the money of a cancelled registration. */
export interface CancellationMoney {
  readonly currency: string
  readonly paidCents: number
  readonly refundCents: number
  /** Kept by the provider: zero, or the late fee. */
  readonly feeCents: number
  /** The last instant (inclusive) a cancellation was refunded in full. */
  readonly fullRefundUntil: Instant
  /** `refunded`: everything paid goes back; `fee-kept`: a fee was kept, the rest (if any) goes back. */
  readonly outcome: 'refunded' | 'fee-kept'
}

/**
 * What a cancellation at `now` does with `paid` under the provider's rule:
 * cancelled at or before `fullRefundHours` before the start, everything is
 * refunded; later, `lateFeePercent` of it (rounded half up) is kept. A
 * registration that cost nothing has nothing to keep.
 */
export function decideCancellationRefund(
  rule: CancellationRefundRule,
  paid: Money,
  startsAt: Instant,
  now: Instant,
): CancellationMoney {
  const fullRefundUntil = startsAt - rule.fullRefundHours * HOUR_MS
  const feeCents = now <= fullRefundUntil ? 0 : percentOf(paid.cents, rule.lateFeePercent)
  return {
    currency: paid.currency,
    paidCents: paid.cents,
    refundCents: paid.cents - feeCents,
    feeCents,
    fullRefundUntil,
    outcome: feeCents === 0 ? 'refunded' : 'fee-kept',
  }
}
