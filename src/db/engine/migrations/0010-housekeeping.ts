import type { AnyKysely } from '../dialect.js'

/**
 * Indexes for housekeeping and what an operator watches: idempotency keys
 * purged oldest first by age, the oldest pending mail, and registrations
 * still waiting for their payment. Each makes its question one short index
 * range instead of a scan of a table that only grows.
 */
export async function up(db: AnyKysely): Promise<void> {
  await db.schema
    .createIndex('idempotency_keys_created_idx')
    .on('idempotency_keys')
    .column('created_at')
    .execute()
  await db.schema
    .createIndex('outbox_status_created_idx')
    .on('outbox')
    .columns(['status', 'created_at'])
    .execute()
  await db.schema
    .createIndex('registrations_payment_status_idx')
    .on('registrations')
    .columns(['payment_status', 'status'])
    .execute()
}
