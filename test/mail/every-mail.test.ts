import { simpleParser } from 'mailparser'
import MailComposer from 'nodemailer/lib/mail-composer'
import { describe, expect, it } from 'vitest'
import {
  BETA_REWARD,
  SECOND_SHOT_PACK,
  SECOND_SHOT_VERSIONS,
  STUDY_BOOK_DISCOUNT,
} from '../../src/demo/demo-offers.js'
import type { OutboxMessage } from '../../src/domain/outbox-mail.js'
import {
  type AccountChange,
  composeAccountChangeMail,
} from '../../src/mail/compose-account-change-mail.js'
import {
  type AppointmentMailKind,
  composeAppointmentMail,
} from '../../src/mail/compose-appointment-mail.js'
import { composeBetaResultMail } from '../../src/mail/compose-beta-result-mail.js'
import {
  composeEmailChangeMail,
  composeEmailInUseMail,
} from '../../src/mail/compose-email-change-mail.js'
import {
  composeExceptionMail,
  type ExceptionMailKind,
} from '../../src/mail/compose-exception-mail.js'
import { composeFreeRetakeFollowUpMail } from '../../src/mail/compose-free-retake-follow-up-mail.js'
import { composeHoldEndedMail } from '../../src/mail/compose-hold-mail.js'
import { composeInvitationMail } from '../../src/mail/compose-invitation-mail.js'
import { composeReminderMail } from '../../src/mail/compose-reminder-mail.js'
import { composeVoucherMail } from '../../src/mail/compose-voucher-mail.js'
import type { ComposedMail } from '../../src/mail/composed-mail.js'
import { composeMailOptions } from '../../src/mail/mail-options.js'
import { FACTORY_EPOCH } from '../factories/catalogue.js'
import { TEST_MAIL_SETTINGS as SETTINGS } from '../factories/mail.js'

/** A name that breaks HTML unless every value is escaped. */
const FIRST = 'Zoë <b>'
const LAST = `O'Brien & "Sons" <script>alert(1)</script>`
const CANDIDATE = {
  id: 'cand-zoe',
  firstName: FIRST,
  lastName: LAST,
  email: 'zoe@example.test',
  timeZone: 'America/Los_Angeles',
}
const EXAM = { number: '070-620', title: 'Configuring <Windows> 7 & more' }
const CENTRE = {
  name: 'Pearson VUE Berlin Mitte',
  address: 'Friedrichstraße 68, 10117 Berlin',
  city: 'Berlin',
  country: 'DE',
  timeZone: 'Europe/Berlin',
}
const STARTS = Date.UTC(2026, 8, 14, 7, 30)
const DAY = 86_400_000
const CODE = 'N95RXKVNF7BN8VUGYP'

