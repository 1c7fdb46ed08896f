import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  formatSignInCode,
  normalizeSignInCode,
  SIGN_IN_CODE_ALPHABET,
  signInCodeFrom,
} from './sign-in-code.js'

describe('sign-in codes', () => {
  it('has no look-alikes in its alphabet', () => {
    for (const lookAlike of ['0', 'O', '1', 'I', 'L'])
      expect(SIGN_IN_CODE_ALPHABET).not.toContain(lookAlike)
    expect(new Set(SIGN_IN_CODE_ALPHABET).size).toBe(31)
  })

  it('draws 8 symbols, skipping the bytes that would favour some', () => {
    expect(signInCodeFrom([0, 1, 2, 3, 4, 5, 6, 7])).toBe('23456789')
    // 248 and up would make the first eight symbols more likely than the rest.
    expect(signInCodeFrom([248, 255, 30, 31, 0, 0, 0, 0, 0, 0])).toBe('Z2222222')
    expect(signInCodeFrom([1, 2, 3])).toBeNull()
    expect(signInCodeFrom([250, 251, 252, 253, 254, 255, 248, 249])).toBeNull()
  })

  it('reads back a shown code whatever its case, dashes and spaces', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 8, max: 247 }), (bytes) => {
        const code = signInCodeFrom(bytes)!
        const shown = formatSignInCode(code)
        expect(shown).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/)
        expect(normalizeSignInCode(shown)).toBe(code)
        expect(normalizeSignInCode(` ${shown.toLowerCase()} `)).toBe(code)
        expect(normalizeSignInCode(code.split('').join(' '))).toBe(code)
      }),
    )
  })

  it('refuses what cannot be a code', () => {
    for (const text of ['', 'K7QM-Z4R', 'K7QM-Z4RTX', 'K7QM-Z4R0', 'K7QM_Z4RT', 'K7QM-Z4RÉ'])
      expect(normalizeSignInCode(text)).toBeNull()
  })
})
