import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  formatVoucherCode,
  parseVoucherCode,
  VOUCHER_CODE_ALPHABET,
  VOUCHER_CODE_BITS,
  VOUCHER_CODE_LENGTH,
  voucherCodeFromBytes,
} from './voucher-code.js'

const ALPHABET = [...VOUCHER_CODE_ALPHABET]
const bytesArb = fc.uint8Array({ minLength: 16, maxLength: 16 })
const codeArb = bytesArb.map(voucherCodeFromBytes)

/** The code with `symbols` written from `at` on. */
const overwrite = (code: string, at: number, symbols: string) =>
  code.slice(0, at) + symbols + code.slice(at + symbols.length)

/** The 17 data characters completed with the one check character that makes them valid. */
function withCheck(data: string): string {
  const valid = ALPHABET.map((check) => data + check).filter((code) => parseVoucherCode(code).ok)
  expect(valid).toHaveLength(1)
  return valid[0]!
}

describe('voucherCodeFromBytes', () => {
  it('writes the bytes as 17 base-31 digits and a check character', () => {
    expect(voucherCodeFromBytes(new Uint8Array(16))).toBe('222222222222222222')
    // (2^128 - 1) mod 31^17 in base 31, worked out apart from this module.
    expect(voucherCodeFromBytes(new Uint8Array(16).fill(255))).toBe('85JJ38QRUAXWS3NG9G')
    const bytes = Uint8Array.from({ length: 16 }, (_, i) => (i * 37 + 11) & 255)
    expect(voucherCodeFromBytes(bytes)).toBe('N95RXKVNF7BN8VUGYP')
  })

  it('refuses fewer than 16 bytes and takes more', () => {
    expect(() => voucherCodeFromBytes(new Uint8Array(15))).toThrow(RangeError)
    expect(parseVoucherCode(voucherCodeFromBytes(new Uint8Array(32).fill(7))).ok).toBe(true)
  })

  it('carries at least 80 bits of randomness', () => {
    expect(VOUCHER_CODE_BITS).toBeGreaterThanOrEqual(80)
    expect(VOUCHER_CODE_BITS).toBeCloseTo(84.22, 2)
  })

  it('gives different byte arrays different codes (large sample)', () => {
    const samples = fc.sample(bytesArb, { numRuns: 20_000, seed: 20_260_101 })
    const byBytes = new Map(samples.map((bytes) => [bytes.join(','), bytes]))
    const codes = new Set([...byBytes.values()].map(voucherCodeFromBytes))
    expect(byBytes.size).toBeGreaterThan(19_990)
    expect(codes.size).toBe(byBytes.size)
  })
})

describe('formatVoucherCode', () => {
  it('groups the code in threes of six', () => {
    expect(formatVoucherCode('N95RXKVNF7BN8VUGYP')).toBe('N95RXK-VNF7BN-8VUGYP')
  })

  it('refuses what is not a canonical code', () => {
    for (const text of [
      'N95RXK-VNF7BN-8VUGYP',
      'n95rxkvnf7bn8vugyp',
      'N95RXKVNF7BN8VUGY',
      'O95RXKVNF7BN8VUGYP',
    ])
      expect(() => formatVoucherCode(text)).toThrow(RangeError)
  })
})