/** One of each mail examdesk sends, composed as its use case composes it. */
function everyMail(): readonly (readonly [string, ComposedMail])[] {
  const appointment = (kind: AppointmentMailKind) =>
    composeAppointmentMail({
      kind,
      registrationId: 'K7QX-M2PD-9TRW',
      version: 2,
      candidate: CANDIDATE,
      exam: EXAM,
      provider: { id: 'pearson-vue', name: 'Pearson VUE' },
      centre: CENTRE,
      startsAt: STARTS,
      onBehalf: { role: 'support', channel: 'phone' },
      previousStartsAt: kind === 'registration-rescheduled' ? STARTS - DAY : null,
      changeDeadlines:
        kind === 'registration-cancelled'
          ? null
          : { reschedule: STARTS - DAY, cancel: STARTS - DAY },
      help: SETTINGS.help,
      organizer: SETTINGS.from,
      composedAt: FACTORY_EPOCH,
    })
  const voucher = (offer = SECOND_SHOT_VERSIONS[0]!, rewardForExam: string | null = null) =>
    composeVoucherMail({
      voucher: { code: CODE, expiresAt: offer.useBefore, rewardForExam },
      offer,
      candidate: CANDIDATE,
      providerNames: new Map([['prometric', 'Prometric']]),
      help: SETTINGS.help,
      bookingPlace: SETTINGS.bookingPlace,
      helpContact: SETTINGS.helpContact,
    })
  const exception = (kind: ExceptionMailKind) =>
    composeExceptionMail({
      kind,
      request: {
        id: 'EXC-1',
        registrationId: 'K7QX-M2PD-9TRW',
        providerCaseNumber: 'CASE <42>',
        reason: 'lab-crash',
        requestedAt: FACTORY_EPOCH,
      },
      candidate: CANDIDATE,
      exam: EXAM,
      onBehalf: { role: 'support', channel: 'phone' },
      review: { note: 'Lab log shows the crash & restart.', waivesWait: true, waivesLimit: false },
      help: SETTINGS.help,
      composedAt: FACTORY_EPOCH,
    })
  const betaResult = (kind: 'beta-result-due' | 'beta-result-released') =>
    composeBetaResultMail(
      {
        kind,
        candidate: CANDIDATE,
        exam: '071-621',
        examTitle: EXAM.title,
        attemptId: 'att-1',
        resultsReleaseAt: STARTS + 30 * DAY,
        outcome: kind === 'beta-result-due' ? null : 'pass',
        liveExam: '070-621',
        now: FACTORY_EPOCH,
      },
      SETTINGS.help,
    )
  const hold = (ending: 'expired' | 'released') =>
    composeHoldEndedMail(
      {
        ending,
        candidate: CANDIDATE,
        registrationId: 'K7QX-M2PD-9TRW',
        exam: EXAM,
        centre: CENTRE,
        startsAt: STARTS,
        holdExpiresAt: FACTORY_EPOCH,
        reason: 'Paid <twice> by mistake',
        codesReturned: ['N95RXK-VNF7BN-8VUGYP'],
        now: FACTORY_EPOCH,
      },
      SETTINGS.help,
    )
  return [
    ['registration-confirmed', appointment('registration-confirmed')],
    ['registration-rescheduled', appointment('registration-rescheduled')],
    ['registration-cancelled', appointment('registration-cancelled')],
    ['voucher-issued (free retake, after-pass discount)', voucher()],
    ['voucher-issued (exam pack)', voucher(SECOND_SHOT_PACK)],
    ['voucher-issued (percent off)', voucher(STUDY_BOOK_DISCOUNT)],
    ['voucher-issued (beta reward)', voucher(BETA_REWARD, '071-621')],
    [
      'wave-invitation',
      composeInvitationMail({
        candidate: CANDIDATE,
        exam: EXAM,
        code: CODE,
        codeMode: 'single-use',
        codeExpiresAt: STARTS + 90 * DAY,
        registrationOpensAt: FACTORY_EPOCH,
        priorityEndsAt: FACTORY_EPOCH + 3 * DAY,
        restrictedCountries: ['CN', 'IR'],
        betaEndsAt: STARTS + 60 * DAY,
        resultsReleaseAt: STARTS + 90 * DAY,
        help: SETTINGS.help,
        bookingPlace: SETTINGS.bookingPlace,
        helpContact: SETTINGS.helpContact,
      }),
    ],
    ['beta-result-due', betaResult('beta-result-due')],
    ['beta-result-released', betaResult('beta-result-released')],
    ['exception-request-received', exception('exception-request-received')],
    ['exception-request-approved', exception('exception-request-approved')],
    ['exception-request-denied', exception('exception-request-denied')],
    ['hold-expired', hold('expired')],
    ['hold-released', hold('released')],
    [
      'free-retake-more-exams',
      composeFreeRetakeFollowUpMail(
        {
          candidate: CANDIDATE,
          registrationId: 'K7QX-M2PD-9TRW',
          exam: EXAM,
          code: CODE,
          codeExpiresAt: SECOND_SHOT_VERSIONS[0]!.useBefore,
          offer: SECOND_SHOT_VERSIONS[0]!,
          now: SECOND_SHOT_VERSIONS[0]!.enrolment!.opensAt,
        },
        SETTINGS,
      ),
    ],
    [
      'appointment-reminder',
      composeReminderMail(
        {
          registrationId: 'K7QX-M2PD-9TRW',
          candidate: CANDIDATE,
          exam: EXAM,
          providerName: 'Pearson VUE',
          centre: CENTRE,
          startsAt: STARTS,
          changeDeadlines: { reschedule: STARTS - DAY, cancel: STARTS - DAY },
          now: STARTS - 3 * DAY,
        },
        SETTINGS,
      ),
    ],
    ...accountChanges(),
    ...[false, true].map(
      (byAdministrator) =>
        [
          'email-change',
          composeEmailChangeMail({
            displayName: `${FIRST} ${LAST}`,
            link: 'https://exams.examdesk.test/confirm-email/3q2-7sNf',
            code: 'K7QM-Z4RT',
            lifetimeMinutes: 15,
            byAdministrator,
            help: SETTINGS.help,
          }),
        ] as const,
    ),
    [
      'email-change-in-use',
      composeEmailInUseMail({ displayName: `${FIRST} ${LAST}`, help: SETTINGS.help }),
    ],
  ]
}

