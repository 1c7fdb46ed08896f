import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decideCancellationRefund, FULL_REFUND } from './cancellation-refund.js'
import { HOUR_MS } from './instant.js'

const at = (text: string) => Date.parse(text)
const PAID = { currency: 'USD', cents: 16_500 }
/** Prometric in the demo: everything back until 72 hours before, a quarter kept after. */
const RULE = { fullRefundHours: 72, lateFeePercent: 25 }

describe('decideCancellationRefund', () => {
  const startsAt = at('2026-07-01T09:00:00Z')

  it('refunds everything up to and including the full-refund deadline', () => {
    const deadline = startsAt - 72 * HOUR_MS
    expect(decideCancellationRefund(RULE, PAID, startsAt, deadline)).toEqual({
      currency: 'USD',
      paidCents: 16_500,
      refundCents: 16_500,
      feeCents: 0,
      fullRefundUntil: deadline,
      outcome: 'refunded',
    })
    expect(decideCancellationRefund(RULE, PAID, startsAt, deadline + 1)).toMatchObject({
      refundCents: 12_375,
      feeCents: 4_125,
      outcome: 'fee-kept',
    })
  })

  it('keeps everything when the fee is 100 %, and has nothing to keep of nothing paid', () => {
    const late = startsAt - 60 * HOUR_MS
    const all = { fullRefundHours: 96, lateFeePercent: 100 }
    expect(decideCancellationRefund(all, PAID, startsAt, late)).toMatchObject({
      refundCents: 0,
      feeCents: 16_500,
      outcome: 'fee-kept',
    })
    expect(
      decideCancellationRefund(all, { currency: 'USD', cents: 0 }, startsAt, late),
    ).toMatchObject({ refundCents: 0, feeCents: 0, outcome: 'refunded' })
  })

  it('refunds in full whenever a provider sets no rule', () => {
    expect(decideCancellationRefund(FULL_REFUND, PAID, startsAt, startsAt)).toMatchObject({
      refundCents: 16_500,
      outcome: 'refunded',
    })
  })

  it('splits what was paid into a refund and a fee, never more, never negative (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 8760 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: -10_000, max: 10_000 }),
        (cents, fullRefundHours, lateFeePercent, hoursBefore) => {
          const money = decideCancellationRefund(
            { fullRefundHours, lateFeePercent },
            { currency: 'EUR', cents },
            startsAt,
            startsAt - hoursBefore * HOUR_MS,
          )
          expect(money.refundCents + money.feeCents).toBe(cents)
          expect(money.refundCents).toBeGreaterThanOrEqual(0)
          expect(money.feeCents).toBeGreaterThanOrEqual(0)
          if (hoursBefore >= fullRefundHours) expect(money.feeCents).toBe(0)
          expect(money.outcome).toBe(money.feeCents === 0 ? 'refunded' : 'fee-kept')
        },
      ),
    )
  })
})
