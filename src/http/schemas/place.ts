import { Type } from 'typebox'
import type { Place } from '../../domain/place.js'

export const PlaceOut = Type.Object({
  name: Type.String({ examples: ['São Paulo'] }),
  country: Type.String({ description: 'ISO 3166-1 alpha-2' }),
  latitude: Type.Number({ description: 'Degrees, to 4 decimals' }),
  longitude: Type.Number({ description: 'Degrees, to 4 decimals' }),
  centres: Type.Integer({ description: 'Test centres in it, at every provider' }),
})

/** A place, its position to about 10 m: `near` for a search is `latitude,longitude`. */
export function toPlaceOut(place: Place) {
  return {
    name: place.name,
    country: place.country,
    latitude: round4(place.latitude),
    longitude: round4(place.longitude),
    centres: place.centres,
  }
}

function round4(degrees: number): number {
  return Math.round(degrees * 10_000) / 10_000
}
