import { updateRegistration } from '../../db/registrations/registrations.js'
import { formatMoney } from '../../domain/money.js'
import { paymentStatusOf } from '../../domain/price.js'
import { formatVoucherCode } from '../../domain/voucher-code.js'
import type { Actor } from '../actor.js'
import type { AppDeps } from '../app-deps.js'
import { auditAction } from '../audit-action.js'
import { AppError } from '../errors.js'
import { hashRequest, type IdempotencyKey, type Idempotent } from '../idempotent.js'
import { bookedByOf, notifyAppointment } from '../registrations/notify-appointment.js'
import { recordPayment } from '../registrations/record-payment.js'
import { type RegistrationView, toRegistrationView } from '../registrations/registration-view.js'
import { findRegistrationFor } from '../registrations/require-live-booking.js'
import { runCommand } from '../run-command.js'
import { codeCallerOf, countingWrongCodes } from './code-throttle.js'
import { decideRegistrationCodes } from './decide-registration-codes.js'
import { codeUsedMeanwhile, redeemCodes, takeCountedUses } from './redeem-codes.js'

export interface ApplyCodesInput {
  readonly registrationId: string
  /** Voucher, discount or promotion codes, as typed; at least one. */
  readonly voucherCodes: readonly string[]
  /** The candidate has read what applying them gives up (a free retake) and goes ahead. */
  readonly acknowledgeForfeit?: boolean
}

/**
 * Applies codes to a registration that waits for payment, as if they had
 * been given at booking: judged by the same rules (`decideCodes`), taken the
 * same way (`redeemCodes`, given back if the hold ends unpaid), applied to
 * what is left to pay. A registration the codes leave nothing to pay is
 * paid, confirmed and mailed, as a booking would be.
 */
export async function applyCodes(
  deps: AppDeps,
  input: ApplyCodesInput,
  actor: Actor,
  idempotency: IdempotencyKey | null,
): Promise<Idempotent<RegistrationView>> {
  const now = deps.clock.now()
  if (input.voucherCodes.length === 0)
    throw new AppError('VALIDATION_FAILED', {
      field: 'voucherCode',
      problem: 'give at least one code (voucherCode or voucherCodes)',
    })
  const requestHash = hashRequest('apply-codes', {
    registrationId: input.registrationId,
    voucherCodes: input.voucherCodes,
    ...(input.acknowledgeForfeit ? { acknowledgeForfeit: true } : {}),
  })
  const known = await findRegistrationFor(deps.db, input.registrationId, actor.principal)
  // Wrong codes count against the candidate the registration is for.
  const guesser = { candidateId: known.candidateId, caller: codeCallerOf(actor) }
  return countingWrongCodes(deps.db, guesser, now, () =>
    runCommand(
      deps,
      {
        idempotency: { key: idempotency, requestHash },
        onConflict: { voucher_uses: codeUsedMeanwhile },
      },
      async (trx, command) => {
        const { registration, candidate, exam, appointment, judgement } =
          await decideRegistrationCodes(trx, command.catalogue, {
            registrationId: known.id,
            codes: input.voucherCodes,
            caller: codeCallerOf(actor),
            viewer: actor.principal,
            now,
          })
        if (judgement.loses.length > 0 && input.acknowledgeForfeit !== true) {
          throw new AppError('CODE_WOULD_FORFEIT', {
            field: 'acknowledgeForfeit',
            loses: judgement.loses,
          })
        }
        const price = judgement.price
        const paymentStatus =
          price === null ? registration.paymentStatus : paymentStatusOf(price, false)
        const changed = await updateRegistration(
          trx,
          registration.id,
          registration.version,
          { ...(price === null ? {} : { price }), paymentStatus },
          now,
        )
        // Paid, cancelled or released meanwhile: of the two, the other came first.
        if (!changed)
          throw new AppError('REGISTRATION_CHANGED', {
            field: 'id',
            registrationId: registration.id,
          })
        await redeemCodes(trx, judgement, registration, exam.number, now)
        // Nothing left to pay: recorded as a booking whose codes took it all records it.
        const payment =
          price !== null && paymentStatus === 'paid'
            ? await recordPayment(trx, actor, now, {
                registrationId: registration.id,
                method: 'free',
                currency: price.currency,
                cents: 0,
                reference: null,
              })
            : null
        await auditAction(trx, actor, now, {
          candidateId: registration.candidateId,
          subjectType: 'registration',
          subjectId: registration.id,
          action: 'codes-applied',
          detail: {
            codes: judgement.accepted.map((code) => ({
              code: formatVoucherCode(code.record.code),
              offer: { id: code.offer.offerId, version: code.offer.version },
              does: code.verdict.does,
            })),
            dueBefore:
              registration.price === null
                ? null
                : formatMoney({
                    currency: registration.price.currency,
                    cents: registration.price.dueCents,
                  }),
            price,
            paymentStatus,
            ...(judgement.loses.length > 0 ? { acknowledgedLosses: judgement.loses } : {}),
          },
        })
        const view = toRegistrationView(
          {
            ...registration,
            price: price ?? registration.price,
            paymentStatus,
            version: registration.version + 1,
            updatedAt: now,
          },
          exam.title,
          appointment,
          { payment, refund: null },
        )
        // Confirmed now, as a booking is once paid: the mail names who booked.
        if (paymentStatus === 'paid') {
          await notifyAppointment(trx, deps.mail, {
            kind: 'registration-confirmed',
            view,
            candidate,
            acted: bookedByOf(view),
            now,
          })
        }
        command.afterAnswer(() => takeCountedUses(trx, judgement))
        return view
      },
    ),
  )
}
