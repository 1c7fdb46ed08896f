import { DAY_MS, HOUR_MS, type Instant } from '../domain/instant.js'

/**
 * Time builders for the demo catalogue. Everything is exact millisecond
 * arithmetic on the `now` the caller passes: no clock, no time-zone database.
 */

const MINUTE_MS = 60_000

/** `n` days in milliseconds. */
export function days(n: number): number {
  return n * DAY_MS
}

/** `n` hours in milliseconds. */
export function hours(n: number): number {
  return n * HOUR_MS
}

/**
 * A candidate's wall clock, approximated by a fixed offset from UTC (their
 * standard time: in summer the local clock reads an hour later than the
 * `HH:MM` asked for, which is still a believable time for an exam).
 *
 * `clock(daysAgo, 'HH:MM')` is that time of day on the local calendar day
 * `daysAgo` days before the local day of `now`. With `daysAgo >= 1` the
 * instant is always before `now`.
 */
export type LocalClock = (daysAgo: number, time: string) => Instant

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/

export function localClock(now: Instant, utcOffsetHours: number): LocalClock {
  const offset = hours(utcOffsetHours)
  const local = now + offset
  const localDayStart = local - (((local % DAY_MS) + DAY_MS) % DAY_MS) - offset
  return (daysAgo, time) => {
    const match = TIME_OF_DAY.exec(time)
    if (!match) throw new Error(`demo: not an HH:MM time of day: ${time}`)
    const timeOfDay = hours(Number(match[1])) + Number(match[2]) * MINUTE_MS
    return localDayStart - days(daysAgo) + timeOfDay
  }
}
