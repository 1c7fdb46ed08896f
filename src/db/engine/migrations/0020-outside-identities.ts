import { sql } from 'kysely'
import { instantType } from '../columns.js'
import type { AnyKysely } from '../dialect.js'

/**
 * OpenID Connect sign-in.
 *
 * - `outside_identities`: an identity at an issuer (issuer + subject, unique
 *   together: one account per identity) linked to an account, when it was
 *   linked and last signed in with. Nothing the issuer says of the person
 *   (email, name) is kept.
 * - `oidc_flows`: a sign-in or link started and not yet finished, found by
 *   the hash of its `state`; the PKCE verifier and nonce it was started
 *   with, the hash of the secret its browser holds in a cookie, the account
 *   that started a link, and an expiry. Spent once (`spent_at`), so a
 *   callback replayed finds nothing to finish, on any process.
 */
export async function up(db: AnyKysely): Promise<void> {
  const instant = instantType(db)
  await db.schema
    .createTable('outside_identities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('linked_at', instant, (c) => c.notNull())
    .addColumn('last_used_at', instant)
    .addUniqueConstraint('outside_identities_issuer_subject_key', ['issuer', 'subject'])
    .execute()
  await db.schema
    .createIndex('outside_identities_account_idx')
    .on('outside_identities')
    .column('account_id')
    .execute()

  await db.schema
    .createTable('oidc_flows')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('state_hash', 'text', (c) => c.notNull().unique())
    .addColumn('browser_hash', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('expires_at', instant, (c) => c.notNull())
    .addColumn('spent_at', instant)
    .addCheckConstraint(
      'oidc_flows_mode_check',
      sql`(mode = 'sign-in' and account_id is null) or (mode = 'link' and account_id is not null)`,
    )
    .execute()
}
