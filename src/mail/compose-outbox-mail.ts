import type { MailSummary, StoredMail } from '../domain/outbox-mail.js'
import {
  type AppointmentMailInput,
  composeAppointmentMail,
  isAppointmentMailKind,
  summarizeAppointmentMail,
} from './compose-appointment-mail.js'

/**
 * A mail of the outbox with its content: one stored as facts (`enqueueMail`
 * with `OutboxFacts`) is composed from them, the same way each time, so a
 * resend carries the same text; one stored as text is returned as it is.
 * Throws when the facts are of a kind no composer writes.
 */
export function composeOutboxMail(mail: StoredMail): StoredMail {
  if (mail.facts === undefined) return mail
  const { facts, ...rest } = mail
  return { ...rest, ...composeAppointmentMail(appointmentFacts(mail.kind, facts)) }
}

/**
 * `composeOutboxMail` for a list: the subject and the attachments by name.
 * Facts no composer reads (the worker fails such a mail, saying why in
 * `lastError`) show as stored, empty, rather than failing the whole list.
 */
export function summarizeOutboxMail(mail: MailSummary): MailSummary {
  if (mail.facts === undefined) return mail
  const { facts, ...rest } = mail
  try {
    return { ...rest, ...summarizeAppointmentMail(appointmentFacts(mail.kind, facts)) }
  } catch {
    return rest
  }
}

function appointmentFacts(kind: string, facts: unknown): AppointmentMailInput {
  const input = facts as AppointmentMailInput | null
  if (!isAppointmentMailKind(kind) || input?.kind !== kind) {
    throw new Error(`No mail composer for facts of kind "${kind}"`)
  }
  return input
}
