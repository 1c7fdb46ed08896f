import { parsePosition } from '../../../../src/domain/distance'
import { addDays, isLocalDay, localDaysRange } from '../../time/local-day'

/**
 * A search for a seat as the page's address holds it, so that a reload or
 * the back button shows the same search: `/seats?exam=070-622&place=Sydney&
 * near=-33.87,151.21&from=2026-06-15&to=2026-07-15`. Days are on the
 * candidate's clock, `to` included.
 */
export interface SeatSearch {
  /** As typed; '' until one is asked for. */
  readonly exam: string
  /** `latitude,longitude`; '' until a place is known. */
  readonly near: string
  /** The place's name; '' when the position was typed or came from the browser. */
  readonly place: string
  readonly from: string
  readonly to: string
  readonly radiusKm: number | null
  /** '' for every provider. */
  readonly provider: string
  /** The booking a chosen time would move, if any. */
  readonly reschedule: string | null
  readonly map: boolean
}

/** How far ahead a search looks unless told: today and the 30 days after it. */
export const DEFAULT_SEARCH_DAYS = 30

/** The radius choices; null is anywhere, nearest first. */
export const RADIUS_CHOICES = [null, 50, 200, 1000] as const

/** The search in `params`; days missing or malformed are today and 30 days on. */
export function readSeatSearch(params: URLSearchParams, today: string): SeatSearch {
  const from = dayOr(params.get('from'), today)
  const to = dayOr(params.get('to'), addDays(from, DEFAULT_SEARCH_DAYS))
  const radius = Number(params.get('radius'))
  const near = params.get('near') ?? ''
  return {
    exam: params.get('exam')?.trim() ?? '',
    near: parsePosition(near) === null ? '' : near,
    place: params.get('place') ?? '',
    from,
    to,
    radiusKm: RADIUS_CHOICES.includes(radius as 50) ? radius : null,
    provider: params.get('provider') ?? '',
    reschedule: params.get('reschedule'),
    map: params.get('map') === '1',
  }
}

/** The address's query for `search`, leaving out what is empty. */
export function writeSeatSearch(search: SeatSearch): URLSearchParams {
  const params = new URLSearchParams()
  const put = (name: string, value: string | null) => {
    if (value !== null && value !== '') params.set(name, value)
  }
  put('exam', search.exam)
  put('place', search.place)
  put('near', search.near)
  put('from', search.from)
  put('to', search.to)
  put('radius', search.radiusKm === null ? null : String(search.radiusKm))
  put('provider', search.provider)
  put('reschedule', search.reschedule)
  put('map', search.map ? '1' : null)
  return params
}

/** The API's query for `search`: its days as the instants they start at on the candidate's clock. */
export function toCentreQuery(search: SeatSearch, timeZone: string) {
  return {
    near: search.near,
    ...localDaysRange(search.from, search.to, timeZone),
    ...(search.radiusKm === null ? {} : { radiusKm: search.radiusKm }),
    ...(search.provider === '' ? {} : { provider: search.provider }),
  }
}

/** `"-33.87, 151.21"` typed by a person, as the API reads a position; null when it is not one. */
export function readTypedPosition(text: string): string | null {
  const position = parsePosition(text)
  if (position === null) return null
  return positionText(position.latitude, position.longitude)
}

/** A position as `near` takes it, to about 10 m: as near as a search needs, and no nearer. */
export function positionText(latitude: number, longitude: number): string {
  const round4 = (degrees: number) => Math.round(degrees * 10_000) / 10_000
  return `${round4(latitude)},${round4(longitude)}`
}

function dayOr(text: string | null, fallback: string): string {
  return text !== null && isLocalDay(text) ? text : fallback
}
