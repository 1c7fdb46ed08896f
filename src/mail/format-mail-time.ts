import { Temporal } from 'temporal-polyfill'
import type { Instant } from '../domain/instant.js'

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/**
 * An instant as a person reads it in mail, on the wall clock of a named
 * zone, the zone and its offset at that moment named, so that nobody has to
 * guess whose 08:30 it is. English, one fixed form, whatever the machine's locale.
 *
 * @example
 * formatMailTime(Date.UTC(2026, 3, 4, 20, 30), 'Pacific/Auckland')
 * // 'Sunday 5 April 2026, 08:30 (Pacific/Auckland, UTC+12:00)'
 */
export function formatMailTime(instant: Instant, timeZone: string): string {
  const local = Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(timeZone)
  const time = `${pad(local.hour)}:${pad(local.minute)}`
  const offset = local.offset === '+00:00' ? '' : local.offset
  return `${WEEKDAYS[local.dayOfWeek - 1]} ${local.day} ${MONTHS[local.month - 1]} ${local.year}, ${time} (${timeZone}, UTC${offset})`
}

function pad(value: number): string {
  return String(value).padStart(2, '0')
}
