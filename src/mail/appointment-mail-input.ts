import type { Instant } from '../domain/instant.js'
import type { ActedForFacts } from './describe-acted-for.js'
import type { CancellationMailFacts } from './describe-cancellation.js'
import type { MailAddress } from './mail-settings.js'

export type AppointmentMailKind =
  | 'registration-confirmed'
  | 'registration-rescheduled'
  | 'registration-cancelled'

/**
 * Everything an appointment mail says; plain JSON values, so that the outbox
 * keeps them as the mail's facts and the mail is composed from them when it
 * is read or sent (the same text every time). Its calendar file is made of
 * the same facts, and so is the file the API answers for a registration.
 */
export interface AppointmentMailInput {
  readonly kind: AppointmentMailKind
  readonly registrationId: string
  /** The registration's version after this change: the calendar entry's SEQUENCE. */
  readonly version: number
  readonly candidate: {
    readonly id: string
    readonly firstName: string
    readonly lastName: string
    readonly email: string
    readonly timeZone: string
  }
  readonly exam: { readonly number: string; readonly title: string }
  readonly provider: { readonly id: string; readonly name: string }
  readonly centre: {
    readonly name: string
    readonly address: string
    readonly city: string
    readonly country: string
    readonly timeZone: string
  }
  readonly startsAt: Instant
  /** How long the calendar entry is; 120 minutes when the exam's length is not known. */
  readonly durationMinutes?: number
  /**
   * Who acted when it was not the candidate: the mail names them (the agent
   * and their role, the channel, the reason; a provider's booking system by
   * the provider), and when (`at`; the change's own time when absent).
   */
  readonly onBehalf?: ActedForFacts | null
  /** For a reschedule, where the appointment was before. */
  readonly previousStartsAt?: Instant | null
  /** The last instants to reschedule and to cancel; not shown in a cancellation. */
  readonly changeDeadlines: { readonly reschedule: Instant; readonly cancel: Instant } | null
  /** Where to get help (`MailSettings.help`): the sender is not monitored. */
  readonly help: string
  /** The calendar entry's organizer: the mail's sender (`MailSettings.from`). */
  readonly organizer: MailAddress
  /**
   * The address people open examdesk at (`MailSettings.publicUrl`): the mail
   * links to the registration's page under it. Absent from facts stored
   * before mail carried that link: such a mail goes without it.
   */
  readonly publicUrl?: string
  /** When the change happened (the use case's `now`): DTSTAMP, and "on …" for an on-behalf change. */
  readonly composedAt: Instant
  /** For a cancellation: what happens to the money and the codes. */
  readonly cancellation?: CancellationMailFacts
}
