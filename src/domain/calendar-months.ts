import { Temporal } from 'temporal-polyfill'
import { DAY_MS, type Instant } from './instant.js'

/**
 * Temporal answers a month addition in about 10 µs, and the retake engine
 * asks the same few questions over and over (the end of the period that
 * began at a candidate's first attempt), so answers are remembered. The
 * cache is bounded and only ever holds what Temporal said.
 */
const CACHE_LIMIT = 100_000
const remembered = new Map<number, Map<Instant, Instant>>()
let rememberedCount = 0

/**
 * `instant` plus whole calendar months in UTC, with Temporal's `constrain`
 * rule (29 Feb + 12 months = 28 Feb).
 */
export function addCalendarMonths(instant: Instant, months: number): Instant {
  let byStart = remembered.get(months)
  const known = byStart?.get(instant)
  if (known !== undefined) return known
  const sum = Temporal.Instant.fromEpochMilliseconds(instant)
    .toZonedDateTimeISO('UTC')
    .add({ months })
    .toInstant().epochMilliseconds
  if (rememberedCount >= CACHE_LIMIT) {
    remembered.clear()
    rememberedCount = 0
    byStart = undefined
  }
  if (!byStart) {
    byStart = new Map()
    remembered.set(months, byStart)
  }
  byStart.set(instant, sum)
  rememberedCount++
  return sum
}

/**
 * Is `at` on or after `start` plus `months` calendar months?
 *
 * First bounded by day counts: `months` calendar months always span between
 * `months × 30.44 − 3` and `months × 30.44 + 3` days. Only an `at` inside
 * that band needs the exact end.
 */
export function hasCalendarMonthsPassed(start: Instant, months: number, at: Instant): boolean {
  const elapsed = at - start
  const averageDays = months * 30.436875
  if (elapsed < (averageDays - 3) * DAY_MS) return false
  if (elapsed >= (averageDays + 3) * DAY_MS) return true
  return at >= addCalendarMonths(start, months)
}
