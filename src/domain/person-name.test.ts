import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parsePersonName } from './person-name.js'

const stored = (text: string) => {
  const parsed = parsePersonName(text)
  return parsed.ok ? parsed.name : null
}

describe('parsePersonName', () => {
  it('stores names in NFC, trimmed', () => {
    expect(stored(' Le\u0301a ')).toBe('L\u00e9a')
    expect(stored('Nguyễn Thị Minh Khai'.normalize('NFD'))).toBe('Nguyễn Thị Minh Khai')
    expect(stored("O'Brien-Smith")).toBe("O'Brien-Smith")
    expect(stored('محمد')).toBe('محمد')
    expect(stored('李小龍')).toBe('李小龍')
  })

  it('keeps the zero-width joiner and non-joiner that Indic and Persian names need', () => {
    // Malayalam chillu written with ZWJ; Persian "Mehrdad" style half-space with ZWNJ.
    expect(stored('\u0d28\u0d4d\u200d')).toBe('\u0d28\u0d4d\u200d')
    expect(stored('\u0645\u06cc\u200c\u0646\u0627')).toBe('\u0645\u06cc\u200c\u0646\u0627')
  })

  it('refuses bidirectional controls, zero-width spaces, the BOM and marks, naming the character', () => {
    for (const [text, codePoint] of [
      ['Ana\u202Eevil', 'U+202E'],
      ['\u202Aana', 'U+202A'],
      ['ana\u2066x\u2069', 'U+2066'],
      ['ana\u2069', 'U+2069'],
      ['An\u200Ba', 'U+200B'],
      ['\uFEFFAna', 'U+FEFF'],
      ['Ana\u200F', 'U+200F'],
      ['Ana\u200E', 'U+200E'],
      ['Ana\u00AD', 'U+00AD'],
    ] as const) {
      expect(parsePersonName(text), text).toEqual({
        ok: false,
        problem: `must not contain the invisible character ${codePoint}`,
      })
    }
  })

  it('refuses control characters, line breaks, lone surrogates and blank names', () => {
    for (const text of [
      'Ana\u0000',
      'Ana\tB',
      'Ana\nB',
      'Ana\r',
      'A\u007f',
      'A\u0085',
      'A\u009b',
    ]) {
      expect(parsePersonName(text).ok, JSON.stringify(text)).toBe(false)
    }
    expect(parsePersonName('A\u2028B').ok).toBe(false)
    expect(parsePersonName('Ana\ud800')).toEqual({
      ok: false,
      problem: 'must be valid Unicode text',
    })
    expect(parsePersonName('   ')).toEqual({ ok: false, problem: 'must not be empty' })
  })

  it('stores only NFC text without controls or invisible formatting but the joiners', () => {
    // Printable names mixed in, so that the property also meets names it stores.
    const names = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
    )
    let kept = 0
    fc.assert(
      fc.property(names, (text) => {
        const name = stored(text)
        if (name === null) return
        kept++
        expect(name.normalize('NFC')).toBe(name)
        expect(name).not.toMatch(/[\p{Cc}\p{Cs}\p{Zl}\p{Zp}]/u)
        expect(name.replace(/[\u200c\u200d]/g, '')).not.toMatch(/\p{Cf}/u)
        expect(name).toBe(name.trim())
      }),
    )
    expect(kept).toBeGreaterThan(0)
  })
})
