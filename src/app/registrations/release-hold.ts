import { findRegistration } from '../../db/registrations/registrations.js'
import { parseRegistrationCode } from '../../domain/registration-code.js'
import { isUnpaidHold } from '../../domain/unpaid-hold.js'
import type { Actor } from '../actor.js'
import type { AppDeps } from '../app-deps.js'
import { AppError } from '../errors.js'
import { hashRequest, type IdempotencyKey, type Idempotent } from '../idempotent.js'
import { runCommand } from '../run-command.js'
import { endHold } from './end-hold.js'
import type { RegistrationView } from './registration-view.js'

/**
 * An admin releases the seat of a registration waiting for payment, with a
 * reason, at any time before it is paid: inside the provider's cancel
 * window too, since nothing was confirmed. Everything the hold took comes
 * back, as when it expires; the reason is audited and mailed.
 */
export async function releaseHold(
  deps: AppDeps,
  registrationId: string,
  reason: string,
  actor: Actor,
  idempotency: IdempotencyKey | null,
): Promise<Idempotent<RegistrationView>> {
  const now = deps.clock.now()
  return runCommand(
    deps,
    {
      idempotency: {
        key: idempotency,
        requestHash: hashRequest('release-hold', { registrationId, reason }),
      },
    },
    async (trx) => {
      const registration = await findRegistration(
        trx,
        parseRegistrationCode(registrationId) ?? registrationId,
      )
      if (!registration)
        throw new AppError('REGISTRATION_NOT_FOUND', { field: 'id', registrationId })
      if (!isUnpaidHold(registration)) {
        throw new AppError('NOT_AN_UNPAID_HOLD', {
          field: 'id',
          registrationId: registration.id,
          registrationStatus: registration.status,
          paymentStatus: registration.paymentStatus,
        })
      }
      const view = await endHold(trx, deps.mail, {
        registration,
        ending: 'released',
        reason,
        actor,
        now,
      })
      if (!view) throw new AppError('REGISTRATION_CHANGED', { field: 'id', registrationId })
      return view
    },
  )
}
