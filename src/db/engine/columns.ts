import type { ColumnDataType, SelectQueryBuilder } from 'kysely'
import { formatInstant, type Instant } from '../../domain/instant.js'
import { type AnyKysely, dialectOf } from './dialect.js'
import type { DB } from './schema.js'

/**
 * The one place where column representations meet domain values, so that a
 * single query works on SQLite (instants as fixed-width UTC text, flags as
 * 0/1) and PostgreSQL (timestamptz, read back as a `Date`; flags as 0/1).
 */

/** An instant as a column value: `2026-12-01T09:00:00.000Z`; PostgreSQL reads it as timestamptz. */
export function writeInstant(ms: Instant): string {
  return formatInstant(ms)
}

/** A column value (text from SQLite, `Date` from pg) as epoch milliseconds. */
export function readInstant(value: string | Date): Instant {
  if (value instanceof Date) return value.getTime()
  // `Date.parse` reads the ISO text we write exactly (millisecond precision)
  // and is far cheaper than Temporal on a hot read path.
  const ms = Date.parse(value)
  if (Number.isNaN(ms)) throw new Error(`Not a stored instant: ${JSON.stringify(value)}`)
  return ms
}

/** As `readInstant`, with null passed through. */
export function readOptionalInstant(value: string | Date | null): Instant | null {
  return value === null ? null : readInstant(value)
}

/** An instant or null as a column value. */
export function writeOptionalInstant(ms: Instant | null): string | null {
  return ms === null ? null : writeInstant(ms)
}

/** A boolean as a portable integer flag. */
export function writeFlag(value: boolean): number {
  return value ? 1 : 0
}

/** An integer flag (or a boolean, should a driver return one) as a boolean. */
export function readFlag(value: number | boolean): boolean {
  return value === true || value === 1
}

/**
 * The column type for instants: `text` on SQLite, where fixed-width ISO text
 * sorts and compares like time; `timestamptz` on PostgreSQL, which keeps
 * microseconds and so holds every millisecond exactly.
 */
export function instantType(db: AnyKysely): ColumnDataType {
  return dialectOf(db) === 'postgres' ? 'timestamptz' : 'text'
}

/** How many rows `query` selects: `count(*)`, which pg returns as a string (a bigint). */
export async function countRows<TB extends keyof DB>(
  query: SelectQueryBuilder<DB, TB, object>,
): Promise<number> {
  const row = await query
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .executeTakeFirstOrThrow()
  return Number(row.count)
}
