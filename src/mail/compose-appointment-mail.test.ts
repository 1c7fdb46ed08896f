import { describe, expect, it } from 'vitest'
import { anasAucklandAppointment } from '../../test/factories/mail.js'
import { child, instantOf, property, readCalendar } from '../../test/support/read-calendar.js'
import { composeAppointmentMail, computeAppointmentDedupeKey } from './compose-appointment-mail.js'

const HELP = 'This address is not monitored. For help, write to help@example.test.'

const input = anasAucklandAppointment

describe('composeAppointmentMail', () => {
  it('confirms with the centre time and zone, the candidate’s time, the deadlines and help', () => {
    const mail = composeAppointmentMail(input())
    expect(mail.subject).toBe(
      'Exam booked: 070-620 on Sunday 5 April 2026, 08:30 (Pacific/Auckland, UTC+12:00)',
    )
    expect(mail.bodyText).toContain('Hello Ana Silva,')
    expect(mail.bodyText).toContain(
      'When:          Sunday 5 April 2026, 08:30 (Pacific/Auckland, UTC+12:00), centre time',
    )
    expect(mail.bodyText).toContain(
      'that is Saturday 4 April 2026, 13:30 (America/Los_Angeles, UTC-07:00), your time',
    )
    expect(mail.bodyText).toContain('Registration:  K7QX-M2PD-9TRW')
    expect(mail.bodyText).toContain(
      'Where:         Auckland CBD Testing, 1 Queen Street, Auckland, New Zealand',
    )
    expect(mail.bodyText).toContain(
      'Reschedule until Friday 3 April 2026, 13:30 (America/Los_Angeles, UTC-07:00).',
    )
    expect(mail.bodyText).toContain(
      'Cancel until Thursday 2 April 2026, 13:30 (America/Los_Angeles, UTC-07:00).',
    )
    expect(mail.bodyText.trimEnd().endsWith(HELP)).toBe(true)
    expect(mail.bodyText).not.toContain('for you by')
  })

  it('does not repeat the time when the candidate lives in the centre’s zone', () => {
    const mail = composeAppointmentMail(
      input({ candidate: { ...input().candidate, timeZone: 'Pacific/Auckland' } }),
    )
    expect(mail.bodyText).not.toContain('your time')
  })

  it('says the role, how and when, for a booking recorded before people were named', () => {
    const mail = composeAppointmentMail(input({ onBehalf: { role: 'support', channel: 'phone' } }))
    expect(mail.bodyText).toContain(
      'This was registered for you by a support agent by phone on Sunday 15 March 2026, 05:00 (America/Los_Angeles, UTC-07:00).',
    )
  })

  it('names the agent, their role, the channel, the time on the candidate’s clock and the reason', () => {
    const mail = composeAppointmentMail(
      input({
        onBehalf: {
          role: 'support',
          channel: 'phone',
          displayName: 'Maria Lopez',
          reason: 'The booking page timed out',
        },
      }),
    )
    expect(mail.bodyText).toContain(
      'This was registered for you by Maria Lopez (support) by phone on Sunday 15 March 2026, 05:00 (America/Los_Angeles, UTC-07:00): The booking page timed out.',
    )
    expect(mail.bodyText).not.toContain('a support agent')
  })

  it('says the provider when its booking system booked', () => {
    const mail = composeAppointmentMail(
      input({ onBehalf: { role: 'provider', channel: 'web', providerName: 'Pearson VUE' } }),
    )
    expect(mail.bodyText).toContain(
      'This was registered through Pearson VUE on Sunday 15 March 2026, 05:00 (America/Los_Angeles, UTC-07:00).',
    )
  })

  it('says when a change is no longer possible', () => {
    const mail = composeAppointmentMail(input({ composedAt: Date.UTC(2026, 3, 3, 0, 0) }))
    expect(mail.bodyText).toContain('Reschedule until Friday 3 April 2026')
    expect(mail.bodyText).toContain(
      'Cancel: no longer possible (it closed Thursday 2 April 2026, 13:30 (America/Los_Angeles, UTC-07:00)).',
    )
  })

  it('shows a reschedule with the time before, and a calendar update of the same entry', () => {
    const mail = composeAppointmentMail(
      input({
        kind: 'registration-rescheduled',
        version: 2,
        previousStartsAt: Date.UTC(2026, 3, 1, 20, 30),
        onBehalf: { role: 'support', channel: 'phone' },
      }),
    )
    expect(mail.subject).toMatch(/^Exam moved: 070-620 now on Sunday 5 April 2026, 08:30/)
    expect(mail.bodyText).toContain(
      'Before:        Thursday 2 April 2026, 09:30 (Pacific/Auckland, UTC+13:00)',
    )
    expect(mail.bodyText).toContain('This was rescheduled for you by a support agent by phone')
    const calendar = readCalendar(mail.attachments[0]!.content)
    expect(property(calendar, 'METHOD').value).toBe('REQUEST')
    expect(property(child(calendar, 'VEVENT'), 'UID').value).toBe('K7QX-M2PD-9TRW@examdesk')
    expect(property(child(calendar, 'VEVENT'), 'SEQUENCE').value).toBe('2')
  })

  it('cancels: no deadlines, and a calendar file that removes the entry', () => {
    const mail = composeAppointmentMail(input({ kind: 'registration-cancelled', version: 3 }))
    expect(mail.subject).toMatch(/^Exam cancelled: 070-620 on Sunday 5 April 2026, 08:30/)
    expect(mail.bodyText).toContain('Was on:        Sunday 5 April 2026, 08:30')
    expect(mail.bodyText).not.toContain('Reschedule until')
    expect(mail.bodyText).toContain(HELP)
    const [ics] = mail.attachments
    expect(ics?.contentType).toBe('text/calendar; charset=utf-8; method=CANCEL')
    const calendar = readCalendar(ics!.content)
    expect(property(calendar, 'METHOD').value).toBe('CANCEL')
    expect(property(child(calendar, 'VEVENT'), 'STATUS').value).toBe('CANCELLED')
  })

  it('attaches a calendar file on the centre’s clock for the right instant', () => {
    const mail = composeAppointmentMail(input({ durationMinutes: 150 }))
    expect(mail.attachments).toHaveLength(1)
    const [ics] = mail.attachments
    expect(ics?.filename).toBe('examdesk-070-620-2026-04-05.ics')
    expect(ics?.contentType).toBe('text/calendar; charset=utf-8; method=REQUEST')
    const calendar = readCalendar(ics!.content)
    const event = child(calendar, 'VEVENT')
    expect(property(event, 'DTSTART')).toEqual({
      name: 'DTSTART',
      params: { TZID: 'Pacific/Auckland' },
      value: '20260405T083000',
    })
    expect(instantOf(calendar, property(event, 'DTEND'))).toBe(Date.UTC(2026, 3, 4, 23, 0))
    expect(property(event, 'DESCRIPTION').value).toContain('not monitored')
  })

  it("links to the registration's page; facts stored before mail carried the link go without one", () => {
    const linked = composeAppointmentMail(input({ publicUrl: 'https://exams.example.org/' }))
    expect(linked.bodyText).toContain(
      'See it, reschedule or cancel it online: https://exams.example.org/registrations/K7QX-M2PD-9TRW\n',
    )
    const before = composeAppointmentMail(input())
    expect(before.bodyText).not.toContain('online')
    expect(before.bodyText).not.toContain('https://')
  })

  it('keys one mail per kind, registration and version', () => {
    expect(computeAppointmentDedupeKey('registration-rescheduled', 'K7QX-M2PD-9TRW', 2)).toBe(
      'registration-rescheduled:K7QX-M2PD-9TRW:2',
    )
  })
})
