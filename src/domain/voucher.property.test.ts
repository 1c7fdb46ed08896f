import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEMO_OFFERS } from '../demo/demo-offers.js'
import { decideVoucher } from './decide-voucher.js'
import { DAY_MS } from './instant.js'
import type { PricedExam } from './offer.js'
import { voucherExpiry } from './offer.js'
import { priceRegistration } from './price.js'
import type { UseState, Voucher, VoucherUse } from './voucher.js'

const EXAMS: PricedExam[] = [
  { number: '070-620', title: 'a', family: 'general', priceClass: 'regular' },
  { number: '070-621', title: 'b', family: 'general', priceClass: 'regular' },
  { number: '072-100', title: 'c', family: 'academic', priceClass: 'academic' },
  { number: '098-361', title: 'd', family: 'mta', priceClass: 'regular' },
  { number: '071-620', title: 'e', family: 'beta', priceClass: 'discounted' },
]

const effect = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.constant({ kind: 'free' as const }),
  fc.integer({ min: 1, max: 100 }).map((percent) => ({ kind: 'percent-off' as const, percent })),
)

describe('prices', () => {
  it('are never negative and never more than the list price, whatever codes apply', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(effect, { maxLength: 4 }),
        (cents, effects) => {
          const price = priceRegistration(
            { currency: 'USD', cents },
            effects.map((e, i) => ({
              code: `C${i}`,
              offerId: 'o',
              offerVersion: 1,
              label: 'l',
              effect: e,
            })),
          )
          expect(price.dueCents).toBeGreaterThanOrEqual(0)
          expect(price.dueCents).toBeLessThanOrEqual(cents)
          expect(price.listCents + price.lines.reduce((sum, line) => sum + line.cents, 0)).toBe(
            price.dueCents,
          )
        },
      ),
    )
  })
})

describe('a free-retake code', () => {
  it('grants the free retake at most once per exam, whatever is booked and whatever the outcomes', () => {
    const freeRetakeOffers = DEMO_OFFERS.filter((offer) => offer.benefit.kind === 'free-retake')
    const step = fc.record({
      exam: fc.constantFrom(...EXAMS),
      provider: fc.constantFrom('prometric', 'pearson-vue'),
      days: fc.integer({ min: 1, max: 60 }),
      outcome: fc.constantFrom<UseState>('passed', 'failed', 'not-sat', 'awaiting-result'),
    })
    fc.assert(
      fc.property(
        fc.constantFrom(...freeRetakeOffers),
        fc.array(step, { maxLength: 12 }),
        (offer, steps) => {
          const issuedAt = offer.enrolment?.opensAt ?? offer.effectiveFrom
          let uses: VoucherUse[] = []
          let now = issuedAt
          for (const [i, s] of steps.entries()) {
            now += s.days * DAY_MS
            const voucher: Voucher = {
              code: 'X',
              candidateId: 'c',
              offer,
              issuedAt,
              expiresAt: voucherExpiry(offer, issuedAt),
              uses,
            }
            const verdict = decideVoucher(voucher, {
              candidateId: 'c',
              exam: s.exam,
              provider: s.provider,
              startsAt: now + DAY_MS,
              now,
              paymentMethod: null,
              otherCodes: [],
              retakeIfFailedAt: now + 2 * DAY_MS,
              timeZone: 'UTC',
            })
            if (!verdict.accepted) continue
            if (verdict.use === 'free-retake') {
              expect(
                uses.some(
                  (u) =>
                    u.exam === s.exam.number && u.kind === 'first-attempt' && u.state === 'failed',
                ),
              ).toBe(true)
            }
            uses = [
              ...uses,
              {
                registrationId: `r${i}`,
                exam: s.exam.number,
                kind: verdict.use,
                startsAt: now + DAY_MS,
                state: s.outcome,
                takenAt: now + DAY_MS,
              },
            ]
          }
          for (const exam of EXAMS) {
            expect(
              uses.filter((u) => u.exam === exam.number && u.kind === 'free-retake').length,
            ).toBeLessThanOrEqual(1)
          }
          const examsCovered = new Set(
            uses.filter((u) => u.kind === 'first-attempt').map((u) => u.exam),
          ).size
          expect(examsCovered).toBeLessThanOrEqual(
            offer.benefit.kind === 'free-retake' ? offer.benefit.exams : 0,
          )
        },
      ),
    )
  })
})
