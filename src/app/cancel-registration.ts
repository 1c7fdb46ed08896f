import {
  findBetaRegistration,
  forgetBetaRegistration,
  releaseBetaSeat,
} from '../db/beta-programmes.js'
import { findExam } from '../db/exams.js'
import { updateRegistration } from '../db/registrations.js'
import { releaseSeat } from '../db/seats.js'
import { releaseWaiver } from '../db/waivers.js'
import { formatInstant } from '../domain/instant.js'
import { givesBetaRegistrationBack, isUnpaidHold } from '../domain/unpaid-hold.js'
import type { Actor } from './actor.js'
import { auditAction } from './audit-action.js'
import { requireChangeable } from './change-registration.js'
import { AppError } from './errors.js'
import { hashRequest, type IdempotencyKey, type Idempotent, runIdempotent } from './idempotent.js'
import { notifyAppointment } from './notify-appointment.js'
import type { RegisterDeps } from './register.js'
import { type RegistrationView, toRegistrationView } from './registration-view.js'
import { returnCodes } from './return-codes.js'

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
      await releaseSeat(trx, appointment.slot.id)
      // Shared counters in the order a booking takes them (slot, code, beta seat). A hold
      // cancelled before it was paid redeemed nothing: its codes come back as when a hold ends.
      const codesReturned = await returnCodes(
        trx,
        registration,
        actor,
        now,
        isUnpaidHold(registration) ? 'hold-ended' : 'cancelled',
      )
      // The beta's seat goes back to the programme; the candidate's one beta registration stays
      // spent, unless it was never paid.
      // (only a booking the programme counted: one made before the programme took no seat of it)
      const betaHolder = await findBetaRegistration(
        trx,
        registration.exam,
        registration.candidateId,
      )
      if (betaHolder === registration.id) {
        await releaseBetaSeat(trx, registration.exam)
        // A hold cancelled before it was paid does not spend the candidate's one beta registration.
        if (givesBetaRegistrationBack(registration))
          await forgetBetaRegistration(
            trx,
            registration.exam,
            registration.candidateId,
            registration.id,
          )
      }
      if (registration.waiverId !== null)
        await releaseWaiver(trx, registration.waiverId, registration.id)
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
