import { type Kysely, sql } from 'kysely'
import type { ReportBucket } from '../../domain/report-period.js'
import type { DB } from '../engine/schema.js'
import { bucketTable, providerFilter, toCount } from './report-buckets.js'

export interface SeatFillRow {
  readonly week: string
  readonly centreId: string
  readonly slots: number
  readonly capacity: number
  readonly booked: number
}

/**
 * Per week and centre, the slots that start in it: their seats and the
 * seats held by a registration not cancelled (the slot's seat counter).
 */
export async function sumSeatFill(
  db: Kysely<DB>,
  weeks: readonly ReportBucket[],
  provider: string | null,
): Promise<SeatFillRow[]> {
  // No buckets: nothing to read (and VALUES cannot be empty).
  if (weeks.length === 0) return []
  const { rows } = await sql<{
    label: string
    centre_id: string
    slots: unknown
    capacity: unknown
    booked: unknown
  }>`
    with ${bucketTable(db, 'w', weeks)}
    select w.label, s.centre_id, count(*) as slots, sum(s.capacity) as capacity, sum(s.booked) as booked
    from w join slots s on s.starts_at >= w.start_at and s.starts_at < w.end_at
      ${providerFilter('s.provider_id', provider)}
    group by w.label, s.centre_id
    order by w.label, s.centre_id`.execute(db)
  return rows.map((row) => ({
    week: row.label,
    centreId: row.centre_id,
    slots: toCount(row.slots),
    capacity: toCount(row.capacity),
    booked: toCount(row.booked),
  }))
}
