import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatMoney, isCurrency } from './money.js'

describe('formatMoney', () => {
  it('writes each currency with its own decimals: none for yen, three for the dinar', () => {
    expect(formatMoney({ currency: 'USD', cents: 16_500 })).toBe('USD 165.00')
    expect(formatMoney({ currency: 'JPY', cents: 16_500 })).toBe('JPY 16,500')
    expect(formatMoney({ currency: 'BHD', cents: 16_500 })).toBe('BHD 16.500')
    expect(formatMoney({ currency: 'EUR', cents: 5 })).toBe('EUR 0.05')
    expect(formatMoney({ currency: 'USD', cents: -1_250 })).toBe('-USD 12.50')
  })

  it('never rounds: every cent of an amount is written', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_147_483_647 }), (cents) => {
        const digits = formatMoney({ currency: 'USD', cents }).replace(/[^0-9]/g, '')
        expect(Number(digits)).toBe(cents)
      }),
    )
  })

  it('writes text that is no currency code as it is, beside the amount', () => {
    expect(formatMoney({ currency: 'usd', cents: 100 })).toBe('usd 1.00')
  })
})

describe('isCurrency', () => {
  it('takes the codes ISO 4217 lists, in capitals, and nothing else', () => {
    for (const code of ['USD', 'EUR', 'JPY', 'BHD', 'NZD']) expect(isCurrency(code)).toBe(true)
    for (const code of ['XXQ', 'ABC', 'usd', 'US', 'USDX', '']) expect(isCurrency(code)).toBe(false)
  })
})
