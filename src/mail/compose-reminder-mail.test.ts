import { describe, expect, it } from 'vitest'
import { TEST_MAIL_SETTINGS } from '../../test/factories/mail.js'
import { composeReminderMail, type ReminderMailInput } from './compose-reminder-mail.js'

// Sunday 5 April 2026, 08:30 in Auckland (NZST after the clocks went back that morning).
const STARTS = Date.UTC(2026, 3, 4, 20, 30)
const HOUR = 3_600_000

function input(overrides: Partial<ReminderMailInput> = {}): ReminderMailInput {
  return {
    registrationId: 'K7QX-M2PD-9TRW',
    candidate: { firstName: 'Ana', lastName: 'Silva', timeZone: 'America/Los_Angeles' },
    exam: { number: '070-620', title: 'Configuring Windows 7' },
    providerName: 'Pearson VUE',
    centre: {
      name: 'Pearson VUE Auckland CBD',
      address: 'Level 9, 120 Albert Street, Auckland 1010',
      city: 'Auckland',
      country: 'NZ',
      timeZone: 'Pacific/Auckland',
    },
    startsAt: STARTS,
    changeDeadlines: { reschedule: STARTS - 24 * HOUR, cancel: STARTS - 48 * HOUR },
    now: STARTS - 72 * HOUR,
    ...overrides,
  }
}

describe('composeReminderMail', () => {
  it('gives the time on the centre’s clock with its zone, and on the candidate’s', () => {
    const mail = composeReminderMail(input(), TEST_MAIL_SETTINGS)
    expect(mail.subject).toBe(
      'Reminder: 070-620 on Sunday 5 April 2026, 08:30 (Pacific/Auckland, UTC+12:00)',
    )
    expect(mail.bodyText).toContain(
      'When:          Sunday 5 April 2026, 08:30 (Pacific/Auckland, UTC+12:00), centre time',
    )
    expect(mail.bodyText).toContain(
      'that is Saturday 4 April 2026, 13:30 (America/Los_Angeles, UTC-07:00), your time',
    )
  })

  it('names the place once, the country by name, and what to bring', () => {
    const body = composeReminderMail(input(), TEST_MAIL_SETTINGS).bodyText
    expect(body).toContain(
      'Where:         Pearson VUE Auckland CBD, Level 9, 120 Albert Street, Auckland 1010, New Zealand',
    )
    expect(body).toContain('What to bring\n  a photo ID in the name you registered with\n')
  })

  it('says until when it can be changed, and how', () => {
    const body = composeReminderMail(input(), TEST_MAIL_SETTINGS).bodyText
    expect(body).toContain(
      'Reschedule until Friday 3 April 2026, 13:30 (America/Los_Angeles, UTC-07:00).',
    )
    expect(body).toContain(
      'Cancel until Thursday 2 April 2026, 13:30 (America/Los_Angeles, UTC-07:00).',
    )
    expect(body).toContain(
      'To change it: at https://exams.examdesk.test/book, or through support (+64 9 000 0000 or help@examdesk.test).',
    )
  })

  it('says plainly when it can no longer be changed', () => {
    const body = composeReminderMail(
      input({ now: STARTS - 12 * HOUR }),
      TEST_MAIL_SETTINGS,
    ).bodyText
    expect(body).toContain('Reschedule: no longer possible (it closed')
    expect(body).toContain('Cancel: no longer possible (it closed')
    expect(body).not.toContain('To change it')
  })
})
