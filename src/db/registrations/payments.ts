import type { Kysely } from 'kysely'
import type { Payment } from '../../domain/payment.js'
import { readInstant, writeInstant } from '../engine/columns.js'
import { reusableInsert } from '../engine/reusable-query.js'
import type { DB } from '../engine/schema.js'

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
    recorded_by_name: payment.recordedByName ?? null,
    recorded_by_label: payment.recordedByLabel ?? null,
    recorded_reason: payment.recordedReason ?? null,
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
    recordedByName: row.recorded_by_name,
    recordedByLabel: row.recorded_by_label,
    recordedReason: row.recorded_reason,
  }
}
