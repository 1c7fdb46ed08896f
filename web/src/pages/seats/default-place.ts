import { foldPlaceText } from '../../../../src/domain/place'
import type { Candidate } from '../../api/candidate'
import { $api } from '../../api/client'

export interface KnownPlace {
  readonly name: string
  /** `latitude,longitude`. */
  readonly near: string
}

/**
 * Where to look for a seat before the candidate says: the city their time
 * zone is named for (`Australia/Sydney`), when a test centre is there and in
 * their own country. The record holds no city; the zone is the nearest thing
 * to one. Undefined while still asking; null when there is nothing usable.
 */
export function useDefaultPlace(candidate: Candidate | null): KnownPlace | null | undefined {
  const city = candidate === null ? '' : zoneCity(candidate.timeZone)
  const places = $api.useQuery(
    'get',
    '/v1/places',
    { params: { query: { q: city || '-' } } },
    { enabled: city !== '' },
  )
  if (candidate === null || city === '') return null
  if (places.isPending) return undefined
  const place = places.data?.items.find(
    (found) =>
      found.country === candidate.country && foldPlaceText(found.name) === foldPlaceText(city),
  )
  if (place === undefined) return null
  return { name: place.name, near: `${place.latitude},${place.longitude}` }
}

/** `America/Sao_Paulo` → `Sao Paulo`; '' for a zone that names no city (`UTC`, `Etc/GMT+5`). */
function zoneCity(timeZone: string): string {
  const parts = timeZone.split('/')
  if (parts.length < 2 || parts[0] === 'Etc') return ''
  return parts[parts.length - 1]!.replaceAll('_', ' ')
}
