import { Temporal } from 'temporal-polyfill'
import type { Instant } from './instant.js'

/** The longest period a report covers: a year, leap day included. */
export const MAX_REPORT_DAYS = 366

/** A stretch of time a report counts in: from `start` (included) to `end` (excluded). */
export interface ReportBucket {
  /** The calendar day it starts on, on the programme's clock: `2026-06-15`. */
  readonly label: string
  readonly start: Instant
  readonly end: Instant
}

/** The calendar days a report covers, `from` to `to` both included, on the programme's clock. */
export interface ReportPeriod {
  readonly from: string
  readonly to: string
  readonly timeZone: string
  readonly start: Instant
  readonly end: Instant
}

/** Why a period cannot be reported on, and which field to correct. */
export interface ReportPeriodProblem {
  readonly field: 'from' | 'to'
  readonly problem: string
}

/** A calendar day as `YYYY-MM-DD`, or null. */
export function parseCalendarDay(text: string): Temporal.PlainDate | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null
  try {
    return Temporal.PlainDate.from(text, { overflow: 'reject' })
  } catch {
    return null
  }
}

const startOfDay = (day: Temporal.PlainDate, timeZone: string): Instant =>
  day.toZonedDateTime({ timeZone }).epochMilliseconds

/**
 * The period from `from` to `to` (both calendar days, included) on the
 * clock of `timeZone`: its first and last instant follow the zone's
 * midnights, so a day of a daylight-saving change is 23 or 25 hours long.
 * Without `from`, the 30 days that end with `to`; without `to`, today.
 */
export function decideReportPeriod(
  input: { readonly from?: string | undefined; readonly to?: string | undefined },
  timeZone: string,
  now: Instant,
): ReportPeriod | ReportPeriodProblem {
  const today = Temporal.Instant.fromEpochMilliseconds(now)
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
  const to = input.to === undefined ? today : parseCalendarDay(input.to)
  if (to === null)
    return {
      field: 'to',
      problem: `"to" must be a calendar day such as 2026-06-30, not "${input.to}".`,
    }
  const from = input.from === undefined ? to.subtract({ days: 29 }) : parseCalendarDay(input.from)
  if (from === null)
    return {
      field: 'from',
      problem: `"from" must be a calendar day such as 2026-06-01, not "${input.from}".`,
    }
  const days = from.until(to, { largestUnit: 'days' }).days + 1
  if (days < 1) return { field: 'to', problem: '"to" must not be before "from".' }
  if (days > MAX_REPORT_DAYS)
    return { field: 'to', problem: `A report covers at most ${MAX_REPORT_DAYS} days.` }
  return {
    from: from.toString(),
    to: to.toString(),
    timeZone,
    start: startOfDay(from, timeZone),
    end: startOfDay(to.add({ days: 1 }), timeZone),
  }
}

/** Each calendar day of the period, on its clock. */
export function computeReportDays(period: ReportPeriod): ReportBucket[] {
  const last = Temporal.PlainDate.from(period.to)
  const days: ReportBucket[] = []
  for (
    let day = Temporal.PlainDate.from(period.from);
    Temporal.PlainDate.compare(day, last) <= 0;
  ) {
    const next = day.add({ days: 1 })
    days.push({
      label: day.toString(),
      start: startOfDay(day, period.timeZone),
      end: startOfDay(next, period.timeZone),
    })
    day = next
  }
  return days
}

/**
 * The weeks of the period, Monday to Sunday on its clock, each labelled by
 * its Monday; the first and the last are cut at the period's ends.
 */
export function computeReportWeeks(period: ReportPeriod): ReportBucket[] {
  const first = Temporal.PlainDate.from(period.from)
  const afterLast = Temporal.PlainDate.from(period.to).add({ days: 1 })
  const weeks: ReportBucket[] = []
  for (let monday = first.subtract({ days: first.dayOfWeek - 1 }); ; ) {
    const next = monday.add({ days: 7 })
    const from = Temporal.PlainDate.compare(monday, first) < 0 ? first : monday
    const until = Temporal.PlainDate.compare(next, afterLast) > 0 ? afterLast : next
    weeks.push({
      label: monday.toString(),
      start: startOfDay(from, period.timeZone),
      end: startOfDay(until, period.timeZone),
    })
    if (Temporal.PlainDate.compare(next, afterLast) >= 0) return weeks
    monday = next
  }
}

/** The day on the clock of `timeZone` that `instant` falls on: `2026-06-15`. */
export function computeCalendarDay(instant: Instant, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(instant)
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString()
}

/** The calendar day an instant falls on, on the clock of `timeZone`: `2026-06-15`. */
export function labelDay(at: Instant, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(at)
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString()
}

/**
 * The days on the clock of `timeZone` from the one `first` falls on to the
 * last that has ended by `before`: the days closed by then.
 */
export function computeClosedDays(
  first: Instant,
  before: Instant,
  timeZone: string,
): ReportBucket[] {
  const days: ReportBucket[] = []
  let day = Temporal.PlainDate.from(labelDay(first, timeZone))
  for (;;) {
    const next = day.add({ days: 1 })
    const end = startOfDay(next, timeZone)
    if (end > before) return days
    days.push({ label: day.toString(), start: startOfDay(day, timeZone), end })
    day = next
  }
}
