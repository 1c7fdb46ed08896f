import type { Candidate } from '../../domain/candidate.js'
import type { Instant } from '../../domain/instant.js'
import type {
  AppointmentMailInput,
  AppointmentMailKind,
} from '../../mail/appointment-mail-input.js'
import type { MailSettings } from '../../mail/mail-settings.js'
import type { RegistrationView } from './registration-view.js'

/**
 * What an appointment mail and its calendar file say of a registration as
 * it stands at `now`: the mail's facts but for who acted, the time before a
 * reschedule and the money of a cancellation, which the mail adds. The API's
 * calendar file is made from the same facts, so it is the mail's file.
 */
export function computeAppointmentFacts(
  kind: AppointmentMailKind,
  view: RegistrationView,
  candidate: Candidate,
  mail: MailSettings,
  now: Instant,
): AppointmentMailInput {
  return {
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
    changeDeadlines: kind === 'registration-cancelled' ? null : view.changeDeadlines,
    help: mail.help,
    organizer: mail.from,
    publicUrl: mail.publicUrl(),
    composedAt: now,
  }
}
