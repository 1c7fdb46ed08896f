import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { examPrefix, parseExamNumber } from './exam-number.js'

describe('parseExamNumber', () => {
  it('reads the short and the long spelling as the same exam', () => {
    expect(parseExamNumber('70-620')).toBe('070-620')
    expect(parseExamNumber('070-620')).toBe('070-620')
    expect(parseExamNumber(' 98-349 ')).toBe('098-349')
  })

  it('refuses look-alikes and other shapes', () => {
    for (const text of [
      '7O-620',
      '70620',
      '70-62',
      '0070-620',
      '70-6200',
      '',
      '70_620',
      'x70-620',
    ]) {
      expect(parseExamNumber(text)).toBeNull()
    }
  })

  it('is idempotent and keeps the prefix (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999 }), (p, s) => {
        const serial = String(s).padStart(3, '0')
        const long = parseExamNumber(`${String(p).padStart(3, '0')}-${serial}`)
        expect(long).not.toBeNull()
        expect(parseExamNumber(long!)).toBe(long)
        expect(examPrefix(long!)).toBe(String(p).padStart(3, '0'))
        if (p < 100) expect(parseExamNumber(`${String(p).padStart(2, '0')}-${serial}`)).toBe(long)
      }),
    )
  })
})
