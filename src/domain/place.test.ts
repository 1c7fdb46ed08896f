import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  computeMidLongitude,
  foldPlaceText,
  type LongitudeSpread,
  mergeLongitudeSpreads,
  rankPlaceMatch,
} from './place.js'

/** What a database adds up about these longitudes. */
function spreadOf(longitudes: readonly number[]): LongitudeSpread {
  const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length
  return {
    min: Math.min(...longitudes),
    max: Math.max(...longitudes),
    mean: mean(longitudes),
    eastwardMean: mean(longitudes.map((lon) => (lon < 0 ? lon + 360 : lon))),
  }
}

/** The difference of two longitudes the short way round, 0 to 180. */
function apart(a: number, b: number): number {
  const d = Math.abs(a - b) % 360
  return d > 180 ? 360 - d : d
}

describe('foldPlaceText', () => {
  it('drops accents and case, and keeps words apart by one space', () => {
    expect(foldPlaceText('São Paulo')).toBe('sao paulo')
    expect(foldPlaceText('  ŁÓDŹ ')).toBe('lodz')
    expect(foldPlaceText('Düsseldorf')).toBe('dusseldorf')
    expect(foldPlaceText('Tromsø')).toBe('tromso')
    expect(foldPlaceText('Gießen')).toBe('giessen')
    expect(foldPlaceText('İstanbul')).toBe('istanbul')
    expect(foldPlaceText("St. John's")).toBe('st john s')
    expect(foldPlaceText('Saint-Denis')).toBe('saint denis')
    expect(foldPlaceText('東京')).toBe('東京')
    expect(foldPlaceText('-- ')).toBe('')
  })

  it('is the same after folding twice', () => {
    fc.assert(
      fc.property(
        fc.string(),
        (text) => foldPlaceText(foldPlaceText(text)) === foldPlaceText(text),
      ),
    )
  })
})

describe('rankPlaceMatch', () => {
  it('ranks the whole name, then its start, then the start of a later word', () => {
    expect(rankPlaceMatch('auckland', 'auckland')).toBe(0)
    expect(rankPlaceMatch('auckland airport', 'auckland')).toBe(1)
    expect(rankPlaceMatch('auckland airport', 'air')).toBe(2)
    expect(rankPlaceMatch('new york', 'new yo')).toBe(1)
    expect(rankPlaceMatch('auckland', 'uckland')).toBeNull()
    expect(rankPlaceMatch('auckland', '')).toBeNull()
  })

  it('matches every start of every word of a name, whatever its accents and case', () => {
    const word = fc.stringMatching(/^[A-Za-zÀ-ÖØ-öø-ÿ]{1,8}$/)
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 4 }),
        fc.nat(),
        fc.nat(),
        (words, w, n) => {
          const name = foldPlaceText(words.join(' '))
          const folded = name.split(' ')
          const chosen = folded[w % folded.length]!
          const typed = words[w % words.length]!.toUpperCase().slice(0, 1 + (n % chosen.length))
          return rankPlaceMatch(name, foldPlaceText(typed)) !== null
        },
      ),
    )
  })
})

describe('computeMidLongitude', () => {
  it('is the plain mean on one side of the antimeridian', () => {
    expect(computeMidLongitude(spreadOf([174.7, 174.8]))).toBeCloseTo(174.75)
    expect(computeMidLongitude(spreadOf([-0.2, 0.1]))).toBeCloseTo(-0.05)
  })

  it('stays beside centres on both sides of the antimeridian', () => {
    expect(Math.abs(computeMidLongitude(spreadOf([179.9, -179.9])))).toBeCloseTo(180)
    expect(computeMidLongitude(spreadOf([179.8, 179.9, -179.9]))).toBeCloseTo(179.9333)
    expect(computeMidLongitude(spreadOf([179.9, -179.8, -179.9]))).toBeCloseTo(-179.9333)
  })

  it('lies within a cluster of centres a few degrees wide, wherever it is', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
        (middle, offsets) => {
          const longitudes = offsets.map((offset) => {
            const lon = middle + offset
            return lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon
          })
          const mid = computeMidLongitude(spreadOf(longitudes))
          return longitudes.every((lon) => apart(lon, mid) <= 2 + 1e-9)
        },
      ),
    )
  })

  it('is the same for spellings merged as for their centres taken together', () => {
    const merged = mergeLongitudeSpreads([
      { spread: spreadOf([179.9, 179.7]), weight: 2 },
      { spread: spreadOf([-179.9]), weight: 1 },
    ])
    expect(computeMidLongitude(merged)).toBeCloseTo(
      computeMidLongitude(spreadOf([179.9, 179.7, -179.9])),
    )
  })
})
