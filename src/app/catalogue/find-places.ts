import type { Kysely } from 'kysely'
import { type CentreCity, listCentreCities } from '../../db/catalogue/centre-cities.js'
import type { DB } from '../../db/engine/schema.js'
import {
  computeMidLongitude,
  foldPlaceText,
  mergeLongitudeSpreads,
  type Place,
  rankPlaceMatch,
} from '../../domain/place.js'
import { AppError } from '../errors.js'

export const DEFAULT_PLACE_LIMIT = 10
export const MAX_PLACE_LIMIT = 50

/**
 * Places whose name has a word starting with `q` (accents and case
 * ignored): every city that has a test centre, at the midpoint of its
 * centres. The whole name first, then names that start with `q`, then
 * those with a later word that does; then by name and country.
 */
export async function findPlaces(
  deps: { readonly db: Kysely<DB> },
  input: { readonly q: string; readonly limit?: number },
): Promise<Place[]> {
  const query = foldPlaceText(input.q)
  if (query.length === 0)
    throw new AppError('VALIDATION_FAILED', { field: 'q', problem: 'must hold a letter or digit' })
  const limit = input.limit ?? DEFAULT_PLACE_LIMIT
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PLACE_LIMIT) {
    throw new AppError('VALIDATION_FAILED', {
      field: 'limit',
      problem: `must be a whole number from 1 to ${MAX_PLACE_LIMIT}`,
    })
  }
  // Centres that spell one city two ways ("São Paulo", "Sao Paulo") make one place.
  const spellings = new Map<string, { key: string; cities: CentreCity[] }>()
  for (const city of await listCentreCities(deps.db)) {
    const key = foldPlaceText(city.city)
    if (rankPlaceMatch(key, query) === null) continue
    const id = `${city.country} ${key}`
    const entry = spellings.get(id)
    if (entry) entry.cities.push(city)
    else spellings.set(id, { key, cities: [city] })
  }
  const matches = [...spellings.values()].map(({ key, cities }) => ({
    key,
    rank: rankPlaceMatch(key, query)!,
    place: toPlace(cities),
  }))
  matches.sort(
    (a, b) =>
      a.rank - b.rank || compareText(a.key, b.key) || compareText(a.place.country, b.place.country),
  )
  return matches.slice(0, limit).map(({ place }) => place)
}

/** One place of a city's spellings: named as most of its centres spell it, at their midpoint. */
function toPlace(cities: readonly CentreCity[]): Place {
  const centres = cities.reduce((sum, city) => sum + city.centres, 0)
  const [named] = [...cities].sort(
    (a, b) =>
      b.centres - a.centres || accented(b.city) - accented(a.city) || compareText(a.city, b.city),
  )
  return {
    name: named!.city,
    country: named!.country,
    centres,
    latitude: cities.reduce((sum, city) => sum + city.meanLatitude * city.centres, 0) / centres,
    longitude: computeMidLongitude(
      mergeLongitudeSpreads(
        cities.map((city) => ({ spread: city.longitudes, weight: city.centres })),
      ),
    ),
  }
}

/** Letters beyond ASCII: of two spellings, the one written with its accents is the name. */
function accented(text: string): number {
  return [...text].filter((letter) => letter.codePointAt(0)! > 0x7f).length
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
