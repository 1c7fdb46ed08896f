import { Temporal } from 'temporal-polyfill'
import { DAY_MS, type Instant } from './instant.js'

/**
 * `instant` plus whole calendar months in UTC, with Temporal's `constrain`
 * rule (29 Feb + 12 months = 28 Feb).
 */
export function addCalendarMonths(instant: Instant, months: number): Instant {
  return Temporal.Instant.fromEpochMilliseconds(instant)
    .toZonedDateTimeISO('UTC')
    .add({ months })
    .toInstant().epochMilliseconds
}

/**
 * Is `at` on or after `start` plus `months` calendar months?
 *
 * Asking Temporal costs about 10 µs, so the answer is first bounded by day
 * counts: `months` calendar months always span between `months × 30.44 − 3`
 * and `months × 30.44 + 3` days. Only an `at` inside that band asks Temporal.
 */
export function hasCalendarMonthsPassed(start: Instant, months: number, at: Instant): boolean {
  const elapsed = at - start
  const averageDays = months * 30.436875
  if (elapsed < (averageDays - 3) * DAY_MS) return false
  if (elapsed >= (averageDays + 3) * DAY_MS) return true
  return at >= addCalendarMonths(start, months)
}
