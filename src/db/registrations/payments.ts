import type { Kysely } from 'kysely'
import type { Instant } from '../../domain/instant.js'
import type { PaymentMethod } from '../../domain/offer.js'
import { readInstant, writeInstant } from '../engine/columns.js'
import { reusableInsert } from '../engine/reusable-query.js'
import type { Channel, DB } from '../engine/schema.js'

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
  /** Who paid: the token, its role and the channel, apart from who booked. */
  readonly recordedBy: string
  /** Null only for a payment recorded before roles and channels were kept with it. */
  readonly recordedByRole: string | null
  readonly channel: Channel | null
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
    recorded_by_role: payment.recordedByRole,
    channel: payment.channel,
  })
}

/** The payment of a registration (there is at most one), or null. */
export async function findPaymentOf(
  db: Kysely<DB>,
  registrationId: string,
): Promise<Payment | null> {
  const row = await db
    .selectFrom('payments')
    .selectAll()
    .where('registration_id', '=', registrationId)
    .executeTakeFirst()
  if (!row) return null
  return {
    id: row.id,
    registrationId: row.registration_id,
    method: row.method,
    currency: row.currency,
    cents: row.cents,
    reference: row.reference,
    recordedAt: readInstant(row.recorded_at),
    recordedBy: row.recorded_by,
    recordedByRole: row.recorded_by_role,
    channel: row.channel,
  }
}
