import { type Kysely, sql } from 'kysely'
import type { Appointment } from '../../domain/appointment.js'
import type { Instant } from '../../domain/instant.js'
import type { Provider } from '../../domain/provider.js'
import type { Slot, TestCentre } from '../../domain/test-centre.js'
import { writeInstant } from '../engine/columns.js'
import type { DB } from '../engine/schema.js'
import { toSlotAppointment } from './slots.js'
import {
  CENTRE_DETAIL_COLUMNS,
  type CentrePosition,
  type CentreSearch,
  selectCentresDelivering,
  toCentrePositions,
} from './test-centres.js'

/** A span of start times: `[from, to)`. */
export interface StartRange {
  readonly from: Instant
  readonly to: Instant
}

/**
 * The centres of `findCentresDelivering` that have a slot with a free seat
 * starting in the range: one query, which asks the index on
 * `slots(centre_id, starts_at, capacity, booked, id)` once per centre in the
 * box and stops at its first open slot.
 */
export async function findCentresWithOpenSlots(
  db: Kysely<DB>,
  search: CentreSearch & StartRange,
): Promise<CentrePosition[]> {
  const rows = await selectCentresDelivering(db, search)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('slots')
          .select('slots.id')
          .whereRef('slots.centre_id', '=', 'test_centres.id')
          .where('slots.starts_at', '>=', writeInstant(search.from))
          .where('slots.starts_at', '<', writeInstant(search.to))
          .whereRef('slots.booked', '<', 'slots.capacity'),
      ),
    )
    .execute()
  return toCentrePositions(rows)
}

/** A centre's open slots in a range: how many, their free seats, and the earliest few. */
export interface CentreOpenings {
  readonly centre: TestCentre
  readonly provider: Provider
  /** Slots with a free seat. */
  readonly openSlots: number
  /** Free seats in all of them. */
  readonly seatsLeft: number
  /** The earliest open slots (ties by id). */
  readonly nextSlots: readonly Slot[]
}

/**
 * For each of these centres that has one, its open slots starting in the
 * range: counted, their free seats added up, and the first `perCentre`, with
 * the centre and its provider. One query: the counts are window aggregates
 * over each centre's open slots, carried on each of its first rows.
 */
export async function listCentreOpenings(
  db: Kysely<DB>,
  query: StartRange & { readonly centreIds: readonly string[]; readonly perCentre: number },
): Promise<CentreOpenings[]> {
  if (query.centreIds.length === 0) return []
  const open = db
    .selectFrom('slots')
    .select((eb) => [
      'slots.id',
      'slots.centre_id',
      'slots.starts_at',
      'slots.capacity',
      'slots.booked',
      eb.fn
        .agg<number>('row_number')
        .over((ob) =>
          ob.partitionBy('slots.centre_id').orderBy('slots.starts_at').orderBy('slots.id'),
        )
        .as('place'),
      eb.fn
        .countAll<number | string>()
        .over((ob) => ob.partitionBy('slots.centre_id'))
        .as('open_slots'),
      eb.fn
        .sum<number | string>(sql`slots.capacity - slots.booked`)
        .over((ob) => ob.partitionBy('slots.centre_id'))
        .as('seats_left'),
    ])
    .where('slots.centre_id', 'in', query.centreIds)
    .where('slots.starts_at', '>=', writeInstant(query.from))
    .where('slots.starts_at', '<', writeInstant(query.to))
    .whereRef('slots.booked', '<', 'slots.capacity')
  const rows = await db
    .selectFrom(open.as('open'))
    .innerJoin('test_centres', 'test_centres.id', 'open.centre_id')
    .innerJoin('providers', 'providers.id', 'test_centres.provider_id')
    .select([
      'open.id',
      'open.centre_id',
      'open.starts_at',
      'open.capacity',
      'open.booked',
      'open.open_slots',
      'open.seats_left',
      ...CENTRE_DETAIL_COLUMNS,
      'providers.name as provider_name',
      'providers.reschedule_cutoff_hours',
      'providers.cancel_cutoff_hours',
    ])
    .where('open.place', '<=', query.perCentre)
    .orderBy('open.centre_id')
    .orderBy('open.place')
    .execute()
  const byCentre = new Map<
    string,
    { first: Appointment; row: (typeof rows)[number]; slots: Slot[] }
  >()
  for (const row of rows) {
    const appointment = toSlotAppointment(row)
    const entry = byCentre.get(row.centre_id)
    if (entry) entry.slots.push(appointment.slot)
    else byCentre.set(row.centre_id, { first: appointment, row, slots: [appointment.slot] })
  }
  return [...byCentre.values()].map(({ first, row, slots }) => ({
    centre: first.centre,
    provider: first.provider,
    // PostgreSQL counts and adds in bigint, which pg hands over as text.
    openSlots: Number(row.open_slots),
    seatsLeft: Number(row.seats_left),
    nextSlots: slots,
  }))
}