describe('parseVoucherCode', () => {
  it('reads the shown, the bare and the hastily typed forms alike', () => {
    for (const text of [
      'N95RXK-VNF7BN-8VUGYP',
      'N95RXKVNF7BN8VUGYP',
      ' n95rxk vnf7bn 8vugyp ',
      'n95r-xkvn-f7bn-8vug-yp',
      'N95RXK\u2013VNF7BN\u20138VUGYP',
      'Ｎ９５ＲＸＫ　ＶＮＦ７ＢＮ　８ＶＵＧＹＰ',
    ]) {
      expect(parseVoucherCode(text)).toEqual({ ok: true, code: 'N95RXKVNF7BN8VUGYP' })
    }
  })

  it('counts the characters when there are too few or too many', () => {
    expect(parseVoucherCode('N95RXK-VNF7BN-8VUGY')).toEqual({
      ok: false,
      problem: 'length',
      sentence: 'Voucher codes have 18 characters; this one has 17.',
    })
    expect(parseVoucherCode('N95RXK-VNF7BN-8VUGYPP')).toMatchObject({
      problem: 'length',
      sentence: 'Voucher codes have 18 characters; this one has 19.',
    })
    expect(parseVoucherCode(' - ')).toMatchObject({
      problem: 'length',
      sentence: 'Please type the voucher code from your mail: it has 18 characters.',
    })
  })

  it('names a look-alike the codes never use, with its position', () => {
    expect(parseVoucherCode('N95oXK-VNF7BN-8VUGYP')).toEqual({
      ok: false,
      problem: 'character',
      sentence: 'Voucher codes never use the letter O: check the character at position 4.',
      character: 'o',
      position: 4,
    })
    expect(parseVoucherCode('N95RXK-VNF7BN-8VUGY0')).toMatchObject({
      sentence: 'Voucher codes never use the digit 0: check the character at position 18.',
      position: 18,
    })
    expect(parseVoucherCode('1N95RXKVNF7BN8VUGY')).toMatchObject({
      sentence: 'Voucher codes never use the digit 1: check the character at position 1.',
    })
    expect(parseVoucherCode('N95RXK-VNF7BN-8VUGlP')).toMatchObject({
      sentence: 'Voucher codes never use the letter L: check the character at position 17.',
    })
    expect(parseVoucherCode('N95RXK-VNF7BN_8VUGP')).toMatchObject({
      problem: 'character',
      sentence: 'Voucher codes use only letters and digits: check the character at position 13.',
      character: '_',
    })
  })

  it('does not read a sharp s as two code characters', () => {
    expect(parseVoucherCode('N95RXK-VNF7BN-8VUGYß')).toMatchObject({ problem: 'character' })
  })

  it('calls a wrong check a typing mistake', () => {
    expect(parseVoucherCode('N95RXK-VNF7BN-8VUGYQ')).toEqual({
      ok: false,
      problem: 'check',
      sentence: 'This code has a typing mistake: please check it against your mail.',
    })
  })

  it('reads back every formatted code (property)', () => {
    fc.assert(
      fc.property(codeArb, (code) => {
        expect(code).toMatch(new RegExp(`^[${VOUCHER_CODE_ALPHABET}]{${VOUCHER_CODE_LENGTH}}$`))
        expect(parseVoucherCode(formatVoucherCode(code))).toEqual({ ok: true, code })
      }),
    )
  })

  it('ignores case, spaces and dashes anywhere (property)', () => {
    const separator = fc.constantFrom('', '', '', ' ', '-', '  ', ' - ', '\t', '\u00a0', '\u2013')
    const typed = fc
      .tuple(
        codeArb,
        fc.array(fc.tuple(fc.boolean(), separator), {
          minLength: VOUCHER_CODE_LENGTH + 1,
          maxLength: VOUCHER_CODE_LENGTH + 1,
        }),
      )
      .map(([code, shape]) => ({
        code,
        text:
          shape[0]![1] +
          [...code]
            .map((symbol, i) => {
              const [lower, after] = shape[i + 1]!
              return (lower ? symbol.toLowerCase() : symbol) + after
            })
            .join(''),
      }))
    fc.assert(
      fc.property(typed, ({ code, text }) => {
        expect(parseVoucherCode(text)).toEqual({ ok: true, code })
      }),
    )
  })

  it('catches every single-character substitution (property)', () => {
    fc.assert(
      fc.property(codeArb, (code) => {
        for (let at = 0; at < VOUCHER_CODE_LENGTH; at++) {
          for (const symbol of ALPHABET) {
            if (symbol === code[at]) continue
            expect(parseVoucherCode(overwrite(code, at, symbol))).toMatchObject({
              problem: 'check',
            })
          }
        }
      }),
      { numRuns: 50 },
    )
  })

  it('catches every adjacent transposition of two different characters (property)', () => {
    fc.assert(
      fc.property(codeArb, (code) => {
        for (let at = 0; at < VOUCHER_CODE_LENGTH - 1; at++) {
          const [a, b] = [code[at]!, code[at + 1]!]
          if (a === b) continue
          expect(parseVoucherCode(overwrite(code, at, b + a))).toMatchObject({ problem: 'check' })
        }
      }),
    )
  })

  it('misses no adjacent transposition: every pair, at every place', () => {
    const base = 'N95RXKVNF7BN8VUGY'
    for (let at = 0; at < VOUCHER_CODE_LENGTH - 1; at++) {
      for (const a of ALPHABET) {
        // When b is the check character, the first character is chosen so that it comes out as b.
        const byCheck =
          at + 1 === VOUCHER_CODE_LENGTH - 1
            ? new Map(
                ALPHABET.map((first) => withCheck(overwrite(overwrite(base, at, a), 0, first))).map(
                  (code) => [code.at(-1)!, code],
                ),
              )
            : null
        for (const b of ALPHABET) {
          if (a === b) continue
          const code = byCheck ? byCheck.get(b)! : withCheck(overwrite(base, at, a + b))
          expect(code.slice(at, at + 2)).toBe(a + b)
          expect(parseVoucherCode(overwrite(code, at, b + a))).toMatchObject({ problem: 'check' })
        }
      }
    }
  })

  it('misses a transposition across one character, as its doc says', () => {
    // Positions 1 and 3 carry the same weight.
    expect(parseVoucherCode('59NRXKVNF7BN8VUGYP')).toEqual({ ok: true, code: '59NRXKVNF7BN8VUGYP' })
  })

  it('would, with the textbook digit-sum fold, confuse 15 pairs and miss 2Z ↔ Z2', () => {
    // Why the doubled value is reduced mod 31: adding its base-31 digits is
    // not a permutation when the base is odd.
    const fold = (x: number) => Math.floor((2 * x) / 31) + ((2 * x) % 31)
    const confused: string[] = []
    const swapped: string[] = []
    for (let a = 0; a < 31; a++) {
      for (let b = a + 1; b < 31; b++) {
        if (fold(a) % 31 === fold(b) % 31) confused.push(ALPHABET[a]! + ALPHABET[b]!)
        if ((fold(a) + b) % 31 === (fold(b) + a) % 31) swapped.push(ALPHABET[a]! + ALPHABET[b]!)
      }
    }
    expect(confused.join(' ')).toBe('3J 4K 5M 6N 7P 8Q 9R AS BT CU DV EW FX GY HZ')
    expect(swapped).toEqual(['2Z'])
  })
})
