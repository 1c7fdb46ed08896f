import type { Kysely } from 'kysely'
import { findCentresWithOpenSlots, listCentreOpenings } from '../../db/catalogue/open-centres.js'
import type { Paging } from '../../db/engine/paging.js'
import type { DB } from '../../db/engine/schema.js'
import { computeDistanceKm } from '../../domain/distance.js'
import type { Exam } from '../../domain/exam.js'
import type { Instant } from '../../domain/instant.js'
import { scopeProviderFilter } from '../../domain/object-access.js'
import type { Principal } from '../../domain/principal.js'
import type { Provider } from '../../domain/provider.js'
import type { Position, TestCentre } from '../../domain/test-centre.js'
import type { Clock } from '../clock.js'
import { AppError } from '../errors.js'
import { catalogueOf } from './catalogue-cache.js'
import { computeSeatDeadlines, type Seat } from './find-seats.js'
import { getCatalogueExam } from './get-exam.js'
import {
  areaAround,
  readSeatSearchBounds,
  requireKnownProvider,
  type SeatSearchInput,
} from './seat-search-bounds.js'

export const DEFAULT_SLOTS_PER_CENTRE = 3
export const MAX_SLOTS_PER_CENTRE = 10

export interface FindCentresWithSeatsInput extends SeatSearchInput {
  /** Either spelling. */
  readonly exam: string
  /** `latitude,longitude`: centres nearest first, each with its distance. */
  readonly near: string
  readonly provider?: string
  /** How many of each centre's earliest open slots to show; default 3. */
  readonly slotsPerCentre?: number
}

/** A centre with a free seat in the range: how far, how many, and its next open slots. */
export interface CentreWithSeats {
  readonly centre: TestCentre
  readonly provider: Provider
  readonly distanceKm: number
  /** Slots with a free seat in the range. */
  readonly openSlots: number
  /** Free seats in those slots. */
  readonly seatsLeft: number
  /** The earliest open slots, as the search by slot shows them. */
  readonly nextSlots: readonly Seat[]
}

export interface CentreSeatSearch {
  readonly exam: Exam
  readonly from: Instant
  readonly to: Instant
  readonly near: Position
  readonly radiusKm: number | null
  readonly items: readonly CentreWithSeats[]
  /** Centres with a free seat in the range (within the radius), on every page. */
  readonly total: number
}

/**
 * The test centres where an exam can be sat in `[from, to)`, nearest to
 * `near` first (ties by id), a page at a time: only centres whose provider
 * delivers the exam and that have a free seat in the range. Two queries
 * whatever the page: the centres with an open slot (their positions, whose
 * distances are measured here), then the page's centres with their counts
 * and first slots.
 */
export async function findCentresWithSeats(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  input: FindCentresWithSeatsInput,
  paging: Paging,
  viewer: Principal,
  examField = 'exam',
): Promise<CentreSeatSearch> {
  const now = deps.clock.now()
  const exam = await getCatalogueExam(catalogueOf(deps), input.exam, examField)
  const bounds = readSeatSearchBounds(input, now)
  const near = bounds.near
  if (near === null) throw new AppError('POSITION_INVALID', { field: 'near', value: input.near })
  const perCentre = input.slotsPerCentre ?? DEFAULT_SLOTS_PER_CENTRE
  if (!Number.isInteger(perCentre) || perCentre < 1 || perCentre > MAX_SLOTS_PER_CENTRE) {
    throw new AppError('VALIDATION_FAILED', {
      field: 'slotsPerCentre',
      problem: `must be a whole number from 1 to ${MAX_SLOTS_PER_CENTRE}`,
    })
  }
  await requireKnownProvider(deps.db, input.provider)

  const search = { ...bounds, exam, near }
  // A provider finds its own centres only.
  const scope = scopeProviderFilter(viewer, input.provider)
  if (bounds.from >= bounds.to || scope === 'nothing') return { ...search, items: [], total: 0 }
  const range = { from: bounds.from, to: bounds.to }
  const radiusKm = bounds.radiusKm
  const positions = await findCentresWithOpenSlots(deps.db, {
    exam: exam.number,
    ...range,
    ...(scope.providerId === undefined ? {} : { providerId: scope.providerId }),
    ...(radiusKm === null ? {} : areaAround(near, radiusKm)),
  })
  const ranked = positions
    .map((centre) => ({ id: centre.id, distanceKm: computeDistanceKm(near, centre) }))
    .filter(({ distanceKm }) => radiusKm === null || distanceKm <= radiusKm)
    .sort((a, b) => a.distanceKm - b.distanceKm || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const page = ranked.slice(paging.offset, paging.offset + paging.limit)
  const openings = new Map(
    (
      await listCentreOpenings(deps.db, {
        ...range,
        centreIds: page.map(({ id }) => id),
        perCentre,
      })
    ).map((openings) => [openings.centre.id, openings]),
  )
  const items: CentreWithSeats[] = []
  for (const { id, distanceKm } of page) {
    const found = openings.get(id)
    // Its last free seat was taken between the two queries.
    if (!found) continue
    items.push({
      centre: found.centre,
      provider: found.provider,
      distanceKm,
      openSlots: found.openSlots,
      seatsLeft: found.seatsLeft,
      nextSlots: found.nextSlots.map((slot) => ({
        slot,
        centre: found.centre,
        seatsLeft: slot.capacity - slot.booked,
        distanceKm,
        ...computeSeatDeadlines(found.provider, slot.startsAt, now),
      })),
    })
  }
  return { ...search, items, total: ranked.length }
}
