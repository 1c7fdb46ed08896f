import type { Position } from './test-centre.js'

const EARTH_RADIUS_KM = 6371.0088

/** Great-circle distance in kilometres (haversine), good to a few metres at these scales. */
export function computeDistanceKm(a: Position, b: Position): number {
  const toRadians = Math.PI / 180
  const dLat = (b.latitude - a.latitude) * toRadians
  const dLon = (b.longitude - a.longitude) * toRadians
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * toRadians) * Math.cos(b.latitude * toRadians) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}

/**
 * The latitude and longitude bounds that hold every point within `radiusKm`
 * of `centre`, for a cheap first filter before the exact distance.
 */
export function computeBoundingBox(centre: Position, radiusKm: number) {
  const latitudeDelta = (radiusKm / EARTH_RADIUS_KM) * (180 / Math.PI)
  const minLatitude = Math.max(-90, centre.latitude - latitudeDelta)
  const maxLatitude = Math.min(90, centre.latitude + latitudeDelta)
  const widest = Math.max(Math.abs(minLatitude), Math.abs(maxLatitude))
  // Near a pole every longitude is close.
  if (widest >= 89.9) return { minLatitude, maxLatitude, minLongitude: -180, maxLongitude: 180 }
  const longitudeDelta = latitudeDelta / Math.cos((widest * Math.PI) / 180)
  if (longitudeDelta >= 180)
    return { minLatitude, maxLatitude, minLongitude: -180, maxLongitude: 180 }
  return {
    minLatitude,
    maxLatitude,
    minLongitude: centre.longitude - longitudeDelta,
    maxLongitude: centre.longitude + longitudeDelta,
  }
}

/** `"-36.85,174.76"` → a position; null for anything else. */
export function parsePosition(text: string): Position | null {
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text)
  if (!match) return null
  const latitude = Number(match[1])
  const longitude = Number(match[2])
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null
  return { latitude, longitude }
}
