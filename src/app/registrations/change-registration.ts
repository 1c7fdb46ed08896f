import type { Transaction } from 'kysely'
import type { DB } from '../../db/engine/schema.js'
import type { Appointment } from '../../domain/appointment.js'
import type { Candidate } from '../../domain/candidate.js'
import { type AppointmentChange, decideChange } from '../../domain/change-window.js'
import { formatInstant, formatInZone, type Instant } from '../../domain/instant.js'
import type { Principal } from '../../domain/principal.js'
import type { Registration } from '../../domain/registration.js'
import { getCandidate } from '../candidates/get-candidate.js'
import { loadAppointment } from '../catalogue/load-appointment.js'
import { AppError } from '../errors.js'
import { findRegistrationFor } from './require-live-booking.js'

export interface ChangeContext {
  readonly registration: Registration
  readonly appointment: Appointment
  readonly candidate: Candidate
}

/**
 * What a reschedule or a cancellation starts from: the registration, still
 * booked, and the provider's window still open at `now`. A refusal names the
 * rule and the deadline on the centre's clock.
 */
export async function requireChangeable(
  trx: Transaction<DB>,
  registrationId: string,
  change: AppointmentChange,
  caller: Principal,
  now: Instant,
): Promise<ChangeContext> {
  const registration = await findRegistrationFor(trx, registrationId, caller)
  if (registration.status !== 'booked') {
    throw new AppError('REGISTRATION_NOT_ACTIVE', {
      field: 'id',
      registrationId,
      registrationStatus: registration.status,
    })
  }
  const appointment = await loadAppointment(trx, registration.slotId)
  if (!appointment) throw new Error(`Registration ${registration.id} points at a missing slot`)
  const window = decideChange(appointment.provider, change, appointment.slot.startsAt, now)
  if (!window.allowed) {
    throw new AppError('CHANGE_WINDOW_CLOSED', {
      field: 'id',
      provider: appointment.provider.name,
      change,
      cutoffHours: window.cutoffHours,
      deadline: formatInstant(window.deadline),
      deadlineLocal: formatInZone(window.deadline, appointment.centre.timeZone),
    })
  }
  const candidate = await getCandidate({ db: trx }, registration.candidateId)
  return { registration, appointment, candidate }
}
