import type { Kysely } from 'kysely'
import type { Instant } from '../domain/instant.js'
import type { PaymentMethod } from '../domain/offer.js'
import { writeInstant } from './columns.js'
import { reusableInsert } from './reusable-query.js'
import type { DB } from './schema.js'

/** What was paid for a registration, how, and who recorded it: the line an accountant reads. */
export interface Payment {
  readonly id: string
  readonly registrationId: string
  readonly method: PaymentMethod
  readonly currency: string
  readonly cents: number
  /** The card authorisation, company voucher number or invoice number. */
  readonly reference: string | null
  readonly recordedAt: Instant
  readonly recordedBy: string
}

const insertPaymentRow = reusableInsert('payments')

export async function insertPayment(db: Kysely<DB>, payment: Payment): Promise<void> {
  await insertPaymentRow(db, {
    id: payment.id,
    registration_id: payment.registrationId,
    method: payment.method,
    currency: payment.currency,
    cents: payment.cents,
    reference: payment.reference,
    recorded_at: writeInstant(payment.recordedAt),
    recorded_by: payment.recordedBy,
  })
}
