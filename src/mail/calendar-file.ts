import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator'
import { Temporal } from 'temporal-polyfill'
import type { Instant } from '../domain/instant.js'
import type { MailAddress } from './mail-settings.js'
import { composeTimeZoneComponent } from './time-zone-component.js'

/** An appointment as a calendar entry. */
export interface CalendarAppointment {
  /** REQUEST adds or updates the entry; CANCEL removes it. */
  readonly method: 'REQUEST' | 'CANCEL'
  /** The same for every version of one appointment, so a change replaces the entry. */
  readonly uid: string
  /** Grows with each change; a calendar keeps the entry with the highest. */
  readonly sequence: number
  readonly startsAt: Instant
  readonly durationMinutes: number
  /** The centre's IANA zone: the entry is written on its wall clock, with its VTIMEZONE. */
  readonly timeZone: string
  readonly summary: string
  readonly location: string
  readonly description: string
  /** A page about the appointment (URL); null or absent: none. */
  readonly url?: string | null
  readonly organizer: MailAddress
  /** The candidate; null leaves the event without an attendee (whoever reads it may not have their address). */
  readonly attendee: { readonly name: string; readonly email: string } | null
  /** When this version was made (DTSTAMP). */
  readonly stampedAt: Instant
}

/**
 * An iCalendar file (RFC 5545, iTIP method per RFC 5546) with one VEVENT on
 * the centre's wall clock (`DTSTART;TZID=Pacific/Auckland:…`) and the
 * VTIMEZONE that says what that wall clock means.
 */
export function composeCalendarFile(appointment: CalendarAppointment): string {
  const calendar = ical({
    prodId: { company: 'examdesk', product: 'examdesk', language: 'EN' },
    method:
      appointment.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    // No calendar-wide zone (ical-generator would then write DTSTAMP without
    // its Z); the event's own zone still gets its VTIMEZONE from the generator.
    timezone: {
      name: null,
      generator: (zone) => composeTimeZoneComponent(zone, appointment.startsAt),
    },
  })
  const start = Temporal.Instant.fromEpochMilliseconds(appointment.startsAt).toZonedDateTimeISO(
    appointment.timeZone,
  )
  const end = start.add({ minutes: appointment.durationMinutes })
  // A wall-clock time that occurs twice (the hour repeated when clocks go
  // back) means its first occurrence (RFC 5545 §3.3.5); an appointment in
  // the second one is written in UTC instead, which no reader can misplace.
  const onWallClock = !isRepeatedReading(start) && !isRepeatedReading(end)
  const organizer = appointment.organizer
  calendar.createEvent({
    id: appointment.uid,
    sequence: appointment.sequence,
    stamp: Temporal.Instant.fromEpochMilliseconds(appointment.stampedAt),
    start: onWallClock ? start : start.toInstant(),
    end: onWallClock ? end : end.toInstant(),
    timezone: onWallClock ? appointment.timeZone : null,
    summary: appointment.summary,
    location: appointment.location,
    description: appointment.description,
    url: appointment.url ?? null,
    status: appointment.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: organizer.name || organizer.address, email: organizer.address },
    attendees:
      appointment.attendee === null
        ? []
        : [
            {
              name: appointment.attendee.name,
              email: appointment.attendee.email,
              role: ICalAttendeeRole.REQ,
              // Nothing to answer: the booking is made, and the organizer's box is not read.
              rsvp: false,
              status: appointment.method === 'CANCEL' ? null : ICalAttendeeStatus.ACCEPTED,
            },
          ],
  })
  return calendar.toString()
}

/** True when this reading of the clock first meant an earlier instant, i.e. it is the repeated hour. */
function isRepeatedReading(time: Temporal.ZonedDateTime): boolean {
  const first = time
    .toPlainDateTime()
    .toZonedDateTime(time.timeZoneId, { disambiguation: 'earlier' })
  return first.epochNanoseconds !== time.epochNanoseconds
}
