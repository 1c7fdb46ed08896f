import { instantType } from '../columns.js'
import type { AnyKysely } from '../dialect.js'

/**
 * Changing an account's email.
 *
 * - `email_change_requests`: the new address asked for an account, and the
 *   hashes of the link and code mailed to it (never the secrets); spent
 *   once by the link or the code, dead at `expires_at` or after five wrong
 *   codes, as a sign-in request is. `requested_by` is the principal that
 *   asked: the account itself, or the admin (or admin token) that asked for
 *   a staff account. Only confirming changes `accounts.email`.
 */
export async function up(db: AnyKysely): Promise<void> {
  const instant = instantType(db)
  await db.schema
    .createTable('email_change_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('new_email', 'text', (c) => c.notNull())
    .addColumn('link_hash', 'text', (c) => c.notNull().unique())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('expires_at', instant, (c) => c.notNull())
    .addColumn('spent_at', instant)
    .addColumn('wrong_codes', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .createIndex('email_change_requests_account_idx')
    .on('email_change_requests')
    .columns(['account_id', 'expires_at'])
    .execute()
}
