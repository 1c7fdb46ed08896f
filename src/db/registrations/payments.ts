import type { Kysely, Selectable } from 'kysely'
import type { Payment } from '../../domain/payment.js'
import { readInstant, writeInstant } from '../engine/columns.js'
import { reusableInsert } from '../engine/reusable-query.js'
import type { DB, PaymentTable } from '../engine/schema.js'

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
  return row ? toPayment(row) : null
}

/** The payments of these registrations, by registration id, in one statement. */
export async function findPaymentsOf(
  db: Kysely<DB>,
  registrationIds: readonly string[],
): Promise<Map<string, Payment>> {
  if (registrationIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('payments')
    .selectAll()
    .where('registration_id', 'in', registrationIds)
    .execute()
  return new Map(rows.map((row) => [row.registration_id, toPayment(row)]))
}

function toPayment(row: Selectable<PaymentTable>): Payment {
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
