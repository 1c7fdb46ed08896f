import type { Kysely } from 'kysely'
import { findProvider } from '../../db/catalogue/providers.js'
import type { CentreArea } from '../../db/catalogue/test-centres.js'
import type { DB } from '../../db/engine/schema.js'
import { computeBoundingBox, parsePosition } from '../../domain/distance.js'
import { DAY_MS, type Instant } from '../../domain/instant.js'
import { computeLongitudeRanges } from '../../domain/longitude-ranges.js'
import type { Position } from '../../domain/test-centre.js'
import { AppError } from '../errors.js'
import { requireInstant } from '../input-fields.js'

export const DEFAULT_SEARCH_DAYS = 30
export const MAX_SEARCH_DAYS = 366
/** Half the Earth's circumference: no two places are farther apart. */
export const MAX_RADIUS_KM = 20_016

/** Where and when a search for a free seat looks, as the caller wrote it. */
export interface SeatSearchInput {
  /** RFC 3339; default now. A past `from` finds nothing before now. */
  readonly from?: string
  /** RFC 3339, exclusive; default 30 days after `from`. */
  readonly to?: string
  /** `latitude,longitude`. */
  readonly near?: string
  /** Only centres this close to `near` (which it needs). */
  readonly radiusKm?: number
}

/** A search's range and place, checked. */
export interface SeatSearchBounds {
  /** Never before now: a seat that has started cannot be booked. */
  readonly from: Instant
  readonly to: Instant
  readonly near: Position | null
  readonly radiusKm: number | null
}

/**
 * The range and place of a search for a free seat, shared by the search by
 * slot and by centre so that both refuse the same input the same way.
 */
export function readSeatSearchBounds(input: SeatSearchInput, now: Instant): SeatSearchBounds {
  const requestedFrom = input.from === undefined ? now : requireInstant(input.from, 'from')
  const to =
    input.to === undefined
      ? requestedFrom + DEFAULT_SEARCH_DAYS * DAY_MS
      : requireInstant(input.to, 'to')
  if (to <= requestedFrom)
    throw new AppError('SEARCH_RANGE_INVALID', {
      field: 'to',
      problem: '"to" must be after "from".',
    })
  if (to - requestedFrom > MAX_SEARCH_DAYS * DAY_MS) {
    throw new AppError('SEARCH_RANGE_INVALID', {
      field: 'to',
      problem: `A search may span at most ${MAX_SEARCH_DAYS} days.`,
    })
  }
  const from = Math.max(requestedFrom, now)
  const near = input.near === undefined ? null : parsePosition(input.near)
  if (input.near !== undefined && near === null)
    throw new AppError('POSITION_INVALID', { field: 'near', value: input.near })
  const radiusKm = input.radiusKm ?? null
  if (radiusKm !== null && near === null)
    throw new AppError('VALIDATION_FAILED', { field: 'radiusKm', problem: 'needs near' })
  if (radiusKm !== null && !(radiusKm > 0 && radiusKm <= MAX_RADIUS_KM)) {
    throw new AppError('VALIDATION_FAILED', {
      field: 'radiusKm',
      problem: `must be more than 0 and at most ${MAX_RADIUS_KM}`,
    })
  }
  return { from, to, near, radiusKm }
}

/** Refuses a provider filter that names no provider (rather than answering with nothing). */
export async function requireKnownProvider(
  db: Kysely<DB>,
  providerId: string | undefined,
): Promise<void> {
  if (providerId !== undefined && !(await findProvider(db, providerId)))
    throw new AppError('PROVIDER_UNKNOWN', { field: 'provider', provider: providerId })
}

/** The box around `near` that holds the circle of `radiusKm`; nothing (anywhere) for the whole Earth. */
export function areaAround(near: Position, radiusKm: number): { area?: CentreArea } {
  if (radiusKm >= MAX_RADIUS_KM) return {}
  const box = computeBoundingBox(near, radiusKm)
  return {
    area: {
      minLatitude: box.minLatitude,
      maxLatitude: box.maxLatitude,
      longitudes: computeLongitudeRanges(box),
    },
  }
}
