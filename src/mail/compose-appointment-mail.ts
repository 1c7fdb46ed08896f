import type { MailAttachment } from '../domain/outbox-mail.js'
import { calendarAttachmentOf, composeAppointmentCalendar } from './appointment-calendar.js'
import type { AppointmentMailInput, AppointmentMailKind } from './appointment-mail-input.js'
import { type ComposedMail, finishMail } from './composed-mail.js'
import { asSentence, describeActedFor } from './describe-acted-for.js'
import { describeCancellation } from './describe-cancellation.js'
import { describeDeadline } from './describe-deadline.js'
import { formatMailTime } from './format-mail-time.js'
import { formatPlace } from './format-place.js'
import { computePortalPageUrl } from './portal-page.js'

export type { AppointmentMailInput, AppointmentMailKind } from './appointment-mail-input.js'

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
 * deadlines, who acted if not the candidate, the registration's page,
 * where to get help, and a calendar file (REQUEST, or CANCEL) that adds,
 * moves or removes the entry: `composeAppointmentCalendar`, whose file the
 * API answers for the registration too.
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
  const { filename: calendarName } = calendarAttachmentOf(input)

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

  return finishMail(subjectOf(input.kind, exam.number, when), lines.join('\n'), [
    composeAppointmentCalendar(input),
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

/** True for the kinds `composeAppointmentMail` writes. */
export function isAppointmentMailKind(kind: string): kind is AppointmentMailKind {
  return (
    kind === 'registration-confirmed' ||
    kind === 'registration-rescheduled' ||
    kind === 'registration-cancelled'
  )
}
