import { Temporal } from 'temporal-polyfill'
import { describe, expect, it } from 'vitest'
import { child, instantOf, property, readCalendar } from '../../test/support/read-calendar.js'
import { type CalendarAppointment, composeCalendarFile } from './calendar-file.js'

function at(text: string): number {
  return Temporal.Instant.from(text).epochMilliseconds
}

function appointment(overrides: Partial<CalendarAppointment> = {}): CalendarAppointment {
  return {
    method: 'REQUEST',
    uid: 'K7QX-M2PD-9TRW@examdesk',
    sequence: 1,
    startsAt: at('2026-06-15T21:00:00Z'),
    durationMinutes: 120,
    timeZone: 'Pacific/Auckland',
    summary: 'Exam 070-620 Configuring Windows 7',
    location: 'Auckland CBD Testing\n1 Queen Street, Auckland; NZ',
    description: 'Registration K7QX-M2PD-9TRW.\nFor help, write to help@example.test.',
    organizer: { name: 'examdesk', address: 'no-reply@examdesk.test' },
    attendee: { name: 'Ana Silva', email: 'ana@example.test' },
    stampedAt: at('2026-06-01T10:00:00Z'),
    ...overrides,
  }
}

// Each is on or next to a change of offset in its zone, where a calendar file
// with a wrong or missing VTIMEZONE puts the exam an hour off.
const DST_CASES = [
  // Auckland: NZDT (+13) ends 2026-04-05 03:00 → 02:00 NZST (+12); starts 2026-09-27 02:00 → 03:00.
  ['Pacific/Auckland', '2026-04-04T13:30:00Z', '20260405T023000'], // 02:30 NZDT, before the repeat
  ['Pacific/Auckland', '2026-04-04T20:30:00Z', '20260405T083000'], // morning after the change
  ['Pacific/Auckland', '2026-09-26T21:00:00Z', '20260927T100000'], // first NZDT morning
  ['Pacific/Auckland', '2026-09-26T13:59:00Z', '20260927T015900'], // the minute before the gap
  ['Pacific/Auckland', '2026-09-26T14:00:00Z', '20260927T030000'], // the gap's end
  ['Pacific/Auckland', '2027-01-15T22:00:00Z', '20270116T110000'], // midsummer, +13
  // Los Angeles: PDT starts 2026-03-08 02:00 → 03:00; ends 2026-11-01 02:00 → 01:00.
  ['America/Los_Angeles', '2026-03-08T10:00:00Z', '20260308T030000'], // the gap's end
  ['America/Los_Angeles', '2026-03-08T17:00:00Z', '20260308T100000'], // first PDT morning
  ['America/Los_Angeles', '2026-11-01T08:30:00Z', '20261101T013000'], // 01:30 PDT, first of two
  ['America/Los_Angeles', '2026-11-01T17:00:00Z', '20261101T090000'], // first PST morning
  ['America/Los_Angeles', '2026-12-31T23:59:00Z', '20261231T155900'],
] as const

