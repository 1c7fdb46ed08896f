import { type Kysely, sql } from 'kysely'
import type { ReportBucket } from '../../domain/report-period.js'
import type { DB } from '../engine/schema.js'
import { bucketTable, providerFilter, toCount } from './report-buckets.js'

export interface RegistrationsDayRow {
  readonly day: string
  readonly registered: number
  readonly cancelled: number
}

/**
 * Per day: registrations made, and registrations cancelled (by their last
 * change, which for a cancelled one is its cancelling: nothing changes a
 * cancelled registration again). Each day is two counts of one index range.
 */
export async function countRegistrationsPerDay(
  db: Kysely<DB>,
  days: readonly ReportBucket[],
  provider: string | null,
): Promise<RegistrationsDayRow[]> {
  // No buckets: nothing to read (and VALUES cannot be empty).
  if (days.length === 0) return []
  const { rows } = await sql<{ label: string; registered: unknown; cancelled: unknown }>`
    with ${bucketTable(db, 'd', days)}
    select d.label,
      (select count(*) from registrations r
        where r.created_at >= d.start_at and r.created_at < d.end_at
        ${providerFilter('r.provider_id', provider)}) as registered,
      (select count(*) from registrations r
        where r.status = 'cancelled' and r.updated_at >= d.start_at and r.updated_at < d.end_at
        ${providerFilter('r.provider_id', provider)}) as cancelled
    from d order by d.label`.execute(db)
  return rows.map((row) => ({
    day: row.label,
    registered: toCount(row.registered),
    cancelled: toCount(row.cancelled),
  }))
}
