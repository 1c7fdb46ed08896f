import { describe, expect, it } from 'vitest'
import { anasAucklandAppointment } from '../../test/factories/mail.js'
import { child, property, readCalendar } from '../../test/support/read-calendar.js'
import {
  type AppointmentCalendarInput,
  composeAppointmentCalendar,
} from './appointment-calendar.js'

function input(overrides: Partial<AppointmentCalendarInput> = {}): AppointmentCalendarInput {
  return anasAucklandAppointment({
    version: 3,
    help: 'For help, write to help@example.test.',
    publicUrl: 'https://exams.example.org',
    composedAt: Date.UTC(2026, 3, 3, 0, 0),
    ...overrides,
  })
}

/** The event's DESCRIPTION as a person reads it. */
function descriptionOf(content: string): string {
  const value = property(child(readCalendar(content), 'VEVENT'), 'DESCRIPTION').value
  return value.replace(/\\([\\,;nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c))
}

describe('composeAppointmentCalendar', () => {
  it("is named by the exam and the date on the centre's clock", () => {
    const file = composeAppointmentCalendar(input())
    expect(file.filename).toBe('examdesk-070-620-2026-04-05.ics')
    expect(file.contentType).toBe('text/calendar; charset=utf-8; method=REQUEST')
  })

  it('says the change deadlines as the mail does, on the candidate’s clock, and links the page', () => {
    expect(descriptionOf(composeAppointmentCalendar(input()).content)).toBe(
      [
        'Registration K7QX-M2PD-9TRW with Pearson VUE.',
        'Reschedule until Friday 3 April 2026, 13:30 (America/Los_Angeles, UTC-07:00).',
        'Cancel: no longer possible (it closed Thursday 2 April 2026, 13:30 (America/Los_Angeles, UTC-07:00)).',
        'See it online: https://exams.example.org/registrations/K7QX-M2PD-9TRW',
        'For help, write to help@example.test.',
      ].join('\n'),
    )
    const event = child(readCalendar(composeAppointmentCalendar(input()).content), 'VEVENT')
    expect(property(event, 'URL').value).toBe(
      'https://exams.example.org/registrations/K7QX-M2PD-9TRW',
    )
  })

  it('cancels: no deadlines, the same entry removed', () => {
    const file = composeAppointmentCalendar(
      input({ kind: 'registration-cancelled', changeDeadlines: null }),
    )
    const calendar = readCalendar(file.content)
    expect(property(calendar, 'METHOD').value).toBe('CANCEL')
    expect(property(child(calendar, 'VEVENT'), 'STATUS').value).toBe('CANCELLED')
    expect(property(child(calendar, 'VEVENT'), 'UID').value).toBe('K7QX-M2PD-9TRW@examdesk')
    expect(descriptionOf(file.content)).toContain('This appointment is cancelled.')
    expect(descriptionOf(file.content)).not.toContain('Reschedule')
  })

  it('leaves the candidate out when asked, and the page out of facts stored before it was kept', () => {
    const without = composeAppointmentCalendar(input({ publicUrl: undefined }), { attendee: false })
    expect(without.content).not.toContain('ATTENDEE')
    expect(without.content).not.toContain('ana@example.test')
    expect(without.content).not.toContain('URL:')
    expect(descriptionOf(without.content)).not.toContain('online')
    expect(composeAppointmentCalendar(input()).content).toContain('MAILTO:ana@example.test')
  })
})
