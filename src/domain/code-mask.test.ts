import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { holdsCode, maskCode, maskCodesInText, maskCodesInValue } from './code-mask.js'
import { formatVoucherCode, VOUCHER_CODE_ALPHABET, voucherCodeFromBytes } from './voucher-code.js'

const codeArb = fc.uint8Array({ minLength: 16, maxLength: 16 }).map(voucherCodeFromBytes)

describe('maskCode', () => {
  it('keeps the last four characters in the groups the code is printed in', () => {
    expect(maskCode('N95RXK-VNF7BN-8VUGYP')).toBe('••••••-••••••-••UGYP')
    expect(maskCode('N95RXKVNF7BN8VUGYP')).toBe('••••••-••••••-••UGYP')
    expect(maskCode('n95rxk vnf7bn 8vugyp')).toBe('••••••-••••••-••UGYP')
  })

  it('never shows more than the last four characters of any code', () => {
    fc.assert(
      fc.property(codeArb, (code) => {
        const masked = maskCode(formatVoucherCode(code))
        expect(masked.replace(/[•-]/g, '')).toBe(code.slice(-4))
        expect(masked).toHaveLength(20)
      }),
    )
  })
})

describe('maskCodesInText', () => {
  it('masks every code in a text, printed or run together, and leaves the rest', () => {
    const text =
      'Your code N95RXK-VNF7BN-8VUGYP holds a free retake; 22222222222222222A was sent to ana@example.test.'
    expect(maskCodesInText(text)).toBe(
      'Your code ••••••-••••••-••UGYP holds a free retake; ••••••-••••••-••222A was sent to ana@example.test.',
    )
  })

  it('masks codes inside JSON, URLs and HTML', () => {
    expect(maskCodesInText('{"code":"N95RXK-VNF7BN-8VUGYP"}')).toBe(
      '{"code":"••••••-••••••-••UGYP"}',
    )
    expect(maskCodesInText('/v1/vouchers/n95rxkvnf7bn8vugyp/preview')).toBe(
      '/v1/vouchers/••••••-••••••-••UGYP/preview',
    )
    expect(maskCodesInText('<strong>N95RXK-VNF7BN-8VUGYP</strong>')).toBe(
      '<strong>••••••-••••••-••UGYP</strong>',
    )
  })

  it('leaves ids, exam numbers, registration ids and longer words alone', () => {
    const text = [
      '0190a3f4-7b2c-7d4e-9f00-1234567890ab',
      '070-620',
      'K7QM-2X9P-4RTC',
      'voucher-issued:3f2a9c0d4b6e8f1a2c3d4e5f6a7b8c9d',
      'ABCDEFGHJKMNPQRSTUVW', // twenty code characters: not a code
    ].join(' ')
    expect(maskCodesInText(text)).toBe(text)
    expect(holdsCode(text)).toBe(false)
  })

  it('masks exactly what the expression for a code in a text finds', () => {
    const symbol = `[${VOUCHER_CODE_ALPHABET}${VOUCHER_CODE_ALPHABET.toLowerCase()}]`
    const expression = new RegExp(
      `(?<![A-Za-z0-9])${symbol}{6}[- ]?${symbol}{6}[- ]?${symbol}{6}(?![A-Za-z0-9])`,
      'g',
    )
    // Groups of six and a few stray characters, so that codes, near misses and separators come up often.
    const text = fc
      .array(
        fc.constantFrom('ABCDEF', 'gh7kmn', 'PQ2RST', 'A', 'b', '7', '0', 'i', 'é', '-', ' ', ':'),
        { maxLength: 16 },
      )
      .map((parts) => parts.join(''))
    fc.assert(
      fc.property(text, (text) => {
        expect(maskCodesInText(text)).toBe(text.replace(expression, maskCode))
        expect(holdsCode(text)).toBe(new RegExp(expression.source).test(text))
      }),
      { numRuns: 5000 },
    )
  })

  it('finds every code it is given, wherever it stands', () => {
    fc.assert(
      fc.property(codeArb, fc.string(), fc.string(), (code, before, after) => {
        const text = `${before} ${formatVoucherCode(code)} ${after}`
        expect(holdsCode(text)).toBe(true)
        expect(maskCodesInText(text)).not.toContain(formatVoucherCode(code))
        expect(maskCodesInText(text)).not.toContain(code)
      }),
    )
  })
})

describe('maskCodesInValue', () => {
  it('masks the codes in every text of a JSON value, and leaves everything else', () => {
    const detail = {
      codes: [{ code: 'N95RXK-VNF7BN-8VUGYP', offer: { id: 'second-shot', version: 3 } }],
      N95RXKVNF7BN8VUGYP: true,
      note: 'Code N95RXK VNF7BN 8VUGYP given back',
      cents: 0,
      paid: null,
    }
    expect(maskCodesInValue(detail)).toEqual({
      codes: [{ code: '••••••-••••••-••UGYP', offer: { id: 'second-shot', version: 3 } }],
      '••••••-••••••-••UGYP': true,
      note: 'Code ••••••-••••••-••UGYP given back',
      cents: 0,
      paid: null,
    })
  })
})
