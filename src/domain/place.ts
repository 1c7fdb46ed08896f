import { computeSearchWords } from './search-words.js'
import type { Position } from './test-centre.js'

/** A place to search for a seat from: a city that has test centres, at their midpoint. */
export interface Place extends Position {
  /** The city's name as its centres spell it. */
  readonly name: string
  /** ISO 3166-1 alpha-2. */
  readonly country: string
  /** How many test centres it has, at every provider. */
  readonly centres: number
}

/**
 * Text as a place search compares it: lower case, without accents
 * (`São` → `sao`, `Łódź` → `lodz`), words (letters and digits) separated by
 * one space, so that `new-york` and `New  York` are the same.
 */
export function foldPlaceText(text: string): string {
  return computeSearchWords(text).join(' ')
}

/**
 * How well a folded query matches a folded name, best first: 0 the whole
 * name, 1 the start of the name, 2 the start of a later word; null when it
 * starts none of its words.
 *
 * @example
 * rankPlaceMatch('sao paulo', 'pau') // 2
 */
export function rankPlaceMatch(name: string, query: string): 0 | 1 | 2 | null {
  if (query.length === 0) return null
  if (name === query) return 0
  if (name.startsWith(query)) return 1
  return name.includes(` ${query}`) ? 2 : null
}

/** What a database can add up about the longitudes of a city's centres. */
export interface LongitudeSpread {
  readonly min: number
  readonly max: number
  /** Their mean, in [-180, 180]. */
  readonly mean: number
  /** Their mean with the western ones counted eastward (+360), in [0, 360). */
  readonly eastwardMean: number
}

/**
 * The longitude midway among a city's centres. Centres on both sides of the
 * antimeridian (179.9 and -179.9) average to 0, the other side of the Earth:
 * when they span more than half the globe they are taken as one cluster
 * across it, whose mean is the eastward one.
 */
export function computeMidLongitude(spread: LongitudeSpread): number {
  if (spread.max - spread.min <= 180) return spread.mean
  return spread.eastwardMean > 180 ? spread.eastwardMean - 360 : spread.eastwardMean
}

/** Several spreads as one, each weighing as many centres as it counts. */
export function mergeLongitudeSpreads(
  parts: readonly { readonly spread: LongitudeSpread; readonly weight: number }[],
): LongitudeSpread {
  const total = parts.reduce((sum, part) => sum + part.weight, 0)
  const weighted = (of: (spread: LongitudeSpread) => number) =>
    parts.reduce((sum, part) => sum + of(part.spread) * part.weight, 0) / total
  return {
    min: Math.min(...parts.map((part) => part.spread.min)),
    max: Math.max(...parts.map((part) => part.spread.max)),
    mean: weighted((spread) => spread.mean),
    eastwardMean: weighted((spread) => spread.eastwardMean),
  }
}
