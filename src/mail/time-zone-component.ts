import { Temporal } from 'temporal-polyfill'
import { DAY_MS, type Instant } from '../domain/instant.js'

/** How far either side of the appointment the zone's rules are written out. */
const SPAN_MS = 400 * DAY_MS

/**
 * The VTIMEZONE of an iCalendar file (RFC 5545 §3.6.5) for an IANA zone,
 * computed from the zone data Temporal holds: one observance per offset
 * change within about a year either side of `around`, each with its exact
 * onset, plus the one in force when that span begins. No RRULEs: a zone's
 * rules change (and have), while the offsets around one appointment are
 * facts. A zone that never changes offset gets one STANDARD observance.
 *
 * Observances are STANDARD or DAYLIGHT by whether the clock went back or
 * forward; readers use only the offsets, which are exact either way.
 */
export function composeTimeZoneComponent(timeZone: string, around: Instant): string {
  // Every booking on one day at one zone shares a component; walking the
  // zone's transitions through Temporal costs far more than the rest of a booking.
  const day = Math.floor(around / DAY_MS)
  const key = `${timeZone} ${day}`
  let component = composed.get(key)
  if (component === undefined) {
    if (composed.size >= 1000) composed.clear()
    component = composeFor(timeZone, day * DAY_MS)
    composed.set(key, component)
  }
  return component
}

const composed = new Map<string, string>()

function composeFor(timeZone: string, around: Instant): string {
  const start = zonedAt(around - SPAN_MS, timeZone)
  const end = around + SPAN_MS
  const transitions: Temporal.ZonedDateTime[] = []
  const before = start.getTimeZoneTransition('previous')
  if (before) transitions.push(before)
  for (
    let next = start.getTimeZoneTransition('next');
    next && next.epochMilliseconds <= end;
    next = next.getTimeZoneTransition('next')
  ) {
    transitions.push(next)
  }

  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`]
  if (transitions.length === 0 || !before) {
    // In force since before any change we list: from the epoch, at the offset the span starts with.
    const offset = formatOffset(start.offsetNanoseconds)
    lines.push(...observance('STANDARD', '19700101T000000', offset, offset))
  }
  for (const transition of transitions) {
    const to = transition.offsetNanoseconds
    const from = zonedAt(transition.epochMilliseconds - 1, timeZone).offsetNanoseconds
    // The onset is written on the clock as it read just before the change.
    const onset = formatLocal(transition.epochMilliseconds + from / 1e6)
    lines.push(
      ...observance(
        to > from ? 'DAYLIGHT' : 'STANDARD',
        onset,
        formatOffset(from),
        formatOffset(to),
      ),
    )
  }
  lines.push('END:VTIMEZONE')
  return lines.join('\r\n')
}

function observance(kind: string, onset: string, from: string, to: string): string[] {
  return [
    `BEGIN:${kind}`,
    `DTSTART:${onset}`,
    `TZOFFSETFROM:${from}`,
    `TZOFFSETTO:${to}`,
    `END:${kind}`,
  ]
}

function zonedAt(instant: Instant, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(timeZone)
}

/** `20260405T030000` from the wall-clock reading expressed as UTC milliseconds. */
function formatLocal(wallClockMs: number): string {
  const t = Temporal.Instant.fromEpochMilliseconds(wallClockMs).toZonedDateTimeISO('UTC')
  return `${String(t.year).padStart(4, '0')}${pad(t.month)}${pad(t.day)}T${pad(t.hour)}${pad(t.minute)}${pad(t.second)}`
}

/** `+1300`, `-0700`, or `+0530`; seconds only where a historic offset has them (`+011520`). */
function formatOffset(nanoseconds: number): string {
  const sign = nanoseconds < 0 ? '-' : '+'
  const total = Math.round(Math.abs(nanoseconds) / 1e9)
  const seconds = total % 60
  return `${sign}${pad(Math.floor(total / 3600))}${pad(Math.floor(total / 60) % 60)}${seconds ? pad(seconds) : ''}`
}

function pad(value: number): string {
  return String(value).padStart(2, '0')
}
