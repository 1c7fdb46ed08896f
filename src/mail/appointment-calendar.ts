import { Temporal } from 'temporal-polyfill'
import type { MailAttachment } from '../domain/outbox-mail.js'
import type { AppointmentMailInput, AppointmentMailKind } from './appointment-mail-input.js'
import { composeCalendarFile } from './calendar-file.js'
import { describeDeadline } from './describe-deadline.js'
import { formatPlace } from './format-place.js'
import { computePortalPageUrl } from './portal-page.js'

/** What the calendar file of an appointment is made from: the facts its mail keeps. */
export type AppointmentCalendarInput = Pick<
  AppointmentMailInput,
  | 'kind'
  | 'registrationId'
  | 'version'
  | 'candidate'
  | 'exam'
  | 'provider'
  | 'centre'
  | 'startsAt'
  | 'durationMinutes'
  | 'changeDeadlines'
  | 'help'
  | 'organizer'
  | 'publicUrl'
  | 'composedAt'
>

const DEFAULT_DURATION_MINUTES = 120

/**
 * The calendar file of an appointment, one for its mail and for the API
 * alike: the event on the centre's clock (with its VTIMEZONE), the exam,
 * the place, in its description the change deadlines as the mail says them
 * (on the candidate's clock, or that they have passed) and the
 * registration's page; `REQUEST` for a booking or a change, `CANCEL` with
 * `STATUS:CANCELLED` for a cancellation. One `UID` per registration and its
 * version as `SEQUENCE`, so that a calendar keeps one entry and the latest
 * of it. `attendee: false` leaves the candidate out (a provider may not
 * read their address).
 */
export function composeAppointmentCalendar(
  input: AppointmentCalendarInput,
  options: { readonly attendee?: boolean } = {},
): MailAttachment {
  const { exam, centre, candidate } = input
  const cancelled = input.kind === 'registration-cancelled'
  const page =
    input.publicUrl === undefined
      ? null
      : computePortalPageUrl(input.publicUrl, {
          page: 'registration',
          registrationId: input.registrationId,
        })
  const deadlines = !cancelled && input.changeDeadlines ? input.changeDeadlines : null
  const content = composeCalendarFile({
    method: calendarMethodOf(input.kind),
    uid: `${input.registrationId}@examdesk`,
    sequence: input.version,
    startsAt: input.startsAt,
    durationMinutes: input.durationMinutes ?? DEFAULT_DURATION_MINUTES,
    timeZone: centre.timeZone,
    summary: `Exam ${exam.number} ${exam.title}`,
    location: formatPlace(centre).join('\n'),
    description: [
      `Registration ${input.registrationId} with ${input.provider.name}.`,
      ...(cancelled ? ['This appointment is cancelled.'] : []),
      ...(deadlines === null
        ? []
        : [
            describeDeadline(
              'Reschedule',
              deadlines.reschedule,
              input.composedAt,
              candidate.timeZone,
            ),
            describeDeadline('Cancel', deadlines.cancel, input.composedAt, candidate.timeZone),
          ]),
      ...(page === null ? [] : [`See it online: ${page}`]),
      input.help,
    ].join('\n'),
    url: page,
    organizer: input.organizer,
    attendee:
      options.attendee === false
        ? null
        : { name: `${candidate.firstName} ${candidate.lastName}`, email: candidate.email },
    stampedAt: input.composedAt,
  })
  return { ...calendarAttachmentOf(input), content }
}

/**
 * The calendar file's name and media type: `examdesk-070-620-2026-04-05.ics`,
 * the exam and the appointment's date on the centre's clock, a name a
 * person recognises in a downloads folder.
 */
export function calendarAttachmentOf(
  input: Pick<AppointmentCalendarInput, 'kind' | 'exam' | 'centre' | 'startsAt'>,
): Omit<MailAttachment, 'content'> {
  const date = Temporal.Instant.fromEpochMilliseconds(input.startsAt)
    .toZonedDateTimeISO(input.centre.timeZone)
    .toPlainDate()
    .toString()
  // Only characters every file system and a quoted Content-Disposition take.
  const exam = input.exam.number.replace(/[^A-Za-z0-9-]/g, '-')
  return {
    filename: `examdesk-${exam}-${date}.ics`,
    contentType: `text/calendar; charset=utf-8; method=${calendarMethodOf(input.kind)}`,
  }
}

function calendarMethodOf(kind: AppointmentMailKind): 'CANCEL' | 'REQUEST' {
  return kind === 'registration-cancelled' ? 'CANCEL' : 'REQUEST'
}
