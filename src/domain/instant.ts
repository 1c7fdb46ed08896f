import { Temporal } from 'temporal-polyfill'

/**
 * An exact point in time: milliseconds since 1970-01-01T00:00:00Z.
 *
 * The domain keeps instants as plain numbers because the retake engine runs
 * millions of comparisons a second and a Temporal object costs microseconds
 * to build; calendar arithmetic (months) still goes through Temporal.
 */
export type Instant = number

export const HOUR_MS = 3_600_000
export const DAY_MS = 24 * HOUR_MS

/** Parses RFC 3339 text with an explicit offset (`2026-12-01T09:00:00Z`); null when it is not one. */
export function parseInstant(text: string): Instant | null {
  try {
    return Temporal.Instant.from(text).epochMilliseconds
  } catch {
    return null
  }
}

/** Fixed-width UTC text, so that stored instants sort as text: `2026-12-01T09:00:00.000Z`. */
export function formatInstant(instant: Instant): string {
  return Temporal.Instant.fromEpochMilliseconds(instant).toString({ fractionalSecondDigits: 3 })
}

/** Wall-clock time of an instant in an IANA zone, with the zone named: `2026-12-01T22:00 Pacific/Auckland`. */
export function formatInZone(instant: Instant, timeZone: string): string {
  const local = Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(timeZone)
  return `${local.toPlainDateTime().toString({ smallestUnit: 'minute' })} ${timeZone}`
}
