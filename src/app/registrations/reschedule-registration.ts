import { releaseSeat, takeSeat } from '../../db/catalogue/seats.js'
import { updateRegistration } from '../../db/registrations/registrations.js'
import { holdWaiver, listWaiversHeldBy, releaseWaiver } from '../../db/retakes/waivers.js'
import { decideRetake } from '../../domain/decide-retake.js'
import { formatInstant, formatInZone } from '../../domain/instant.js'
import type { Actor } from '../actor.js'
import type { AppDeps } from '../app-deps.js'
import { auditAction } from '../audit-action.js'
import { getCatalogueExam } from '../catalogue/get-exam.js'
import { requireBookableSlot } from '../catalogue/require-bookable-slot.js'
import { AppError } from '../errors.js'
import { hashRequest, type IdempotencyKey, type Idempotent } from '../idempotent.js'
import { loadRetakeFacts } from '../retakes/load-retake-facts.js'
import { refuseRetake } from '../retakes/refuse-retake.js'
import { runCommand } from '../run-command.js'
import { requireCodesStillApply } from '../vouchers/check-moved-codes.js'
import { requireChangeable } from './change-registration.js'
import { actedAt, notifyAppointment } from './notify-appointment.js'
import {
  loadRegistrationMoney,
  type RegistrationView,
  toRegistrationView,
} from './registration-view.js'
import { requireDeadlinesAcknowledged } from './require-deadlines-acknowledged.js'

/**
 * Moves a booked registration to another slot inside the provider's window:
 * the retake policy judged again for the new instant, the new seat taken and
 * the old one given back in the same transaction. A new slot whose own change
 * deadlines have passed needs `acknowledgeDeadlines`, as at booking.
 */
export async function rescheduleRegistration(
  deps: AppDeps,
  input: {
    readonly registrationId: string
    readonly slotId: string
    readonly acknowledgeDeadlines?: boolean
  },
  actor: Actor,
  idempotency: IdempotencyKey | null,
): Promise<Idempotent<RegistrationView>> {
  const now = deps.clock.now()
  return runCommand(
    deps,
    { idempotency: { key: idempotency, requestHash: hashRequest('reschedule', input) } },
    async (trx, command) => {
      const {
        registration,
        appointment: from,
        candidate,
      } = await requireChangeable(trx, input.registrationId, 'reschedule', actor.principal, now)
      if (input.slotId === registration.slotId)
        throw new AppError('SLOT_UNCHANGED', { field: 'slotId' })
      const exam = await getCatalogueExam(command.catalogue, registration.exam)
      const to = await requireBookableSlot(trx, input.slotId, exam, now, actor.principal)
      const deadlinesPassed = requireDeadlinesAcknowledged(
        to,
        now,
        input.acknowledgeDeadlines === true,
      )

      // The exception this booking holds is still its own to use.
      const { policies, facts } = await loadRetakeFacts(trx, command.catalogue, candidate, exam)
      const held = await listWaiversHeldBy(trx, registration.id)
      const decision = decideRetake(
        policies,
        { ...facts, waivers: [...held, ...facts.waivers] },
        exam,
        to.slot.startsAt,
      )
      if (!decision.eligible) throw refuseRetake(decision)
      await requireCodesStillApply(
        trx,
        registration.id,
        to.provider.id,
        to.slot.startsAt,
        candidate.timeZone,
      )

      if (
        !(await updateRegistration(
          trx,
          registration.id,
          registration.version,
          { slotId: to.slot.id, providerId: to.provider.id, waiverId: decision.waiverId },
          now,
        ))
      ) {
        throw new AppError('REGISTRATION_CHANGED', { field: 'id', registrationId: registration.id })
      }
      if (!(await takeSeat(trx, to.slot.id))) {
        throw new AppError('SEAT_UNAVAILABLE', {
          field: 'slotId',
          slotId: to.slot.id,
          startsAtLocal: formatInZone(to.slot.startsAt, to.centre.timeZone),
        })
      }
      await releaseSeat(trx, from.slot.id)
      // The exception the booking holds follows what the new slot needs: kept, swapped, or given back.
      if (decision.waiverId !== registration.waiverId) {
        if (registration.waiverId !== null)
          await releaseWaiver(trx, registration.waiverId, registration.id)
        if (
          decision.waiverId !== null &&
          !(await holdWaiver(trx, decision.waiverId, registration.id))
        ) {
          throw new AppError('REGISTRATION_CHANGED', {
            field: 'slotId',
            registrationId: registration.id,
          })
        }
      }
      await auditAction(trx, actor, now, {
        candidateId: registration.candidateId,
        subjectType: 'registration',
        subjectId: registration.id,
        action: 'rescheduled',
        detail: {
          fromSlotId: from.slot.id,
          fromStartsAt: formatInstant(from.slot.startsAt),
          toSlotId: to.slot.id,
          toStartsAt: formatInstant(to.slot.startsAt),
          provider: to.provider.id,
          ...(deadlinesPassed.length > 0 ? { acknowledgedDeadlinesPassed: deadlinesPassed } : {}),
        },
      })
      const view = toRegistrationView(
        {
          ...registration,
          slotId: to.slot.id,
          providerId: to.provider.id,
          waiverId: decision.waiverId,
          version: registration.version + 1,
          updatedAt: now,
        },
        exam.title,
        to,
        await loadRegistrationMoney(trx, registration.id),
      )
      await notifyAppointment(trx, deps.mail, {
        kind: 'registration-rescheduled',
        view,
        candidate,
        acted: actedAt(actor, now),
        previousStartsAt: from.slot.startsAt,
        now,
      })
      return view
    },
  )
}
