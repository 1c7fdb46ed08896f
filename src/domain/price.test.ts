import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type AppliedCode, addCodesToPrice, defaultCurrency, priceRegistration } from './price.js'

const code = (name: string, effect: AppliedCode['effect']): AppliedCode => ({
  code: name,
  offerId: 'o',
  offerVersion: 1,
  label: name,
  effect,
})

const effect = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.constant({ kind: 'free' as const }),
  fc.integer({ min: 1, max: 100 }).map((percent) => ({ kind: 'percent-off' as const, percent })),
)

describe('addCodesToPrice', () => {
  it('applies a code given later to what is left, as if it had been given at booking', () => {
    const booked = priceRegistration({ currency: 'USD', cents: 16_500 }, [
      code('A', { kind: 'percent-off', percent: 15 }),
    ])
    const later = addCodesToPrice(booked, [code('B', { kind: 'free' })])
    expect(later).toEqual({
      currency: 'USD',
      listCents: 16_500,
      lines: [
        { code: 'A', offerId: 'o', offerVersion: 1, label: 'A', cents: -2_475 },
        { code: 'B', offerId: 'o', offerVersion: 1, label: 'B', cents: -14_025 },
      ],
      dueCents: 0,
    })
  })

  it('gives the price all the codes would have given together (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(effect, { maxLength: 3 }),
        fc.array(effect, { maxLength: 3 }),
        (cents, first, then) => {
          const codes = [...first, ...then].map((e, i) => code(`C${i}`, e))
          const list = { currency: 'JPY', cents }
          expect(
            addCodesToPrice(
              priceRegistration(list, codes.slice(0, first.length)),
              codes.slice(first.length),
            ),
          ).toEqual(priceRegistration(list, codes))
        },
      ),
    )
  })
})

describe('defaultCurrency', () => {
  const price = (currency: string) => ({ currency, cents: 100 })

  it('charges US dollars when listed, else the first currency listed, and nothing when free', () => {
    expect(defaultCurrency([price('EUR'), price('USD')])).toBe('USD')
    expect(defaultCurrency([price('EUR'), price('JPY')])).toBe('EUR')
    expect(defaultCurrency([])).toBeNull()
  })
})
