import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  compareCodePoints,
  computeNameKey,
  computePrefixEnd,
  computeSearchTerms,
  computeSearchWords,
  computeWordList,
} from './search-words.js'

describe('the words search compares', () => {
  it('ignore accents and case, whether typed precomposed or with combining marks', () => {
    expect(computeSearchWords('Léa')).toEqual(['lea'])
    expect(computeSearchWords('Le\u0301a')).toEqual(['lea'])
    expect(computeSearchWords('ÇAĞLAR Şahin')).toEqual(['caglar', 'sahin'])
    expect(computeSearchWords('Nguyễn Thị Ánh')).toEqual(['nguyen', 'thi', 'anh'])
  })

  it('spell letters with a stroke or ligature without it', () => {
    expect(computeSearchWords('Łukasz Søren Straße Æsa Đorđe Þór')).toEqual([
      'lukasz',
      'soren',
      'strasse',
      'aesa',
      'dorde',
      'thor',
    ])
  })

  it('split on anything that is not a letter or digit, and keep scripts that are not Latin', () => {
    expect(computeSearchWords("  O'Brien-Smith, ana.garcia+exams ")).toEqual([
      'o',
      'brien',
      'smith',
      'ana',
      'garcia',
      'exams',
    ])
    expect(computeSearchWords('山田 太郎')).toEqual(['山田', '太郎'])
    expect(computeSearchWords('Ἀλέξανδρος')).toEqual(['αλεξανδρος'])
    expect(computeSearchWords(' -- ')).toEqual([])
  })

  it('make a candidate’s terms of the first name, last name and email local part, each once', () => {
    expect(
      computeSearchTerms({
        firstName: 'María José',
        lastName: 'García García',
        email: 'mj.garcia@example.es',
      }),
    ).toEqual(['maria', 'jose', 'garcia', 'mj'])
  })

  it('sort names by last name, then first name', () => {
    const keys = [
      { firstName: 'Zoë', lastName: 'Ávila' },
      { firstName: 'Ana', lastName: 'Ávila' },
      { firstName: 'Ana', lastName: 'Bauer' },
    ].map(computeNameKey)
    expect(keys).toEqual(['avila zoe', 'avila ana', 'bauer ana'])
    expect([...keys].sort()).toEqual(['avila ana', 'avila zoe', 'bauer ana'])
  })
})

describe('the end of a prefix range', () => {
  it('is the word with its last character moved one on', () => {
    expect(computePrefixEnd('mar')).toBe('mas')
    expect(computePrefixEnd('z')).toBe('{')
    expect(computePrefixEnd('山')).toBe('屲')
    expect(computePrefixEnd('\ud7ff')).toBe('\ue000')
    expect(computePrefixEnd('a\u{10ffff}')).toBe('b')
    expect(computePrefixEnd('\u{10ffff}')).toBeNull()
  })

  it('holds exactly the texts the word starts, in code point order', () => {
    const utf8 = (text: string) => Buffer.from(text, 'utf8')
    const word = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 })
    fc.assert(
      fc.property(word, fc.string({ unit: 'grapheme', maxLength: 6 }), (prefix, term) => {
        const end = computePrefixEnd(prefix)!
        const inRange =
          Buffer.compare(utf8(term), utf8(prefix)) >= 0 && Buffer.compare(utf8(term), utf8(end)) < 0
        expect(inRange).toBe(term.startsWith(prefix))
        const extended = prefix + term
        expect(Buffer.compare(utf8(extended), utf8(end))).toBeLessThan(0)
      }),
    )
  })
})

describe('a candidate’s word list', () => {
  it('holds every term once between spaces, in the order the databases compare them', () => {
    expect(computeWordList(['maria', 'garcia', 'garcia7', 'mj'])).toBe(' garcia garcia7 maria mj ')
    // A letter past U+FFFF sorts after U+FFxx by code point (UTF-8 bytes), not by UTF-16 unit.
    expect(computeWordList(['\u{20000}', '\uff21'])).toBe(' \uff21 \u{20000} ')
    expect(['\u{20000}', '\uff21'].sort()).toEqual(['\u{20000}', '\uff21'])
  })

  it('orders like UTF-8 bytes', () => {
    const utf8 = (text: string) => Buffer.from(text, 'utf8')
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(Buffer.compare(utf8(a), utf8(b))))
      }),
    )
  })
})
