import { describe, expect, it } from 'vitest'
import {
  composeExceptionMail,
  computeExceptionDedupeKey,
  type ExceptionMailInput,
} from './compose-exception-mail.js'

const HELP = 'This address is not monitored. For help, write to help@example.test.'

function input(overrides: Partial<ExceptionMailInput> = {}): ExceptionMailInput {
  return {
    kind: 'exception-request-received',
    request: {
      id: 'H4TX-9QMC-2RPB',
      registrationId: 'K7QM-2X9P-4RTC',
      providerCaseNumber: 'PRM-2026-004417',
      reason: 'lab-crash',
      requestedAt: Date.parse('2026-06-17T01:00:00Z'),
    },
    candidate: { firstName: 'Léa', lastName: 'Martin', timeZone: 'Europe/Paris' },
    exam: { number: '070-620', title: 'TS: Configuring Windows Vista' },
    help: HELP,
    publicUrl: 'https://exams.example.test',
    composedAt: Date.parse('2026-06-17T01:00:00Z'),
    ...overrides,
  }
}

describe('composeExceptionMail', () => {
  it('confirms receipt with the request, the registration, the case number and the time on the candidate’s clock', () => {
    const mail = composeExceptionMail(input())
    expect(mail.subject).toBe('Exception request received: 070-620')
    expect(mail.bodyText).toContain('Hello Léa Martin,')
    expect(mail.bodyText).toContain('Request:       H4TX-9QMC-2RPB')
    expect(mail.bodyText).toContain('Registration:  K7QM-2X9P-4RTC')
    expect(mail.bodyText).toContain('Case number:   PRM-2026-004417')
    expect(mail.bodyText).toContain('Reason:        the test-centre lab crashed')
    expect(mail.bodyText).toContain('Wednesday 17 June 2026, 03:00 (Europe/Paris, UTC+02:00)')
    expect(mail.bodyText).not.toContain('filed for you')
    expect(mail.bodyText.trimEnd().endsWith(HELP)).toBe(true)
    expect(mail.bodyText).toContain(
      'See your request online: https://exams.example.test/exception-requests/H4TX-9QMC-2RPB\n',
    )
    expect(mail.attachments).toEqual([])
  })

  it('says who filed it when support did: by name, how, when on the candidate’s clock, and why', () => {
    const mail = composeExceptionMail(
      input({
        onBehalf: {
          role: 'support',
          channel: 'phone',
          displayName: 'Maria Lopez',
          reason: 'The candidate called from the test centre',
        },
      }),
    )
    expect(mail.bodyText).toContain(
      'This request was filed for you by Maria Lopez (support) by phone on Wednesday 17 June 2026, 03:00 (Europe/Paris, UTC+02:00): The candidate called from the test centre.',
    )
  })

  it('says the role alone for a request filed before people were named', () => {
    const mail = composeExceptionMail(input({ onBehalf: { role: 'support', channel: 'phone' } }))
    expect(mail.bodyText).toContain(
      'This request was filed for you by a support agent by phone on Wednesday 17 June 2026, 03:00 (Europe/Paris, UTC+02:00).',
    )
  })

  it('says what an approval waives, that it is for one attempt, and the note', () => {
    const review = { note: 'Lab crash confirmed.', waivesWait: true, waivesLimit: true }
    const mail = composeExceptionMail(input({ kind: 'exception-request-approved', review }))
    expect(mail.subject).toBe('Exception approved: 070-620')
    expect(mail.bodyText).toContain(
      'the exception lifts both the waiting time and the limit on attempts in the 12-month period',
    )
    expect(mail.bodyText).toContain('It applies once')
    expect(mail.bodyText).toContain('Lab crash confirmed.')
    const limitOnly = composeExceptionMail(
      input({ kind: 'exception-request-approved', review: { ...review, waivesWait: false } }),
    )
    expect(limitOnly.bodyText).toContain('lifts the limit on attempts in the 12-month period.')
  })

  it('gives a denial with its reason and what applies instead', () => {
    const mail = composeExceptionMail(
      input({
        kind: 'exception-request-denied',
        review: { note: 'The session ran normally.', waivesWait: false, waivesLimit: false },
      }),
    )
    expect(mail.subject).toBe('Exception request denied: 070-620')
    expect(mail.bodyText).toContain('The session ran normally.')
    expect(mail.bodyText).toContain('waiting time and attempt limit apply')
  })

  it('keys each step of a request once', () => {
    expect(computeExceptionDedupeKey('exception-request-approved', 'H4TX-9QMC-2RPB')).toBe(
      'exception-request-approved:H4TX-9QMC-2RPB',
    )
  })
})
