import type { Instant } from '../domain/instant.js'
import { type ComposedMail, finishMail } from './composed-mail.js'
import { describeDeadline } from './describe-deadline.js'
import { formatMailTime } from './format-mail-time.js'
import { formatPlace } from './format-place.js'
import type { MailSettings } from './mail-settings.js'
import { computePortalPageUrl } from './portal-page.js'

/** Everything a reminder says; plain values. */
export interface ReminderMailInput {
  readonly registrationId: string
  readonly candidate: {
    readonly firstName: string
    readonly lastName: string
    readonly timeZone: string
  }
  readonly exam: { readonly number: string; readonly title: string }
  readonly providerName: string
  readonly centre: {
    readonly name: string
    readonly address: string
    readonly city: string
    readonly country: string
    readonly timeZone: string
  }
  readonly startsAt: Instant
  /** The last instants the provider accepts a reschedule and a cancellation. */
  readonly changeDeadlines: { readonly reschedule: Instant; readonly cancel: Instant }
  readonly now: Instant
}

/**
 * The reminder some days before an appointment: when, on the centre's
 * clock with its zone named (and on the candidate's when that differs),
 * where, what to bring, and until when it can still be rescheduled or
 * cancelled, or that it no longer can.
 */
export function composeReminderMail(
  input: ReminderMailInput,
  settings: Pick<
    MailSettings,
    'help' | 'helpContact' | 'bookingPlace' | 'bringToExam' | 'publicUrl'
  >,
): ComposedMail {
  const { candidate, exam, centre, changeDeadlines, now } = input
  const when = formatMailTime(input.startsAt, centre.timeZone)
  const lines = [
    `Hello ${candidate.firstName} ${candidate.lastName},`,
    '',
    `A reminder of your exam ${exam.number}.`,
    '',
    `  Exam:          ${exam.number} ${exam.title}`,
    `  When:          ${when}, centre time`,
    ...(candidate.timeZone === centre.timeZone
      ? []
      : [
          `                 that is ${formatMailTime(input.startsAt, candidate.timeZone)}, your time`,
        ]),
    `  Where:         ${formatPlace(centre).join(', ')}`,
    `  Provider:      ${input.providerName}`,
    `  Registration:  ${input.registrationId}`,
    '',
    'What to bring',
    `  ${settings.bringToExam}`,
    '',
    'Changes',
    `  ${describeDeadline('Reschedule', changeDeadlines.reschedule, now, candidate.timeZone)}`,
    `  ${describeDeadline('Cancel', changeDeadlines.cancel, now, candidate.timeZone)}`,
  ]
  if (changeDeadlines.reschedule >= now || changeDeadlines.cancel >= now) {
    lines.push(
      `  To change it: at ${settings.bookingPlace}, or through support (${settings.helpContact}).`,
    )
  }
  lines.push(
    '',
    `See it online: ${computePortalPageUrl(settings.publicUrl(), { page: 'registration', registrationId: input.registrationId })}`,
    '',
    '-- ',
    settings.help,
    '',
  )
  return finishMail(`Reminder: ${exam.number} on ${when}`, lines.join('\n'))
}
