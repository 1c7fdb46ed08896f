import { findExam } from '../../db/catalogue/exams.js'
import { updateRegistration } from '../../db/registrations/registrations.js'
import { findOfferVersion } from '../../db/vouchers/offers.js'
import { formatMoney } from '../../domain/money.js'
import { type PaymentMethod, refusePaymentMethod } from '../../domain/offer.js'
import type { Actor } from '../actor.js'
import type { AppDeps } from '../app-deps.js'
import { auditAction } from '../audit-action.js'
import { getCandidate } from '../candidates/get-candidate.js'
import { loadAppointment } from '../catalogue/load-appointment.js'
import { AppError } from '../errors.js'
import { hashRequest, type IdempotencyKey, type Idempotent } from '../idempotent.js'
import { runCommand } from '../run-command.js'
import { bookedByOf, notifyAppointment } from './notify-appointment.js'
import { recordPayment } from './record-payment.js'
import { type RegistrationView, toRegistrationView } from './registration-view.js'
import { findRegistrationFor, requireLiveBooking } from './require-live-booking.js'

export interface PaymentInput {
  readonly method: Exclude<PaymentMethod, 'free'>
  readonly currency: string
  readonly cents: number
  /** Card authorisation, company voucher number, invoice number. */
  readonly reference?: string
}

/**
 * Records the payment of what a registration has left to pay, which
 * confirms it: the amount must be the one due, in its currency, by a method
 * every code on it accepts; the confirmation mail goes out with it.
 */
export async function payRegistration(
  deps: AppDeps,
  registrationId: string,
  input: PaymentInput,
  actor: Actor,
  idempotency: IdempotencyKey | null,
): Promise<Idempotent<RegistrationView>> {
  const now = deps.clock.now()
  const requestHash = hashRequest('pay', {
    registrationId,
    method: input.method,
    currency: input.currency,
    cents: input.cents,
    reference: input.reference ?? null,
  })
  return runCommand(deps, { idempotency: { key: idempotency, requestHash } }, async (trx) => {
    const registration = await findRegistrationFor(trx, registrationId, actor.principal)
    requireLiveBooking(registration, now)
    const price = registration.price
    if (price === null || registration.paymentStatus !== 'due') {
      throw new AppError('PAYMENT_NOT_DUE', { field: 'id', registrationId: registration.id })
    }
    if (input.currency !== price.currency || input.cents !== price.dueCents) {
      throw new AppError('PAYMENT_AMOUNT_MISMATCH', {
        field: 'cents',
        due: formatMoney({ currency: price.currency, cents: price.dueCents }),
        paid: formatMoney({ currency: input.currency, cents: input.cents }),
      })
    }
    for (const line of price.lines) {
      const offer = await findOfferVersion(trx, line.offerId, line.offerVersion)
      const refused = offer && refusePaymentMethod(offer, input.method)
      if (refused)
        throw new AppError('PAYMENT_METHOD_NOT_ACCEPTED', { field: 'method', reason: refused })
    }
    const updated = await updateRegistration(
      trx,
      registration.id,
      registration.version,
      { paymentStatus: 'paid' },
      now,
    )
    // Released by the job or an admin meanwhile: of the two, the release came first.
    if (!updated) throw new AppError('REGISTRATION_CHANGED', { field: 'id', registrationId })
    const payment = await recordPayment(trx, actor, now, {
      registrationId: registration.id,
      method: input.method,
      currency: input.currency,
      cents: input.cents,
      reference: input.reference ?? null,
    })
    await auditAction(trx, actor, now, {
      candidateId: registration.candidateId,
      subjectType: 'registration',
      subjectId: registration.id,
      action: 'paid',
      detail: {
        method: input.method,
        amount: formatMoney({ currency: input.currency, cents: input.cents }),
        reference: input.reference ?? null,
      },
    })
    const appointment = await loadAppointment(trx, registration.slotId)
    if (!appointment) throw new Error(`Registration ${registration.id} points at a missing slot`)
    const exam = await findExam(trx, registration.exam)
    const view = toRegistrationView(
      {
        ...registration,
        paymentStatus: 'paid',
        version: registration.version + 1,
        updatedAt: now,
      },
      exam?.title ?? registration.exam,
      appointment,
      { payment, refund: null },
    )
    const candidate = await getCandidate({ db: trx }, registration.candidateId)
    // The confirmation names who booked and when, not who paid: the booking is what was done for the candidate.
    await notifyAppointment(trx, deps.mail, {
      kind: 'registration-confirmed',
      view,
      candidate,
      acted: bookedByOf(view),
      now,
    })
    return view
  })
}
