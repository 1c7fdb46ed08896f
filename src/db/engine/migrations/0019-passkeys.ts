import { sql } from 'kysely'
import { instantType } from '../columns.js'
import type { AnyKysely } from '../dialect.js'

/**
 * Passkeys (WebAuthn) as a way any account signs in, and the challenges
 * that bind each ceremony to one answer.
 *
 * - `passkeys`: a credential's id is unique across every account (one
 *   authenticator's key signs in one account); its public key is COSE,
 *   base64url text as both engines keep it alike; `sign_count` is the
 *   authenticator's counter as last seen, which must move forward (0 forever
 *   for authenticators that keep none).
 * - `webauthn_challenges`: kept in the database, never in one process's
 *   memory, so that an answer may reach another process than the one that
 *   asked. Only a hash of the challenge is kept; each is for one ceremony
 *   (`registration` for one account, `authentication` for anyone), spent
 *   once, and dead at `expires_at`.
 */
export async function up(db: AnyKysely): Promise<void> {
  const instant = instantType(db)
  await db.schema
    .createTable('passkeys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('credential_id', 'text', (c) => c.notNull().unique())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('sign_count', 'bigint', (c) => c.notNull())
    .addColumn('transports', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('last_used_at', instant)
    .addCheckConstraint('passkeys_sign_count_check', sql`sign_count >= 0`)
    .execute()
  await db.schema
    .createIndex('passkeys_account_idx')
    .on('passkeys')
    .columns(['account_id', 'created_at'])
    .execute()

  await db.schema
    .createTable('webauthn_challenges')
    .addColumn('challenge_hash', 'text', (c) => c.primaryKey())
    .addColumn('ceremony', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('expires_at', instant, (c) => c.notNull())
    .addColumn('spent_at', instant)
    .addCheckConstraint(
      'webauthn_challenges_ceremony_check',
      sql`(ceremony = 'registration' and account_id is not null) or (ceremony = 'authentication' and account_id is null)`,
    )
    .execute()
  await db.schema
    .createIndex('webauthn_challenges_expiry_idx')
    .on('webauthn_challenges')
    .column('expires_at')
    .execute()
}
