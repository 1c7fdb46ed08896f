import type { Kysely } from 'kysely'
import { listProviders } from '../../db/catalogue/providers.js'
import { listOpenSlotsAt, searchOpenSlots } from '../../db/catalogue/slots.js'
import { findCentres, findCentresDelivering } from '../../db/catalogue/test-centres.js'
import type { DB } from '../../db/engine/schema.js'
import {
  type AppointmentChange,
  type ChangeDeadlines,
  computeChangeDeadlines,
  listPassedDeadlines,
} from '../../domain/change-window.js'
import { computeDistanceKm } from '../../domain/distance.js'
import type { Exam } from '../../domain/exam.js'
import type { Instant } from '../../domain/instant.js'
import { scopeProviderFilter } from '../../domain/object-access.js'
import type { Principal } from '../../domain/principal.js'
import type { Provider } from '../../domain/provider.js'
import type { Position, Slot, TestCentre } from '../../domain/test-centre.js'
import type { Clock } from '../clock.js'
import { AppError } from '../errors.js'
import { catalogueOf } from './catalogue-cache.js'
import { getCatalogueExam } from './get-exam.js'
import {
  areaAround,
  MAX_RADIUS_KM,
  readSeatSearchBounds,
  requireKnownProvider,
  type SeatSearchInput,
} from './seat-search-bounds.js'

export interface FindSeatsInput extends SeatSearchInput {
  /** Either spelling. */
  readonly exam: string
  readonly provider?: string
  /** Most results; default 50. */
  readonly limit?: number
}

/** A slot with a free seat, where it is, and how far from the place asked about. */
export interface Seat {
  readonly slot: Slot
  readonly centre: TestCentre
  readonly seatsLeft: number
  /** Null when the search named no place. */
  readonly distanceKm: number | null
  /** Until when a booking of it could be rescheduled and cancelled, under its provider's rules. */
  readonly changeDeadlines: ChangeDeadlines
  /** The changes a booking made now could no longer make: booking it needs acknowledging them. */
  readonly deadlinesPassed: readonly AppointmentChange[]
}

/** A seat as the database finds it, before its free seats and deadlines are worked out. */
type FoundSeat = Omit<Seat, 'seatsLeft' | 'changeDeadlines' | 'deadlinesPassed'>

/** A seat's deadlines under its provider's rules, and those already passed at `now`. */
export function computeSeatDeadlines(
  provider: Provider,
  startsAt: Instant,
  now: Instant,
): Pick<Seat, 'changeDeadlines' | 'deadlinesPassed'> {
  const changeDeadlines = computeChangeDeadlines(provider, startsAt)
  return { changeDeadlines, deadlinesPassed: listPassedDeadlines(changeDeadlines, now) }
}

export interface SeatSearch {
  readonly exam: Exam
  readonly from: Instant
  readonly to: Instant
  readonly near: Position | null
  readonly radiusKm: number | null
  readonly items: readonly Seat[]
}

export const DEFAULT_SEARCH_LIMIT = 50
export const MAX_SEARCH_LIMIT = 200

/**
 * Without a radius the search widens ring by ring: most searches are
 * answered by the centres of one city, and a small box is a cheap query.
 */
const RINGS_KM = [50, 250, 1_000, 5_000, MAX_RADIUS_KM] as const
/** Centres asked about at once, doubling while their slots do not fill the answer. */
const FIRST_BATCH = 2

/**
 * Open slots (a seat free) for an exam, at every provider that delivers it,
 * starting in `[from, to)`. With `near`, nearest centre first and, at one
 * centre (or several equally near), earliest first; without it, earliest
 * first. The database narrows (exam, provider, dates, free seats, a box
 * around `near`); exact distances and the order are worked out here.
 */
