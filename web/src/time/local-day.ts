import { dateTimeFormat } from '../i18n/formatters.js'

/**
 * Calendar days on a person's clock (`2026-06-15`), and the instants they
 * start at: a search "from the 15th to the 20th" means those days where the
 * candidate lives, whatever the browser's own zone.
 */

const DAY_MS = 86_400_000
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** Whether `text` is a calendar day written `YYYY-MM-DD`. */
export function isLocalDay(text: string): boolean {
  const match = DAY.exec(text)
  if (!match) return false
  const at = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return at.toISOString().slice(0, 10) === text
}

/** The day `at` falls on, on the clock of `timeZone`. */
export function localDayOf(at: Date, timeZone: string): string {
  const parts = wallParts(at, timeZone)
  return `${parts.year}-${parts.month}-${parts.day}`
}

/** The day `days` after `day` (before, when negative). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** The instant `day` begins on the clock of `timeZone`, as RFC 3339 UTC text. */
export function startOfLocalDay(day: string, timeZone: string): string {
  const wall = Date.parse(`${day}T00:00:00Z`)
  // The offset at a first guess, then at the instant it gives: right across a change of offset.
  let at = wall - offsetAt(wall, timeZone)
  at = wall - offsetAt(at, timeZone)
  return new Date(at).toISOString()
}

/** The instants a range of whole days on the clock of `timeZone` starts and ends at, its last day included. */
export function localDaysRange(
  first: string,
  last: string,
  timeZone: string,
): { readonly from: string; readonly to: string } {
  return { from: startOfLocalDay(first, timeZone), to: startOfLocalDay(addDays(last, 1), timeZone) }
}

/** How far the clock of `timeZone` is ahead of UTC at `at`, in milliseconds. */
function offsetAt(at: number, timeZone: string): number {
  const parts = wallParts(new Date(at), timeZone)
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  )
  return wall - (at - (at % 1000))
}

function wallParts(at: Date, timeZone: string): Record<string, string> {
  const format = dateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  })
  return Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]))
}
