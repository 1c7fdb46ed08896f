import type { Instant } from '../domain/instant.js'
import type { MailAttachment } from '../domain/outbox-mail.js'
import { composeCalendarFile } from './calendar-file.js'
import { type ComposedMail, finishMail } from './composed-mail.js'
import { type ActedForFacts, asSentence, describeActedFor } from './describe-acted-for.js'
import { type CancellationMailFacts, describeCancellation } from './describe-cancellation.js'
import { describeDeadline } from './describe-deadline.js'
import { formatMailTime } from './format-mail-time.js'
import { formatPlace } from './format-place.js'
import type { MailAddress } from './mail-settings.js'
import { computePortalPageUrl } from './portal-page.js'

export type AppointmentMailKind =
  | 'registration-confirmed'
  | 'registration-rescheduled'
  | 'registration-cancelled'

/**
 * Everything an appointment mail says; plain JSON values, so that the outbox
 * keeps them as the mail's facts and the mail is composed from them when it
 * is read or sent (the same text every time).
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

const DEFAULT_DURATION_MINUTES = 120

const VERBS: Readonly<Record<AppointmentMailKind, string>> = {
  'registration-confirmed': 'registered',
  'registration-rescheduled': 'rescheduled',
  'registration-cancelled': 'cancelled',
}

/**
 * The dedupe key of an appointment mail: one mail per registration, kind and
 * version, so a retried use case sends it once and every change sends anew.
 */
export function computeAppointmentDedupeKey(
  kind: AppointmentMailKind,
  registrationId: string,
  version: number,
): string {
  return `${kind}:${registrationId}:${version}`
}

/**
 * The confirmation, reschedule or cancellation mail of a registration: the
 * time on the centre's clock with its zone named (and on the candidate's
 * when that zone differs), the place, the registration id, the change
 * deadlines, who acted if not the candidate, where to get help, and a
 * calendar file (REQUEST, or CANCEL) that adds, moves or removes the entry.
 */
export function composeAppointmentMail(input: AppointmentMailInput): ComposedMail {
  const { exam, centre, candidate } = input
  const when = formatMailTime(input.startsAt, centre.timeZone)
  const examName = `${exam.number} ${exam.title}`
  const cancelled = input.kind === 'registration-cancelled'
  const openings: Record<AppointmentMailKind, string> = {
    'registration-confirmed': 'Your exam is booked.',
    'registration-rescheduled': 'Your exam has a new time.',
    'registration-cancelled': 'Your exam registration is cancelled; the seat is released.',
  }
  const location = formatPlace(centre)
  const { filename: calendarName, contentType: calendarType } = calendarAttachmentOf(input)

  const lines = [
    `Hello ${candidate.firstName} ${candidate.lastName},`,
    '',
    openings[input.kind],
    '',
  ]
  lines.push(`  Exam:          ${examName}`)
  lines.push(`  ${cancelled ? 'Was on:' : 'When:  '}        ${when}, centre time`)
  if (candidate.timeZone !== centre.timeZone) {
    lines.push(
      `                 that is ${formatMailTime(input.startsAt, candidate.timeZone)}, your time`,
    )
  }
  if (input.previousStartsAt != null) {
    lines.push(`  Before:        ${formatMailTime(input.previousStartsAt, centre.timeZone)}`)
  }
  lines.push(`  Where:         ${location.join(', ')}`)
  lines.push(`  Provider:      ${input.provider.name}`)
  lines.push(`  Registration:  ${input.registrationId}`)
  lines.push('')

  const acted =
    input.onBehalf &&
    describeActedFor(VERBS[input.kind], input.onBehalf, input.composedAt, candidate.timeZone)
  if (acted) {
    lines.push(
      asSentence(acted, 'This was '),
      'If you did not ask for it, contact us (see below).',
      '',
    )
  }

  if (input.cancellation)
    lines.push(...describeCancellation(input.cancellation, candidate.timeZone), '')

  if (!cancelled && input.changeDeadlines) {
    lines.push(
      'Changes',
      `  ${describeDeadline('Reschedule', input.changeDeadlines.reschedule, input.composedAt, candidate.timeZone)}`,
      `  ${describeDeadline('Cancel', input.changeDeadlines.cancel, input.composedAt, candidate.timeZone)}`,
      '',
    )
  }

  if (input.publicUrl !== undefined) {
    const page = computePortalPageUrl(input.publicUrl, {
      page: 'registration',
      registrationId: input.registrationId,
    })
    lines.push(
      cancelled ? `See it online: ${page}` : `See it, reschedule or cancel it online: ${page}`,
      '',
    )
  }

  lines.push(
    cancelled
      ? `The attached calendar file (${calendarName}) removes the appointment from your calendar.`
      : `The attached calendar file (${calendarName}) adds the appointment to your calendar, on the centre's time.`,
    '',
    '-- ',
    input.help,
    '',
  )

  const calendar = composeCalendarFile({
    method: calendarMethodOf(input.kind),
    uid: `${input.registrationId}@examdesk`,
    sequence: input.version,
    startsAt: input.startsAt,
    durationMinutes: input.durationMinutes ?? DEFAULT_DURATION_MINUTES,
    timeZone: centre.timeZone,
    summary: `Exam ${examName}`,
    location: location.join('\n'),
    description: [
      `Registration ${input.registrationId} with ${input.provider.name}.`,
      ...(cancelled ? ['This appointment is cancelled.'] : []),
      input.help,
    ].join('\n'),
    organizer: input.organizer,
    attendee: { name: `${candidate.firstName} ${candidate.lastName}`, email: candidate.email },
    stampedAt: input.composedAt,
  })

  return finishMail(subjectOf(input.kind, exam.number, when), lines.join('\n'), [
    { filename: calendarName, contentType: calendarType, content: calendar },
  ])
}

/**
 * What a list of mail shows of an appointment mail (its subject, its
 * attachment by name), without composing the text and the calendar file.
 */
export function summarizeAppointmentMail(input: AppointmentMailInput): {
  readonly subject: string
  readonly attachments: readonly Omit<MailAttachment, 'content'>[]
} {
  const when = formatMailTime(input.startsAt, input.centre.timeZone)
  return {
    subject: subjectOf(input.kind, input.exam.number, when),
    attachments: [calendarAttachmentOf(input)],
  }
}

function subjectOf(kind: AppointmentMailKind, exam: string, when: string): string {
  switch (kind) {
    case 'registration-confirmed':
      return `Exam booked: ${exam} on ${when}`
    case 'registration-rescheduled':
      return `Exam moved: ${exam} now on ${when}`
    case 'registration-cancelled':
      return `Exam cancelled: ${exam} on ${when}`
  }
}

function calendarAttachmentOf(input: AppointmentMailInput): Omit<MailAttachment, 'content'> {
  const method = calendarMethodOf(input.kind)
  return {
    filename: `examdesk-${input.registrationId}.ics`,
    contentType: `text/calendar; charset=utf-8; method=${method}`,
  }
}

function calendarMethodOf(kind: AppointmentMailKind): 'CANCEL' | 'REQUEST' {
  return kind === 'registration-cancelled' ? 'CANCEL' : 'REQUEST'
}

/** True for the kinds `composeAppointmentMail` writes. */
export function isAppointmentMailKind(kind: string): kind is AppointmentMailKind {
  return (
    kind === 'registration-confirmed' ||
    kind === 'registration-rescheduled' ||
    kind === 'registration-cancelled'
  )
}
