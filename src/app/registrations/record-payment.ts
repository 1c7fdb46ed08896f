import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { DB } from '../../db/engine/schema.js'
import { insertPayment } from '../../db/registrations/payments.js'
import type { Instant } from '../../domain/instant.js'
import type { PaymentMethod } from '../../domain/offer.js'
import type { Payment } from '../../domain/payment.js'
import type { Actor } from '../actor.js'

export interface PaymentFields {
  readonly registrationId: string
  readonly method: PaymentMethod
  readonly currency: string
  readonly cents: number
  readonly reference: string | null
}

/**
 * Records the payment of a registration as made by `actor` (token, role,
 * channel) at `now`: who paid is kept on the payment, apart from who
 * booked, which the registration keeps.
 */
export async function recordPayment(
  trx: Kysely<DB>,
  actor: Actor,
  now: Instant,
  fields: PaymentFields,
): Promise<Payment> {
  const payment: Payment = {
    id: uuidv7(),
    ...fields,
    recordedAt: now,
    recordedBy: actor.principalId,
    recordedByRole: actor.role,
    channel: actor.channel,
    recordedByName: actor.displayName,
    recordedByLabel: actor.tokenLabel,
    recordedReason: actor.reason,
  }
  await insertPayment(trx, payment)
  return payment
}