/** The mails telling a person their sign-in changed: a name and a passkey name that break HTML. */
function accountChanges(): (readonly [string, ComposedMail])[] {
  const changes: readonly AccountChange[] = [
    { kind: 'passkey-added', passkeyName: `${FIRST}'s <laptop>` },
    { kind: 'passkey-removed', passkeyName: `${FIRST}'s <laptop>` },
    { kind: 'identity-linked', issuer: 'https://login.example.test/realms/staff' },
    { kind: 'identity-unlinked', issuer: 'https://login.example.test/realms/staff' },
    {
      kind: 'email-changed',
      from: CANDIDATE.email,
      to: 'zoe@new.example.test',
      byAdministrator: false,
    },
    {
      kind: 'email-changed',
      from: CANDIDATE.email,
      to: 'zoe@new.example.test',
      byAdministrator: true,
    },
  ]
  return changes.map((change) => [
    change.kind,
    composeAccountChangeMail({
      change,
      displayName: `${FIRST} ${LAST}`,
      at: STARTS,
      timeZone: CANDIDATE.timeZone,
      help: SETTINGS.help,
      helpContact: SETTINGS.helpContact,
    }),
  ])
}

/** A word written as programmers name fields (`voucherCode`, `slotId`). */
const CAMEL_CASE = /\b[a-z]+[A-Z][A-Za-z]*\b/

async function send(composed: ComposedMail) {
  const message: OutboxMessage = {
    id: 'mail-1',
    dedupeKey: 'test:mail-1',
    kind: 'test',
    candidateId: CANDIDATE.id,
    recipient: CANDIDATE.email,
    createdAt: FACTORY_EPOCH,
    ...composed,
  }
  const raw = await new MailComposer(composeMailOptions(message, SETTINGS, FACTORY_EPOCH))
    .compile()
    .build()
  return simpleParser(raw)
}

describe.each(everyMail())('the %s mail', (_, mail) => {
  it('speaks to a person: no API paths, field names or JSON', () => {
    for (const part of [mail.subject, mail.bodyText]) {
      expect(part).not.toContain('/v1/')
      expect(part).not.toMatch(CAMEL_CASE)
      expect(part).not.toMatch(/[{}[\]]|":/)
      expect(part).not.toMatch(/\b(undefined|null|NaN)\b|\[object/)
    }
    // Countries by name: "Germany", "China, Iran".
    expect(mail.bodyText).not.toMatch(/\b(DE|CN|IR)\b/)
  })

  it('goes out as plain text with an HTML alternative that says the same, every value escaped', async () => {
    const parsed = await send(mail)
    expect(parsed.text).toContain(SETTINGS.help)
    expect(typeof parsed.html).toBe('string')
    const html = parsed.html as string
    expect(html).toContain(SETTINGS.help)
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<b>')
    expect(html).not.toContain('<Windows>')
    // Whatever the mail names of the candidate or the exam, it names escaped.
    if (mail.bodyText.includes(LAST)) {
      expect(html).toContain(
        'O&#39;Brien &amp; &quot;Sons&quot; &lt;script&gt;alert(1)&lt;/script&gt;',
      )
    }
    if (mail.bodyText.includes(EXAM.title)) {
      expect(html).toContain('Configuring &lt;Windows&gt; 7 &amp; more')
    }
    // Every line of the text is read in the HTML, word for word (a fact's label and value apart).
    const read = textOf(html)
    for (const line of mail.bodyText.split('\n')) {
      if (line.trim() === '' || line === '-- ') continue
      const fact = /^ {2}(\S[^:]*?):\s+(\S.*)$/.exec(line)
      for (const words of fact ? [fact[1]!, fact[2]!] : [line])
        expect(read).toContain(words.trim().replace(/\s+/g, ' '))
    }
  })
})

/** What a person reads in an HTML part: the text between the tags, entities decoded. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
}
