import type { Kysely } from 'kysely'
import type { DB } from '../../db/engine/schema.js'
import { findChangedInstants, listCountedDays, readCountMark } from '../../db/reports/day-counts.js'
import type { Instant } from '../../domain/instant.js'
import { labelDay, type ReportBucket } from '../../domain/report-period.js'

/** A report's days split: those read from their counts, and the rest read from the rows. */
export interface SplitDays {
  readonly counted: readonly ReportBucket[]
  readonly open: readonly ReportBucket[]
  /** The open days run together: each one range of instants to read the rows of. */
  readonly openRanges: readonly { readonly start: Instant; readonly end: Instant }[]
}

/**
 * Which of `days` are read from their counts: those counted whose rows did
 * not change since the counts were marked true. Today, the days not counted
 * yet and the days changed since are read from the rows, so a report is
 * exact whenever the job last ran.
 */
export async function splitCountedDays(
  db: Kysely<DB>,
  timeZone: string,
  days: readonly ReportBucket[],
): Promise<SplitDays> {
  const none = { counted: [], open: days, openRanges: rangesOf(days) }
  if (days.length === 0) return none
  const asOf = await readCountMark(db, timeZone)
  if (asOf === null) return none
  const counted = await listCountedDays(db, timeZone, days[0]!.label, days.at(-1)!.label)
  if (counted.size === 0) return none
  const changed = new Set(
    (await findChangedInstants(db, asOf, days.at(-1)!.end)).map((at) => labelDay(at, timeZone)),
  )
  const fromCounts = (day: ReportBucket) => counted.has(day.label) && !changed.has(day.label)
  const open = days.filter((day) => !fromCounts(day))
  return { counted: days.filter(fromCounts), open, openRanges: rangesOf(open) }
}

function rangesOf(days: readonly ReportBucket[]): { start: Instant; end: Instant }[] {
  const ranges: { start: Instant; end: Instant }[] = []
  for (const day of days) {
    const last = ranges.at(-1)
    if (last !== undefined && last.end === day.start) last.end = day.end
    else ranges.push({ start: day.start, end: day.end })
  }
  return ranges
}
