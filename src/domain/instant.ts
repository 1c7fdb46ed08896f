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

// RFC 3339 years have four digits: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z (year 0
// does not exist for PostgreSQL). Temporal also reads ±YYYYYY years, whose arithmetic runs off
// its range and whose text does not sort or store like a 4-digit year's.
const EARLIEST_INSTANT: Instant = Date.parse('0001-01-01T00:00:00.000Z')
const LATEST_INSTANT: Instant = Date.parse('9999-12-31T23:59:59.999Z')

/** An instant as the outside sends it: RFC 3339 text of a four-digit year; null when it is not one. */
export function parseInstantInput(text: string): Instant | null {
  const instant = parseInstant(text)
  if (instant === null || instant < EARLIEST_INSTANT || instant > LATEST_INSTANT) return null
  return instant
}

/** Fixed-width UTC text, so that stored instants sort as text: `2026-12-01T09:00:00.000Z`. */
export function formatInstant(instant: Instant): string {
  // Days since the epoch to a proleptic Gregorian date (H. Hinnant's
  // civil_from_days); every API answer carries several instants, and this is
  // a hundred times cheaper than a formatter. A property test holds it to Temporal.
  const days = Math.floor(instant / DAY_MS)
  const inDay = instant - days * DAY_MS
  const z = days + 719_468
  const era = Math.floor(z / 146_097)
  const dayOfEra = z - era * 146_097
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  )
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(Math.floor(inDay / HOUR_MS), 2)}:${pad(
    Math.floor(inDay / 60_000) % 60,
    2,
  )}:${pad(Math.floor(inDay / 1000) % 60, 2)}.${pad(inDay % 1000, 3)}Z`
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0')
}

/** Wall-clock time of an instant in an IANA zone, with the zone named: `2026-12-01T22:00 Pacific/Auckland`. */
export function formatInZone(instant: Instant, timeZone: string): string {
  let shown = shownInZone.get(timeZone)
  if (!shown) {
    shown = new Map()
    shownInZone.set(timeZone, shown)
  }
  // Remembered by the UTC minute: "now" is shown on every answer, a new instant each time.
  const minute = Math.floor(instant / MINUTE_MS)
  const known = shown.get(minute)
  if (known !== undefined) return known
  // The whole minute shows the same text when its first millisecond is on a
  // whole wall-clock minute and its last 59.999 s later on the same one:
  // one offset, of whole minutes, all through it.
  const first = partsIn(minute * MINUTE_MS, timeZone)
  const last = partsIn(minute * MINUTE_MS + MINUTE_MS - 1, timeZone)
  const text = wallMinute(first, timeZone)
  if (
    first.second === '00' &&
    first.fractionalSecond === '000' &&
    last.second === '59' &&
    last.fractionalSecond === '999' &&
    wallMinute(last, timeZone) === text
  ) {
    if (shown.size >= 10_000) shown.clear()
    shown.set(minute, text)
    return text
  }
  return wallMinute(partsIn(instant, timeZone), timeZone)
}

const MINUTE_MS = 60_000

function wallMinute(p: Record<Part, string>, timeZone: string): string {
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute} ${timeZone}`
}

/**
 * The same minutes (a candidate's attempts, the end of a wait, now) are
 * shown again and again: their text, by zone and UTC minute.
 */
const shownInZone = new Map<string, Map<number, string>>()

/**
 * Showing a time is not calendar arithmetic, and Intl, with one formatter
 * kept per zone, does it some twenty times faster than a Temporal round
 * trip; a property test holds the two to the same answers.
 */
const formatters = new Map<string, Intl.DateTimeFormat>()

type Part = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'fractionalSecond'

function partsIn(instant: Instant, timeZone: string): Record<Part, string> {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      fractionalSecondDigits: 3,
      hourCycle: 'h23',
    })
    formatters.set(timeZone, formatter)
  }
  const parts = {
    year: '',
    month: '',
    day: '',
    hour: '',
    minute: '',
    second: '',
    fractionalSecond: '',
  }
  for (const part of formatter.formatToParts(instant)) {
    if (part.type in parts) parts[part.type as Part] = part.value
  }
  parts.year = parts.year.padStart(4, '0')
  return parts
}
