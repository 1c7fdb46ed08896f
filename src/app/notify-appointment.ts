import type { Transaction } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { Candidate } from '../db/candidates.js'
import { enqueueMail } from '../db/outbox.js'
import type { DB } from '../db/schema.js'
import type { Instant } from '../domain/instant.js'
import {
  type AppointmentMailInput,
  type AppointmentMailKind,
  computeAppointmentDedupeKey,
} from '../mail/compose-appointment-mail.js'
import type { MailSettings } from '../mail/mail-settings.js'
import { type Actor, isOnBehalf } from './actor.js'
import { followUpFreeRetake } from './follow-up-free-retake.js'
import type { RegistrationView } from './registration-view.js'

/**
 * Writes the mail about a registration change into the outbox, inside the
 * change's own transaction: the mail exists exactly when the change does.
 * One mail per registration version, so a retried use case sends it once.
 * The outbox keeps the mail's facts, not its text: composing the text and
 * the calendar file is the outbox worker's work when it sends it (and the
 * admin view's when it shows it), not the transaction's. A confirmation
 * whose first attempt uses a free-retake code is followed by the mail on
 * how to have the offer on more exams.
 */
export async function notifyAppointment(
  trx: Transaction<DB>,
  mail: MailSettings,
  kind: AppointmentMailKind,
  view: RegistrationView,
  candidate: Candidate,
  actor: Actor,
  previousStartsAt: Instant | null,
  now: Instant,
): Promise<void> {
  const facts: AppointmentMailInput = {
    kind,
    registrationId: view.id,
    version: view.version,
    // Only what the mail says: the facts are stored with it.
    candidate: {
      id: candidate.id,
      firstName: candidate.firstName,
      lastName: candidate.lastName,
      email: candidate.email,
      timeZone: candidate.timeZone,
    },
    exam: { number: view.exam.number, title: view.exam.title },
    provider: { id: view.provider.id, name: view.provider.name },
    centre: {
      name: view.centre.name,
      address: view.centre.address,
      city: view.centre.city,
      country: view.centre.country,
      timeZone: view.centre.timeZone,
    },
    startsAt: view.startsAt,
    // Whoever acted for the candidate this time is named, so nothing happens to a booking unseen.
    onBehalf: isOnBehalf(actor.role) ? { role: actor.role, channel: actor.channel } : null,
    previousStartsAt,
    changeDeadlines: kind === 'registration-cancelled' ? null : view.changeDeadlines,
    help: mail.help,
    organizer: mail.from,
    composedAt: now,
  }
  await enqueueMail(trx, {
    id: uuidv7(),
    dedupeKey: computeAppointmentDedupeKey(kind, view.id, view.version),
    kind,
    candidateId: candidate.id,
    recipient: candidate.email,
    facts,
    createdAt: now,
  })
  if (kind === 'registration-confirmed') await followUpFreeRetake(trx, mail, view, candidate, now)
}
