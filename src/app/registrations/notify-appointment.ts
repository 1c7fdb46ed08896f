import type { Transaction } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { DB } from '../../db/engine/schema.js'
import { enqueueMail } from '../../db/mail/outbox.js'
import { type ActedBy, isOnBehalf } from '../../domain/acted-by.js'
import type { Candidate } from '../../domain/candidate.js'
import type { Instant } from '../../domain/instant.js'
import {
  type AppointmentMailInput,
  type AppointmentMailKind,
  computeAppointmentDedupeKey,
} from '../../mail/compose-appointment-mail.js'
import type { ActedForFacts } from '../../mail/describe-acted-for.js'
import type { CancellationMailFacts } from '../../mail/describe-cancellation.js'
import type { MailSettings } from '../../mail/mail-settings.js'
import { followUpFreeRetake } from '../vouchers/follow-up-free-retake.js'
import { computeAppointmentFacts } from './appointment-facts.js'
import type { RegistrationView } from './registration-view.js'

/** Who made the change a mail reports (by name, with the reason staff gave), by what channel, and when. */
export interface ActedAt {
  readonly role: string
  readonly channel: string
  readonly at: Instant
  readonly displayName: string | null
  readonly tokenLabel: string | null
  readonly providerId: string | null
  readonly reason: string | null
}

/** `actor` acting at `at`: the usual case, the change's maker at the change's time. */
export function actedAt(actor: ActedBy, at: Instant): ActedAt {
  return {
    role: actor.role,
    channel: actor.channel,
    at,
    displayName: actor.displayName,
    tokenLabel: actor.tokenLabel,
    providerId: actor.providerId,
    reason: actor.reason,
  }
}

/**
 * Who booked a registration, as its confirmation names them: the booking,
 * not a later payment, is what was done for the candidate.
 */
export function bookedByOf(view: RegistrationView): ActedAt {
  const { bookedBy } = view
  return {
    role: bookedBy.role,
    channel: bookedBy.channel ?? view.channel,
    at: bookedBy.at ?? view.createdAt,
    displayName: bookedBy.displayName ?? null,
    tokenLabel: bookedBy.tokenLabel ?? null,
    providerId: bookedBy.providerId ?? null,
    reason: bookedBy.reason ?? null,
  }
}

/**
 * What the mail says of who acted: the person or token by name and the
 * reason for staff, the provider by its name for a provider's token (the
 * registration's provider, which is the one a bound token acts for).
 */
function actedForFacts(acted: ActedAt, view: RegistrationView): ActedForFacts | null {
  if (acted.role === 'provider') {
    const providerName =
      acted.providerId === null || acted.providerId === view.provider.id
        ? view.provider.name
        : acted.providerId
    return { role: acted.role, channel: acted.channel, at: acted.at, providerName }
  }
  if (!isOnBehalf(acted.role)) return null
  return {
    role: acted.role,
    channel: acted.channel,
    at: acted.at,
    displayName: acted.displayName,
    tokenLabel: acted.tokenLabel,
    reason: acted.reason,
  }
}

/** A change to tell the candidate about, and who made it. */
export interface AppointmentNotice {
  readonly kind: AppointmentMailKind
  readonly view: RegistrationView
  readonly candidate: Candidate
  /** Who made the change the mail is about (for a confirmation: who booked). */
  readonly acted: ActedAt
  /** For a reschedule: where the appointment was before. */
  readonly previousStartsAt?: Instant | null
  /** For a cancellation: what happens to the money and the codes. */
  readonly cancellation?: CancellationMailFacts | null
  /** The change's instant. */
  readonly now: Instant
}

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
  notice: AppointmentNotice,
): Promise<void> {
  const { kind, view, candidate, acted, now } = notice
  const previousStartsAt = notice.previousStartsAt ?? null
  const cancellation = notice.cancellation ?? null
  const facts: AppointmentMailInput = {
    ...computeAppointmentFacts(kind, view, candidate, mail, now),
    // Whoever acted for the candidate is named, so nothing happens to a booking unseen.
    onBehalf: actedForFacts(acted, view),
    previousStartsAt,
    ...(cancellation === null ? {} : { cancellation }),
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
