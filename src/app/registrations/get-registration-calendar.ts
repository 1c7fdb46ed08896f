import { findCandidate } from '../../db/candidates/candidates.js'
import { ACCESS_POLICY, decideCall } from '../../domain/access-policy.js'
import type { MailAttachment } from '../../domain/outbox-mail.js'
import type { Principal } from '../../domain/principal.js'
import { composeAppointmentCalendar } from '../../mail/appointment-calendar.js'
import type { AppDeps } from '../app-deps.js'
import { AppError } from '../errors.js'
import { computeAppointmentFacts } from './appointment-facts.js'
import { loadRegistrationView } from './registration-view.js'
import { findRegistrationFor } from './require-live-booking.js'

/**
 * A registration's calendar file, the one its mail attaches, made from the
 * same facts as it stands now: `REQUEST` while it stands (booked, or its
 * sitting reported), `CANCEL` once it is cancelled, so that a calendar
 * holding the entry removes it, as the cancellation mail's file does. One
 * still waiting for payment is not confirmed and has none yet
 * (REGISTRATION_NOT_CONFIRMED): no mail sent a file for it, and an unpaid
 * hold may release its seat within minutes. The candidate is its attendee
 * for callers who may read their record; a provider gets the event without
 * the candidate's address.
 */
export async function getRegistrationCalendar(
  deps: Pick<AppDeps, 'db' | 'clock' | 'mail'>,
  registrationId: string,
  viewer: Principal,
): Promise<MailAttachment> {
  const now = deps.clock.now()
  const registration = await findRegistrationFor(deps.db, registrationId, viewer)
  const cancelled = registration.status === 'cancelled'
  if (!cancelled && registration.paymentStatus === 'due') {
    throw new AppError('REGISTRATION_NOT_CONFIRMED', {
      field: 'id',
      registrationId: registration.id,
    })
  }
  const [view, candidate] = await Promise.all([
    loadRegistrationView(deps.db, registration),
    findCandidate(deps.db, registration.candidateId),
  ])
  if (!candidate) throw new Error(`registration ${registration.id} has no candidate`)
  const facts = computeAppointmentFacts(
    cancelled ? 'registration-cancelled' : 'registration-confirmed',
    view,
    candidate,
    deps.mail,
    now,
  )
  return composeAppointmentCalendar(facts, {
    attendee: decideCall(viewer, ACCESS_POLICY.getCandidate) === null,
  })
}
