import { join } from 'node:path'
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
  type AppointmentMailKind,
  composeAppointmentMail,
} from '../../src/mail/compose-appointment-mail.js'
import { composeBetaResultMail } from '../../src/mail/compose-beta-result-mail.js'
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
import { computePortalPageUrl, type PortalPage } from '../../src/mail/portal-page.js'
import { FACTORY_EPOCH } from '../factories/catalogue.js'
import { TEST_MAIL_SETTINGS as SETTINGS } from '../factories/mail.js'
import { findOutboxKinds } from '../support/outbox-kinds.js'

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
const REGISTRATION = 'K7QX-M2PD-9TRW'
const REQUEST = 'EXC-1'
const PUBLIC_URL = SETTINGS.publicUrl()

/**
 * Mail that is about no page of the portal, and why. Every other kind the
 * outbox sends goes to a candidate and must link to its page.
 */
const NOT_ABOUT_A_PAGE: Readonly<Record<string, string>> = {
  'sign-in': 'it is the way in: its link signs in (test/api/sign-in.test.ts)',
  'email-change': 'its link confirms the new address (test/api/email-change.test.ts)',
  'email-change-in-use': 'it goes to an address that has its own account, to nobody signed in',
  'passkey-added': 'it goes to staff too, about their sign-in (test/api/passkeys.test.ts)',
  'passkey-removed': 'as passkey-added',
  'identity-linked': 'as passkey-added',
  'identity-unlinked': 'as passkey-added',
  'email-changed': 'it goes to the old address, which the account no longer has',
  'sign-in-refused':
    'it tells a disabled staff account why it cannot sign in; no page would open for it (test/api/staff-account-disable.test.ts)',
}

/** A mail as the tests below read it: its outbox kind, the mail, and the portal page it is about. */
interface SampleMail {
  readonly kind: string
  readonly mail: ComposedMail
  readonly page: PortalPage
}

