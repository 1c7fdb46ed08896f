import { type Kysely, sql } from 'kysely'
import type { Instant } from '../../domain/instant.js'
import { writeInstant } from '../engine/columns.js'
import type { DB } from '../engine/schema.js'
import { toCount } from './report-buckets.js'

export interface NoShowRow {
  readonly centreId: string
  /** Seats held by a registration not cancelled, in slots that started in the period and before now. */
  readonly seats: number
  readonly noShows: number
}

/** Per centre with a slot in the period, the appointments that started in it (before now) and those recorded as no-shows. */
export async function countNoShows(
  db: Kysely<DB>,
  start: Instant,
  end: Instant,
  now: Instant,
  provider: string | null,
): Promise<NoShowRow[]> {
  const from = writeInstant(start)
  const until = writeInstant(Math.min(end, now))
  let seats = db
    .selectFrom('slots')
    .select(['centre_id', sql<unknown>`sum(booked)`.as('n')])
    .where('starts_at', '>=', from)
    .where('starts_at', '<', until)
  if (provider !== null) seats = seats.where('provider_id', '=', provider)
  let missed = db
    .selectFrom('registrations as r')
    .innerJoin('slots as s', 's.id', 'r.slot_id')
    .select((eb) => ['s.centre_id', eb.fn.countAll().as('n')])
    .where('r.status', '=', 'no-show')
    .where('s.starts_at', '>=', from)
    .where('s.starts_at', '<', until)
  if (provider !== null) missed = missed.where('r.provider_id', '=', provider)
  const [seatRows, missedRows] = await Promise.all([
    seats.groupBy('centre_id').execute(),
    missed.groupBy('s.centre_id').execute(),
  ])
  const noShows = new Map(missedRows.map((row) => [row.centre_id, toCount(row.n)]))
  return seatRows
    .map((row) => ({
      centreId: row.centre_id,
      seats: toCount(row.n),
      noShows: noShows.get(row.centre_id) ?? 0,
    }))
    .sort((a, b) => a.centreId.localeCompare(b.centreId))
}
