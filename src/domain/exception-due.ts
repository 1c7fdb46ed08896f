import { Temporal } from 'temporal-polyfill'
import type { Instant } from './instant.js'

/** Working days support has to decide a request in, unless configured. */
export const DEFAULT_EXCEPTION_DUE_WORKING_DAYS = 2
export const MIN_EXCEPTION_DUE_WORKING_DAYS = 1
export const MAX_EXCEPTION_DUE_WORKING_DAYS = 30

/** How long support has to decide an exception request, and on whose clock days begin. */
export interface ExceptionDueRule {
  readonly workingDays: number
  /** The programme's clock (an IANA zone): where Monday begins and Friday ends. */
  readonly timeZone: string
}

export const DEFAULT_EXCEPTION_DUE_RULE: ExceptionDueRule = {
  workingDays: DEFAULT_EXCEPTION_DUE_WORKING_DAYS,
  timeZone: 'UTC',
}

const SATURDAY = 6

/**
 * When a request filed at `requestedAt` is due: `workingDays` working days
 * (Monday to Friday on the programme's clock) later, at the same wall-clock
 * time. Only working time counts: a request filed on Friday at 15:00 is due
 * two working days later on Tuesday at 15:00, and one filed at the weekend
 * counts from Monday 00:00 (due Wednesday 00:00). The wall clock is kept
 * across a daylight-saving change, so the real hours in between may be one
 * more or less; a due time in a gap the clocks skip moves forward with them.
 *
 * @example
 * computeExceptionDue(fridayAt15, { workingDays: 2, timeZone: 'Europe/Berlin' }) // Tuesday 15:00 in Berlin
 */
export function computeExceptionDue(requestedAt: Instant, rule: ExceptionDueRule): Instant {
  let start = Temporal.Instant.fromEpochMilliseconds(requestedAt)
    .toZonedDateTimeISO(rule.timeZone)
    .toPlainDateTime()
  if (start.dayOfWeek >= SATURDAY) {
    start = start
      .toPlainDate()
      .add({ days: 8 - start.dayOfWeek })
      .toPlainDateTime()
  }
  let day = start.toPlainDate()
  for (let left = rule.workingDays; left > 0; ) {
    day = day.add({ days: 1 })
    if (day.dayOfWeek < SATURDAY) left--
  }
  return day
    .toPlainDateTime(start.toPlainTime())
    .toZonedDateTime(rule.timeZone, { disambiguation: 'compatible' }).epochMilliseconds
}
