import { type RawBuilder, sql } from 'kysely'
import type { Instant } from '../../domain/instant.js'
import type { ReportBucket } from '../../domain/report-period.js'
import { writeInstant } from '../engine/columns.js'
import { type AnyKysely, dialectOf } from '../engine/dialect.js'

/** An instant as an SQL value comparable with instant columns: timestamptz on PostgreSQL, text on SQLite. */
export function instantValue(db: AnyKysely, at: Instant): RawBuilder<unknown> {
  return dialectOf(db) === 'postgres'
    ? sql`cast(${writeInstant(at)} as timestamptz)`
    : sql`${writeInstant(at)}`
}

/**
 * The buckets of a report as a common table `name(label, start_at, end_at)`
 * made of VALUES: joined to a table by a range of its instant column, each
 * bucket is one index range, and the calendar (a zone's midnights) stays in
 * the domain instead of in SQL that differs per engine.
 */
export function bucketTable(db: AnyKysely, name: string, buckets: readonly ReportBucket[]) {
  const rows = buckets.map(
    (b) => sql`(${b.label}, ${instantValue(db, b.start)}, ${instantValue(db, b.end)})`,
  )
  return sql`${sql.id(name)}(label, start_at, end_at) as (values ${sql.join(rows)})`
}

/** `and <column> = provider` when a provider is asked for, else nothing. */
export function providerFilter(column: string, provider: string | null): RawBuilder<unknown> {
  return provider === null ? sql`` : sql`and ${sql.ref(column)} = ${provider}`
}

/** A count as the drivers return it (pg: a bigint as text). */
export const toCount = (value: unknown): number => Number(value ?? 0)
