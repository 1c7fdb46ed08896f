import type { AnyKysely } from '../dialect.js'

/**
 * Changes made for a candidate name who made them: the audit trail keeps the
 * person's account and display name, the token's label (when no person is
 * known), the provider a provider's token acts for, and the reason staff
 * gave; a registration keeps them for who booked it, a payment for who paid,
 * an exception request for who filed it. Rows stored before keep nulls:
 * they are shown by role and channel as before.
 */
export async function up(db: AnyKysely): Promise<void> {
  const columns: Readonly<Record<string, readonly string[]>> = {
    audit_log: ['actor_account_id', 'actor_name', 'actor_label', 'actor_provider_id', 'reason'],
    registrations: ['booked_by_name', 'booked_by_label', 'booked_by_provider_id', 'booked_reason'],
    payments: ['recorded_by_name', 'recorded_by_label', 'recorded_reason'],
    exception_requests: ['requested_by_name', 'requested_by_label', 'requested_reason'],
  }
  for (const [table, names] of Object.entries(columns)) {
    // One column a statement: SQLite adds one at a time.
    for (const name of names) await db.schema.alterTable(table).addColumn(name, 'text').execute()
  }
}
