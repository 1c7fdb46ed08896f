import { sql } from 'kysely'
import { instantType } from '../columns.js'
import type { AnyKysely } from '../dialect.js'

/**
 * - A provider says what a cancellation does with the money: a full refund
 *   until `full_refund_hours` before the appointment, then a fee of
 *   `late_fee_percent` of what was paid. Providers stored before this get
 *   a full refund whenever their window allows a cancellation (0 hours).
 * - A payment says in what role and by what channel it was recorded, apart
 *   from who booked (the registration's own columns). Payments recorded
 *   before this take both from the audit entry that recorded them.
 * - A cancelled paid registration has one refund row: what was paid, what
 *   goes back, what the provider keeps, and under which rule.
 */
export async function up(db: AnyKysely): Promise<void> {
  const instant = instantType(db)
  await db.schema
    .alterTable('providers')
    .addColumn('full_refund_hours', 'integer', (c) =>
      c.notNull().defaultTo(0).check(sql`full_refund_hours >= 0`),
    )
    .execute()
  await db.schema
    .alterTable('providers')
    .addColumn('late_fee_percent', 'integer', (c) =>
      c.notNull().defaultTo(100).check(sql`late_fee_percent between 0 and 100`),
    )
    .execute()

  await db.schema.alterTable('payments').addColumn('recorded_by_role', 'text').execute()
  await db.schema.alterTable('payments').addColumn('channel', 'text').execute()
  const recordedBy = (column: 'actor_role' | 'channel') => sql`(
    select audit_log.${sql.ref(column)} from audit_log
    where audit_log.subject_type = 'registration'
      and audit_log.subject_id = payments.registration_id
      and audit_log.action in ('registered', 'paid')
      and audit_log.actor_id = payments.recorded_by
    order by audit_log.at desc
    limit 1)`
  await sql`update payments set recorded_by_role = ${recordedBy('actor_role')}, channel = ${recordedBy('channel')}`.execute(
    db,
  )

  await db.schema
    .createTable('refunds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('registration_id', 'text', (c) =>
      c.notNull().unique().references('registrations.id'),
    )
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('paid_cents', 'integer', (c) => c.notNull())
    .addColumn('refund_cents', 'integer', (c) => c.notNull())
    .addColumn('fee_cents', 'integer', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('full_refund_until', instant, (c) => c.notNull())
    .addColumn('recorded_at', instant, (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_by_role', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'refunds_amounts_check',
      sql`refund_cents >= 0 and fee_cents >= 0 and refund_cents + fee_cents = paid_cents`,
    )
    .execute()
}
