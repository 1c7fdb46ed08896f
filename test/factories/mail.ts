import type { OutboxFacts, OutboxMessage } from '../../src/domain/outbox-mail.js'
import {
  type AppointmentMailInput,
  composeAppointmentMail,
} from '../../src/mail/compose-appointment-mail.js'
import type { MailSettings } from '../../src/mail/mail-settings.js'
import { FACTORY_EPOCH, nextId } from './catalogue.js'

/** The mail settings of mail tests: a named sender, a reply-to and a help line to look for. */
export const TEST_MAIL_SETTINGS: MailSettings = {
  from: { name: 'examdesk certification', address: 'no-reply@examdesk.test' },
  replyTo: { name: 'Candidate support', address: 'help@examdesk.test' },
  help: 'This address is not monitored. For help, write to help@examdesk.test or call +64 9 000 0000.',
  helpContact: '+64 9 000 0000 or help@examdesk.test',
  bookingPlace: 'https://exams.examdesk.test/book',
  bringToExam: 'a photo ID in the name you registered with',
  publicUrl: () => 'https://exams.examdesk.test',
}

/** An outbox message with a unique id and dedupe key, created at FACTORY_EPOCH. */
export function mailMessage(overrides: Partial<OutboxMessage> = {}): OutboxMessage {
  const id = overrides.id ?? nextId('mail')
  return {
    id,
    dedupeKey: `test:${id}`,
    kind: 'test',
    candidateId: null,
    recipient: `${id}@example.test`,
    subject: `Subject of ${id}`,
    bodyText: `Body of ${id}.\n\n-- \n${TEST_MAIL_SETTINGS.help}\n`,
    bodyHtml: `<p>Body of ${id}.</p>`,
    attachments: [],
    createdAt: FACTORY_EPOCH,
    ...overrides,
  }
}

/**
 * A registration confirmation as a use case would enqueue it: Auckland
 * centre, candidate in Los Angeles, with its calendar file.
 */
export function confirmationMessage(overrides: Partial<OutboxMessage> = {}): OutboxMessage {
  const registrationId = nextId('REG').toUpperCase()
  const composed = composeAppointmentMail(confirmationFacts(registrationId))
  return mailMessage({
    kind: 'registration-confirmed',
    dedupeKey: `registration-confirmed:${registrationId}:1`,
    recipient: 'ana@example.test',
    ...composed,
    ...overrides,
  })
}

/** `confirmationMessage` as a use case enqueues it: the facts it is composed from. */
export function confirmationAsFacts(overrides: Partial<OutboxFacts> = {}): OutboxFacts & {
  readonly facts: AppointmentMailInput
} {
  const registrationId = nextId('REG').toUpperCase()
  const id = overrides.id ?? nextId('mail')
  return {
    id,
    dedupeKey: `registration-confirmed:${registrationId}:1`,
    kind: 'registration-confirmed',
    candidateId: null,
    recipient: 'ana@example.test',
    createdAt: FACTORY_EPOCH,
    ...overrides,
    facts: confirmationFacts(registrationId),
  }
}

function confirmationFacts(registrationId: string): AppointmentMailInput {
  return anasAucklandAppointment({
    registrationId,
    changeDeadlines: {
      reschedule: Date.UTC(2026, 3, 3, 20, 30),
      cancel: Date.UTC(2026, 3, 3, 20, 30),
    },
    help: TEST_MAIL_SETTINGS.help,
    organizer: TEST_MAIL_SETTINGS.from,
    composedAt: FACTORY_EPOCH,
  })
}

/**
 * Ana (in Los Angeles) booked 070-620 at Pearson VUE's Auckland centre for
 * Sunday 5 April 2026, 08:30 there: the first morning after NZDT ends, and
 * still Saturday 4 April in UTC and in Los Angeles.
 */
export function anasAucklandAppointment(
  overrides: Partial<AppointmentMailInput> = {},
): AppointmentMailInput {
  return {
    kind: 'registration-confirmed',
    registrationId: 'K7QX-M2PD-9TRW',
    version: 1,
    candidate: {
      id: 'cand-ana',
      firstName: 'Ana',
      lastName: 'Silva',
      email: 'ana@example.test',
      timeZone: 'America/Los_Angeles',
    },
    exam: { number: '070-620', title: 'Configuring Windows 7' },
    provider: { id: 'pearson-vue', name: 'Pearson VUE' },
    centre: {
      name: 'Auckland CBD Testing',
      address: '1 Queen Street',
      city: 'Auckland',
      country: 'NZ',
      timeZone: 'Pacific/Auckland',
    },
    startsAt: Date.UTC(2026, 3, 4, 20, 30),
    changeDeadlines: {
      reschedule: Date.UTC(2026, 3, 3, 20, 30),
      cancel: Date.UTC(2026, 3, 2, 20, 30),
    },
    help: 'This address is not monitored. For help, write to help@example.test.',
    organizer: { name: 'examdesk', address: 'no-reply@examdesk.test' },
    composedAt: Date.UTC(2026, 2, 15, 12, 0),
    ...overrides,
  }
}
