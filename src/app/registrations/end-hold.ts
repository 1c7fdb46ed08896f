import type { Kysely } from 'kysely'
import { findCandidate } from '../../db/candidates/candidates.js'
import { findExam } from '../../db/catalogue/exams.js'
import type { DB } from '../../db/engine/schema.js'
import { updateRegistration } from '../../db/registrations/registrations.js'
import { formatInstant, type Instant } from '../../domain/instant.js'
import type { Registration } from '../../domain/registration.js'
import type { HoldEnding } from '../../domain/unpaid-hold.js'
import type { MailSettings } from '../../mail/mail-settings.js'
import type { Actor } from '../actor.js'
import { auditAction } from '../audit-action.js'
import { loadAppointment } from '../catalogue/load-appointment.js'
import { giveBackHeld } from '../vouchers/give-back-held.js'
import { enqueueHoldEndedMail } from './notify-hold-ended.js'
import { NO_MONEY, type RegistrationView, toRegistrationView } from './registration-view.js'

/**
 * Ends an unpaid hold inside the caller's transaction: the registration is
 * cancelled with how its hold ended, and everything it held comes back (the
 * seat, the beta seat and the candidate's one beta registration, an
 * approved exception, its codes' uses); the audit trail says why and the
 * candidate is mailed. The registration must be an unpaid hold at
 * `registration.version`: null when another change (a payment, say) came
 * first, and then nothing was done.
 */
export async function endHold(
  trx: Kysely<DB>,
  mail: MailSettings,
  hold: {
    readonly registration: Registration
    readonly ending: HoldEnding
    readonly reason: string | null
    readonly actor: Actor
    readonly now: Instant
  },
): Promise<RegistrationView | null> {
  const { registration, ending, reason, actor, now } = hold
  // The row first, on its version: of a payment and a release racing, exactly one changes it.
  const changed = await updateRegistration(
    trx,
    registration.id,
    registration.version,
    { status: 'cancelled', holdEnded: ending },
    now,
  )
  if (!changed) return null
  const appointment = await loadAppointment(trx, registration.slotId)
  if (!appointment) throw new Error(`Registration ${registration.id} points at a missing slot`)
  const { codesReturned, betaSeatReturned } = await giveBackHeld(
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
    action: ending === 'expired' ? 'hold-expired' : 'hold-released',
    detail: {
      reason:
        reason ?? 'The seat was held for payment and no payment came before the hold ran out.',
      holdExpiresAt:
        registration.holdExpiresAt === null ? null : formatInstant(registration.holdExpiresAt),
      slotId: appointment.slot.id,
      startsAt: formatInstant(appointment.slot.startsAt),
      betaSeatReturned,
      waiverReleased: registration.waiverId,
      codesReturned,
    },
  })
  const exam = await findExam(trx, registration.exam)
  const view = toRegistrationView(
    {
      ...registration,
      status: 'cancelled',
      holdEnded: ending,
      version: registration.version + 1,
      updatedAt: now,
    },
    exam?.title ?? registration.exam,
    appointment,
    NO_MONEY,
  )
  const candidate = await findCandidate(trx, registration.candidateId)
  if (candidate) {
    await enqueueHoldEndedMail(trx, mail, {
      ending,
      candidate,
      registrationId: registration.id,
      exam: view.exam,
      centre: appointment.centre,
      startsAt: appointment.slot.startsAt,
      holdExpiresAt: registration.holdExpiresAt,
      reason,
      codesReturned,
      now,
    })
  }
  return view
}
