import type { Kysely, Selectable } from 'kysely'
import type { Refund } from '../../domain/refund.js'
import { readInstant, writeInstant } from '../engine/columns.js'
import type { DB, RefundTable } from '../engine/schema.js'

export async function insertRefund(db: Kysely<DB>, refund: Refund): Promise<void> {
  await db
    .insertInto('refunds')
    .values({
      id: refund.id,
      registration_id: refund.registrationId,
      currency: refund.currency,
      paid_cents: refund.paidCents,
      refund_cents: refund.refundCents,
      fee_cents: refund.feeCents,
      method: refund.method,
      full_refund_until: writeInstant(refund.fullRefundUntil),
      recorded_at: writeInstant(refund.recordedAt),
      recorded_by: refund.recordedBy,
      recorded_by_role: refund.recordedByRole,
    })
    .execute()
}

/** The refund of a cancelled registration (at most one), or null. */
export async function findRefundOf(db: Kysely<DB>, registrationId: string): Promise<Refund | null> {
  const row = await db
    .selectFrom('refunds')
    .selectAll()
    .where('registration_id', '=', registrationId)
    .executeTakeFirst()
  return row ? toRefund(row) : null
}

/** The refunds of these registrations, by registration id, in one statement. */
export async function findRefundsOf(
  db: Kysely<DB>,
  registrationIds: readonly string[],
): Promise<Map<string, Refund>> {
  if (registrationIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('refunds')
    .selectAll()
    .where('registration_id', 'in', registrationIds)
    .execute()
  return new Map(rows.map((row) => [row.registration_id, toRefund(row)]))
}

function toRefund(row: Selectable<RefundTable>): Refund {
  return {
    id: row.id,
    registrationId: row.registration_id,
    currency: row.currency,
    paidCents: row.paid_cents,
    refundCents: row.refund_cents,
    feeCents: row.fee_cents,
    fullRefundUntil: readInstant(row.full_refund_until),
    outcome: row.fee_cents === 0 ? 'refunded' : 'fee-kept',
    method: row.method,
    recordedAt: readInstant(row.recorded_at),
    recordedBy: row.recorded_by,
    recordedByRole: row.recorded_by_role,
  }
}
