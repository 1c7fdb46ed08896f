import { findExam } from '../db/exams.js'
import { updateRegistration } from '../db/registrations.js'
import { formatInstant } from '../domain/instant.js'
import type { Actor } from './actor.js'
import { auditAction } from './audit-action.js'
import { requireChangeable } from './change-registration.js'
import { AppError } from './errors.js'
import { giveBackHeld } from './give-back-held.js'
import { hashRequest, type IdempotencyKey, type Idempotent, runIdempotent } from './idempotent.js'
import { notifyAppointment } from './notify-appointment.js'
import type { RegisterDeps } from './register.js'
import { type RegistrationView, toRegistrationView } from './registration-view.js'

/**
 * Cancels a booked registration inside the provider's window: the seat goes
 * back, an approved exception it held is freed, the candidate is told.
 */
export async function cancelRegistration(
  deps: RegisterDeps,
  registrationId: string,
  actor: Actor,
  idempotency: IdempotencyKey | null,
): Promise<Idempotent<RegistrationView>> {
  const now = deps.clock.now()
  return runIdempotent(
    deps.db,
    idempotency,
    hashRequest('cancel', { registrationId }),
    now,
    async (trx) => {
      const { registration, appointment, candidate } = await requireChangeable(
        trx,
        registrationId,
        'cancel',
        now,
      )
      // The registration row first: of two changes racing, the second stops here.
      if (
        !(await updateRegistration(
          trx,
          registration.id,
          registration.version,
          { status: 'cancelled' },
          now,
        ))
      ) {
        throw new AppError('REGISTRATION_CHANGED', { field: 'id', registrationId })
      }
      const { codesReturned } = await giveBackHeld(
        trx,
        registration,
        appointment.slot.id,
        actor,
        now,
      )
      await auditAction(trx, actor, now, {
        candidateId: registration.candidateId,
        subjectType: 'registration',
        subjectId: registration.id,
        action: 'cancelled',
        detail: {
          slotId: appointment.slot.id,
          startsAt: formatInstant(appointment.slot.startsAt),
          waiverReleased: registration.waiverId,
          codesReturned,
        },
      })
      const exam = await findExam(trx, registration.exam)
      const view = toRegistrationView(
        { ...registration, status: 'cancelled', version: registration.version + 1, updatedAt: now },
        exam?.title ?? registration.exam,
        appointment,
      )
      await notifyAppointment(
        trx,
        deps.mail,
        'registration-cancelled',
        view,
        candidate,
        actor,
        null,
        now,
      )
      return view
    },
  )
}