/** One of each mail examdesk sends to a candidate (of a kind in some variants), composed as its use case composes it. */
function everyMail(): readonly (readonly [string, SampleMail])[] {
  const appointment = (kind: AppointmentMailKind) =>
    composeAppointmentMail({
      kind,
      registrationId: REGISTRATION,
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
      publicUrl: PUBLIC_URL,
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
      publicUrl: PUBLIC_URL,
    })
  const exception = (kind: ExceptionMailKind) =>
    composeExceptionMail({
      kind,
      request: {
        id: REQUEST,
        registrationId: REGISTRATION,
        providerCaseNumber: 'CASE <42>',
        reason: 'lab-crash',
        requestedAt: FACTORY_EPOCH,
      },
      candidate: CANDIDATE,
      exam: EXAM,
      onBehalf: { role: 'support', channel: 'phone' },
      review: { note: 'Lab log shows the crash & restart.', waivesWait: true, waivesLimit: false },
      help: SETTINGS.help,
      publicUrl: PUBLIC_URL,
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
      SETTINGS,
    )
  const hold = (ending: 'expired' | 'released') =>
    composeHoldEndedMail(
      {
        ending,
        candidate: CANDIDATE,
        registrationId: REGISTRATION,
        exam: EXAM,
        centre: CENTRE,
        startsAt: STARTS,
        holdExpiresAt: FACTORY_EPOCH,
        reason: 'Paid <twice> by mistake',
        codesReturned: ['N95RXK-VNF7BN-8VUGYP'],
        now: FACTORY_EPOCH,
      },
      SETTINGS,
    )
  const booking: PortalPage = { page: 'registration', registrationId: REGISTRATION }
  const codes: PortalPage = { page: 'codes' }
  const request: PortalPage = { page: 'exception-request', requestId: REQUEST }
  const home: PortalPage = { page: 'home' }
  const sample = (kind: string, mail: ComposedMail, page: PortalPage) => ({ kind, mail, page })
  return [
    [
      'registration-confirmed',
      sample('registration-confirmed', appointment('registration-confirmed'), booking),
    ],
    [
      'registration-rescheduled',
      sample('registration-rescheduled', appointment('registration-rescheduled'), booking),
    ],
    [
      'registration-cancelled',
      sample('registration-cancelled', appointment('registration-cancelled'), booking),
    ],
    [
      'voucher-issued (free retake, after-pass discount)',
      sample('voucher-issued', voucher(), codes),
    ],
    ['voucher-issued (exam pack)', sample('voucher-issued', voucher(SECOND_SHOT_PACK), codes)],
    ['voucher-issued (percent off)', sample('voucher-issued', voucher(STUDY_BOOK_DISCOUNT), codes)],
    [
      'voucher-issued (beta reward)',
      sample('voucher-issued', voucher(BETA_REWARD, '071-621'), codes),
    ],
    [
      'wave-invitation',
      sample(
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
          publicUrl: PUBLIC_URL,
        }),
        { page: 'invitations' },
      ),
    ],
    ['beta-result-due', sample('beta-result-due', betaResult('beta-result-due'), home)],
    [
      'beta-result-released',
      sample('beta-result-released', betaResult('beta-result-released'), home),
    ],
    [
      'exception-request-received',
      sample('exception-request-received', exception('exception-request-received'), request),
    ],
    [
      'exception-request-approved',
      sample('exception-request-approved', exception('exception-request-approved'), request),
    ],
    [
      'exception-request-denied',
      sample('exception-request-denied', exception('exception-request-denied'), request),
    ],
    ['hold-expired', sample('hold-expired', hold('expired'), booking)],
    ['hold-released', sample('hold-released', hold('released'), booking)],
    [
      'free-retake-more-exams',
      sample(
        'free-retake-more-exams',
        composeFreeRetakeFollowUpMail(
          {
            candidate: CANDIDATE,
            registrationId: REGISTRATION,
            exam: EXAM,
            code: CODE,
            codeExpiresAt: SECOND_SHOT_VERSIONS[0]!.useBefore,
            offer: SECOND_SHOT_VERSIONS[0]!,
            now: SECOND_SHOT_VERSIONS[0]!.enrolment!.opensAt,
          },
          SETTINGS,
        ),
        codes,
      ),
    ],
    [
      'appointment-reminder',
      sample(
        'appointment-reminder',
        composeReminderMail(
          {
            registrationId: REGISTRATION,
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
        booking,
      ),
    ],
  ]
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

describe.each(everyMail())('the %s mail', (_, { mail, page }) => {
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

  it('leads back to its page of the portal, in the text and as a link in the HTML', async () => {
    const url = computePortalPageUrl(PUBLIC_URL, page)
    expect(addressesIn(mail.bodyText)).toContain(url)
    const parsed = await send(mail)
    expect(parsed.html as string).toContain(`<a href="${url}">${url}</a>`)
    // A plain address: an id or an exam number at most, never a code, a secret or a query.
    for (const address of addressesIn(mail.bodyText).filter((a) => a.startsWith(PUBLIC_URL))) {
      expect(address).toMatch(/^https:\/\/exams\.examdesk\.test\/[a-z-]*(\/[A-Z0-9-]+)?$/)
      expect(address).not.toContain(CODE.slice(-4))
    }
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

describe('every kind of mail the outbox sends', () => {
  it('is in the list above, with the page it leads to, unless it is about no page', () => {
    const written = findOutboxKinds(join(import.meta.dirname, '..', '..'))
    expect(written.unnamed, 'outbox kinds that are not string literals').toEqual([])
    const listed = new Set([
      ...everyMail().map(([, { kind }]) => kind),
      ...Object.keys(NOT_ABOUT_A_PAGE),
    ])
    expect(
      [...written.kinds].filter((kind) => !listed.has(kind)),
      'kinds sent but not listed',
    ).toEqual([])
    expect(
      [...listed].filter((kind) => !written.kinds.has(kind)),
      'kinds listed but never sent',
    ).toEqual([])
  })
})

/** Every web address in a text, as `renderMailHtml` finds them (trailing punctuation ends a sentence). */
function addressesIn(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s<>"']*[^\s<>"'.,;:!?)]/g)].map((match) => match[0])
}

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
