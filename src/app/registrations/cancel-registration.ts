import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { findExam } from '../../db/catalogue/exams.js'
import { findProvider } from '../../db/catalogue/providers.js'
import type { DB } from '../../db/engine/schema.js'
import { findPaymentOf } from '../../db/registrations/payments.js'
import { insertRefund } from '../../db/registrations/refunds.js'
import { updateRegistration } from '../../db/registrations/registrations.js'
import type { Appointment } from '../../domain/appointment.js'
import { decideCancellationRefund, FULL_REFUND } from '../../domain/cancellation-refund.js'
import { formatInstant, type Instant } from '../../domain/instant.js'
import { formatMoney } from '../../domain/money.js'
import type { Payment } from '../../domain/payment.js'
import type { Refund } from '../../domain/refund.js'
import type { Registration } from '../../domain/registration.js'
import type { Actor } from '../actor.js'
import type { AppDeps } from '../app-deps.js'
import { auditAction } from '../audit-action.js'
import { AppError } from '../errors.js'
import { hashRequest, type IdempotencyKey, type Idempotent } from '../idempotent.js'
import { runCommand } from '../run-command.js'
import { giveBackHeld } from '../vouchers/give-back-held.js'
import { requireChangeable } from './change-registration.js'
import { actedAt, notifyAppointment } from './notify-appointment.js'
import { type RegistrationView, toRegistrationView } from './registration-view.js'

/**
 * Cancels a booked registration inside the provider's window: the seat goes
 * back, an approved exception it held is freed, the money paid is refunded
 * or a fee kept under the provider's rule, and the candidate is told what
 * happens to the money and to the codes.
 */
export async function cancelRegistration(
  deps: AppDeps,
  registrationId: string,
  actor: Actor,
  idempotency: IdempotencyKey | null,
): Promise<Idempotent<RegistrationView>> {
  const now = deps.clock.now()
  return runCommand(
    deps,
    { idempotency: { key: idempotency, requestHash: hashRequest('cancel', { registrationId }) } },
    async (trx) => {
      const { registration, appointment, candidate } = await requireChangeable(
        trx,
        registrationId,
        'cancel',
        actor.principal,
        now,
      )
      const payment =
        registration.paymentStatus === 'paid' ? await findPaymentOf(trx, registration.id) : null
      const refund =
        payment === null
          ? null
          : await decideRefund(trx, { registration, payment, appointment, actor, now })
      // The registration row first: of two changes racing, the second stops here.
      if (
        !(await updateRegistration(
          trx,
          registration.id,
          registration.version,
          { status: 'cancelled', ...(refund === null ? {} : { paymentStatus: refund.outcome }) },
          now,
        ))
      ) {
        throw new AppError('REGISTRATION_CHANGED', { field: 'id', registrationId })
      }
      if (refund !== null) await insertRefund(trx, refund)
      const { codesReturned, codesKept } = await giveBackHeld(
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
          ...(refund === null
            ? {}
            : {
                refund: {
                  paid: formatMoney({ currency: refund.currency, cents: refund.paidCents }),
                  refunded: formatMoney({ currency: refund.currency, cents: refund.refundCents }),
                  feeKept: formatMoney({ currency: refund.currency, cents: refund.feeCents }),
                  fullRefundUntil: formatInstant(refund.fullRefundUntil),
                  method: refund.method,
                },
              }),
        },
      })
      const exam = await findExam(trx, registration.exam)
      const view = toRegistrationView(
        {
          ...registration,
          status: 'cancelled',
          paymentStatus: refund?.outcome ?? registration.paymentStatus,
          version: registration.version + 1,
          updatedAt: now,
        },
        exam?.title ?? registration.exam,
        appointment,
        { payment, refund },
      )
      await notifyAppointment(trx, deps.mail, {
        kind: 'registration-cancelled',
        view,
        candidate,
        acted: actedAt(actor, now),
        now,
        cancellation: {
          money:
            refund === null
              ? null
              : {
                  provider: appointment.provider.name,
                  currency: refund.currency,
                  paidCents: refund.paidCents,
                  refundCents: refund.refundCents,
                  feeCents: refund.feeCents,
                  method: refund.method,
                  fullRefundUntil: refund.fullRefundUntil,
                },
          codesReturned,
          codesKept,
        },
      })
      return view
    },
  )
}

/** What cancelling at `now` does with the payment, under the provider's refund rule. */
async function decideRefund(
  trx: Kysely<DB>,
  cancelling: {
    readonly registration: Registration
    readonly payment: Payment
    readonly appointment: Appointment
    readonly actor: Actor
    readonly now: Instant
  },
): Promise<Refund> {
  const { registration, payment, appointment, actor, now } = cancelling
  const rule = (await findProvider(trx, appointment.provider.id))?.cancellationRefund ?? FULL_REFUND
  const money = decideCancellationRefund(
    rule,
    { currency: payment.currency, cents: payment.cents },
    appointment.slot.startsAt,
    now,
  )
  return {
    ...money,
    id: uuidv7(),
    registrationId: registration.id,
    method: payment.method,
    recordedAt: now,
    recordedBy: actor.principalId,
    recordedByRole: actor.role,
  }
}
