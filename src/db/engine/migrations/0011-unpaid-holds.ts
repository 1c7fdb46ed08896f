import { sql } from 'kysely'
import { instantType, readInstant, writeInstant } from '../columns.js'
import type { AnyKysely } from '../dialect.js'

/** The default hold when this migration was written; a later change of the default does not rewrite history. */
const HOLD_MS = 30 * 60_000

/**
 * Unpaid holds expire: a registration with an amount due keeps its seat
 * until `hold_expires_at`; one that ended unpaid says how (`expired` by the
 * job, `released` by an admin); a beta programme may set its own hold
 * time. Holds booked before this migration get the
 * default time from their booking, so none of them holds a seat for good.
 */
export async function up(db: AnyKysely): Promise<void> {
  await db.schema
    .alterTable('registrations')
    .addColumn('hold_expires_at', instantType(db))
    .execute()
  await db.schema
    .alterTable('registrations')
    .addColumn('hold_ended', 'text', (c) => c.check(sql`hold_ended in ('expired', 'released')`))
    .execute()
  // A beta may hold its seats for a time of its own; null: the configured default.
  await db.schema.alterTable('beta_programmes').addColumn('hold_minutes', 'integer').execute()
  // The job's question: the unpaid holds, soonest to expire first.
  await db.schema
    .createIndex('registrations_unpaid_hold_idx')
    .on('registrations')
    .columns(['hold_expires_at', 'id'])
    .where(sql.ref('status'), '=', 'booked')
    .where(sql.ref('payment_status'), '=', 'due')
    .execute()

  const waiting = await db
    .selectFrom('registrations')
    .select(['id', 'created_at'])
    .where('status', '=', 'booked')
    .where('payment_status', '=', 'due')
    .execute()
  for (const row of waiting as { id: string; created_at: string | Date }[]) {
    await db
      .updateTable('registrations')
      .set({
        hold_expires_at: writeInstant(readInstant(row.created_at) + HOLD_MS),
      })
      .where('id', '=', row.id)
      .execute()
  }
}