export async function findSeats(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  input: FindSeatsInput,
  viewer: Principal,
): Promise<SeatSearch> {
  const now = deps.clock.now()
  const exam = await getCatalogueExam(catalogueOf(deps), input.exam)
  const { from, to, near, radiusKm } = readSeatSearchBounds(input, now)
  const limit = input.limit ?? DEFAULT_SEARCH_LIMIT
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_LIMIT) {
    throw new AppError('VALIDATION_FAILED', {
      field: 'limit',
      problem: `must be a whole number from 1 to ${MAX_SEARCH_LIMIT}`,
    })
  }
  const providerId = input.provider
  await requireKnownProvider(deps.db, providerId)

  const search = { exam, from, to, near, radiusKm }
  // A provider finds its own seats only.
  const scope = scopeProviderFilter(viewer, providerId)
  if (from >= to || scope === 'nothing') return { ...search, items: [] }
  const where = {
    exam: exam.number,
    from,
    to,
    ...(scope.providerId === undefined ? {} : { providerId: scope.providerId }),
  }
  const found =
    near === null
      ? (await searchOpenSlots(deps.db, { ...where, limit })).map(({ slot, centre }) => ({
          slot,
          centre,
          distanceKm: null,
        }))
      : await findNearest(deps.db, where, near, radiusKm, limit)
  return { ...search, items: await withDeadlines(deps.db, found, now) }
}

/** Each seat with its free seats and its provider's deadlines (providers are a handful: read at once). */
async function withDeadlines(
  db: Kysely<DB>,
  found: readonly FoundSeat[],
  now: Instant,
): Promise<Seat[]> {
  if (found.length === 0) return []
  const providers = new Map((await listProviders(db)).map((provider) => [provider.id, provider]))
  return found.map((seat) => {
    const provider = providers.get(seat.centre.providerId)
    if (!provider) throw new Error(`Centre ${seat.centre.id} names a missing provider`)
    return {
      ...seat,
      seatsLeft: seat.slot.capacity - seat.slot.booked,
      ...computeSeatDeadlines(provider, seat.slot.startsAt, now),
    }
  })
}

interface NearbyCentre {
  readonly id: string
  readonly distanceKm: number
}

/** Ring by ring, centre batch by centre batch: stops as soon as the nearest `limit` seats are known. */
async function findNearest(
  db: Kysely<DB>,
  where: {
    readonly exam: string
    readonly from: Instant
    readonly to: Instant
    readonly providerId?: string
  },
  near: Position,
  radiusKm: number | null,
  limit: number,
): Promise<FoundSeat[]> {
  const found: { readonly slot: Slot; readonly distanceKm: number }[] = []
  let inner = -1
  rings: for (const outer of radiusKm === null ? RINGS_KM : [radiusKm]) {
    const centres = await findCentresDelivering(db, { ...where, ...areaAround(near, outer) })
    const ring = centres
      .map(
        (centre): NearbyCentre => ({ id: centre.id, distanceKm: computeDistanceKm(near, centre) }),
      )
      .filter(({ distanceKm }) => distanceKm > inner && distanceKm <= outer)
      .sort((a, b) => a.distanceKm - b.distanceKm || compareText(a.id, b.id))
    let size = FIRST_BATCH
    for (let start = 0; start < ring.length; size *= 2) {
      let end = Math.min(ring.length, start + size)
      // Centres equally near go in one batch: their slots interleave by start time.
      while (end < ring.length && ring[end]!.distanceKm === ring[end - 1]!.distanceKm) end++
      const batch = ring.slice(start, end)
      start = end
      const wanted = limit - found.length
      const slots = await listOpenSlotsAt(db, {
        centreIds: batch.map(({ id }) => id),
        from: where.from,
        to: where.to,
        perCentre: wanted,
      })
      const distanceOf = new Map(batch.map(({ id, distanceKm }) => [id, distanceKm]))
      const offered = slots.map((slot) => ({ slot, distanceKm: distanceOf.get(slot.centreId)! }))
      offered.sort(
        (a, b) =>
          a.distanceKm - b.distanceKm ||
          a.slot.startsAt - b.slot.startsAt ||
          compareText(a.slot.id, b.slot.id),
      )
      found.push(...offered.slice(0, wanted))
      if (found.length >= limit) break rings
    }
    inner = outer
  }
  // Only the centres shown are read in full: usually one or two.
  const centres = new Map(
    (await findCentres(db, [...new Set(found.map(({ slot }) => slot.centreId))])).map((centre) => [
      centre.id,
      centre,
    ]),
  )
  return found.map(({ slot, distanceKm }) => ({
    slot,
    centre: centres.get(slot.centreId)!,
    distanceKm,
  }))
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