describe('an appointment as a calendar file', () => {
  it.each(DST_CASES)(
    'in %s at %s reads %s on the centre clock, and back to the same instant',
    (timeZone, startsAtText, local) => {
      const startsAt = at(startsAtText)
      const calendar = readCalendar(composeCalendarFile(appointment({ timeZone, startsAt })))
      const event = child(calendar, 'VEVENT')
      const start = property(event, 'DTSTART')
      expect(start.params).toEqual({ TZID: timeZone })
      expect(start.value).toBe(local)
      // A calendar program has only the file: its VTIMEZONE must give the instant back.
      expect(instantOf(calendar, start)).toBe(startsAt)
      expect(instantOf(calendar, property(event, 'DTEND'))).toBe(startsAt + 120 * 60_000)
      expect(property(child(calendar, 'VTIMEZONE'), 'TZID').value).toBe(timeZone)
    },
  )

  it('resolves every hour of a year in both zones through its own VTIMEZONE', () => {
    for (const timeZone of ['Pacific/Auckland', 'America/Los_Angeles']) {
      const first = at('2026-01-01T00:00:00Z')
      const mid = at('2026-07-01T00:00:00Z')
      const calendar = readCalendar(composeCalendarFile(appointment({ timeZone, startsAt: mid })))
      for (let hour = 0; hour < 365 * 24; hour += 5) {
        const instant = first + hour * 3_600_000
        const wall = Temporal.Instant.fromEpochMilliseconds(instant)
          .toZonedDateTimeISO(timeZone)
          .toPlainDateTime()
          .toString()
          .replace(/[-:]/g, '')
          .slice(0, 15)
        const prop = { name: 'DTSTART', params: { TZID: timeZone }, value: wall }
        const expected = Temporal.PlainDateTime.from(wall)
          .toZonedDateTime(timeZone, { disambiguation: 'earlier' })
          .toInstant().epochMilliseconds
        expect(instantOf(calendar, prop)).toBe(expected)
      }
    }
  })

  it('writes an appointment in the repeated hour in UTC, which cannot be misread', () => {
    // 01:30 PST, the second 01:30 of 1 November 2026 in Los Angeles.
    const startsAt = at('2026-11-01T09:30:00Z')
    const calendar = readCalendar(
      composeCalendarFile(appointment({ timeZone: 'America/Los_Angeles', startsAt })),
    )
    const start = property(child(calendar, 'VEVENT'), 'DTSTART')
    expect(start).toEqual({ name: 'DTSTART', params: {}, value: '20261101T093000Z' })
    expect(instantOf(calendar, start)).toBe(startsAt)
  })

  it('invites with METHOD:REQUEST, a stable UID, the version as SEQUENCE and a UTC DTSTAMP', () => {
    const calendar = readCalendar(composeCalendarFile(appointment({ sequence: 3 })))
    const event = child(calendar, 'VEVENT')
    expect(property(calendar, 'METHOD').value).toBe('REQUEST')
    expect(property(calendar, 'VERSION').value).toBe('2.0')
    expect(property(event, 'UID').value).toBe('K7QX-M2PD-9TRW@examdesk')
    expect(property(event, 'SEQUENCE').value).toBe('3')
    expect(property(event, 'STATUS').value).toBe('CONFIRMED')
    expect(property(event, 'DTSTAMP').value).toBe('20260601T100000Z')
    expect(property(event, 'ORGANIZER').value).toBe('mailto:no-reply@examdesk.test')
    expect(property(event, 'ATTENDEE')).toMatchObject({
      params: { RSVP: 'FALSE', PARTSTAT: 'ACCEPTED' },
      value: 'MAILTO:ana@example.test',
    })
    expect(property(event, 'LOCATION').value).toBe(
      'Auckland CBD Testing\\n1 Queen Street\\, Auckland\\; NZ',
    )
  })

  it('cancels with METHOD:CANCEL and STATUS:CANCELLED on the same UID', () => {
    const calendar = readCalendar(
      composeCalendarFile(appointment({ method: 'CANCEL', sequence: 2 })),
    )
    const event = child(calendar, 'VEVENT')
    expect(property(calendar, 'METHOD').value).toBe('CANCEL')
    expect(property(event, 'STATUS').value).toBe('CANCELLED')
    expect(property(event, 'UID').value).toBe('K7QX-M2PD-9TRW@examdesk')
    expect(property(event, 'SEQUENCE').value).toBe('2')
  })

  it('folds long lines at 75 octets, as RFC 5545 asks', () => {
    const text = composeCalendarFile(appointment({ description: 'é'.repeat(200) }))
    for (const line of text.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
    }
  })

  it('gives a zone without daylight saving one fixed observance', () => {
    const calendar = readCalendar(
      composeCalendarFile(
        appointment({ timeZone: 'Asia/Kolkata', startsAt: at('2026-06-15T04:30:00Z') }),
      ),
    )
    const start = property(child(calendar, 'VEVENT'), 'DTSTART')
    expect(start.value).toBe('20260615T100000')
    expect(instantOf(calendar, start)).toBe(at('2026-06-15T04:30:00Z'))
  })
})
