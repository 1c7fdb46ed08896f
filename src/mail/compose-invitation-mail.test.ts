import { describe, expect, it } from 'vitest'
import { composeInvitationMail, type InvitationMailInput } from './compose-invitation-mail.js'

const HELP = 'This address is not monitored. For help, write to help@example.test.'

function input(overrides: Partial<InvitationMailInput> = {}): InvitationMailInput {
  return {
    candidate: { firstName: 'Ana', lastName: 'Silva', timeZone: 'Europe/Paris' },
    exam: { number: '071-621', title: 'Beta: Windows 7, Enterprise Desktop Administrator' },
    code: 'N95RXKVNF7BN8VUGYP',
    codeMode: 'single-use',
    codeExpiresAt: Date.UTC(2027, 2, 31, 22),
    registrationOpensAt: Date.UTC(2026, 10, 2, 9),
    priorityEndsAt: Date.UTC(2026, 10, 5, 9),
    restrictedCountries: ['CN', 'IR'],
    betaEndsAt: Date.UTC(2026, 11, 26, 23),
    resultsReleaseAt: Date.UTC(2027, 1, 1, 9),
    help: HELP,
    bookingPlace: 'https://exams.example.test/book',
    helpContact: '+33 1 00 00 00 00',
    publicUrl: 'https://exams.example.test',
    ...overrides,
  }
}

describe('composeInvitationMail', () => {
  it('names the countries that cannot take part, not their codes', () => {
    const body = composeInvitationMail(input()).bodyText
    expect(body).toContain('Not offered in: China, Iran (candidates there cannot take this beta)')
    expect(body).not.toMatch(/\bCN\b|\bIR\b/)
  })

  it('says where to book and how to reach support, with the number to call', () => {
    const body = composeInvitationMail(input()).bodyText
    expect(body).toContain(
      'Online: at https://exams.example.test/book, choose a seat for exam 071-621 at a test centre and enter the code N95RXK-VNF7BN-8VUGYP.',
    )
    expect(body).toContain('By phone: contact support (+33 1 00 00 00 00)')
    expect(body).not.toMatch(/call support,/)
  })

  it('says which of the beta’s end and the code’s expiry governs, naming the other', () => {
    const body = composeInvitationMail(input()).bodyText
    expect(body).toContain(
      'Take it before: Sunday 27 December 2026, 00:00 (Europe/Paris, UTC+01:00), when the beta ends; the code itself would be valid until Thursday 1 April 2027, 00:00 (Europe/Paris, UTC+02:00), but a beta exam cannot be taken after its beta',
    )
    expect(body).not.toContain('Beta ends:')

    const early = composeInvitationMail(
      input({ codeExpiresAt: Date.UTC(2026, 11, 1, 23) }),
    ).bodyText
    expect(early).toContain(
      'Take it before: Wednesday 2 December 2026, 00:00 (Europe/Paris, UTC+01:00), when your code expires; the beta itself runs until Sunday 27 December 2026, 00:00 (Europe/Paris, UTC+01:00)',
    )
    const same = composeInvitationMail(
      input({ codeExpiresAt: Date.UTC(2026, 11, 26, 23) }),
    ).bodyText
    expect(same).toContain(
      'Take it before: Sunday 27 December 2026, 00:00 (Europe/Paris, UTC+01:00), when the beta ends\n',
    )
    const open = composeInvitationMail(input({ codeExpiresAt: null, betaEndsAt: null })).bodyText
    expect(open).toContain('Take it before: no end date is set')
  })
})
