import { sql } from 'kysely'
import { instantType } from '../columns.js'
import type { AnyKysely } from '../dialect.js'

/**
 * People sign in: an account per person (a candidate, a support agent, an
 * admin), the sign-in requests mailed to them, and their sessions.
 *
 * - `accounts`: the email is where mail goes, unique whatever its case (a
 *   unique index on `lower(email)`; addresses are ASCII, which both engines
 *   lower alike). A candidate's account is linked to one candidate record
 *   (`candidate_id`, unique) once its email is verified; until then it keeps
 *   what the candidate gave at sign-up (names, country, zone) to make or
 *   claim that record with.
 * - `sign_in_requests`: only hashes of the link's secret and of the code are
 *   kept; a request is spent once, dies at `expires_at` or after five wrong
 *   codes. One made by a sign-up keeps what that sign-up gave: the record
 *   made at verification takes the facts of the request that verified,
 *   not those of whoever first typed the email.
 * - `sessions`: only the hash of the cookie's secret is kept; a session ends
 *   once (`ended_at` with its reason) and is never revived.
 */
export async function up(db: AnyKysely): Promise<void> {
  const instant = instantType(db)
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('candidate_id', 'text', (c) => c.unique().references('candidates.id'))
    .addColumn('first_name', 'text')
    .addColumn('last_name', 'text')
    .addColumn('country', 'text')
    .addColumn('time_zone', 'text')
    .addColumn('email_verified_at', instant)
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('disabled_at', instant)
    .addCheckConstraint('accounts_role_check', sql`role in ('candidate', 'support', 'admin')`)
    // Only a candidate's account speaks for a candidate record.
    .addCheckConstraint('accounts_candidate_check', sql`candidate_id is null or role = 'candidate'`)
    .execute()
  await db.schema
    .createIndex('accounts_email_idx')
    .on('accounts')
    .expression(sql`lower(email)`)
    .unique()
    .execute()

  await db.schema
    .createTable('sign_in_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('link_hash', 'text', (c) => c.notNull().unique())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('expires_at', instant, (c) => c.notNull())
    .addColumn('spent_at', instant)
    .addColumn('wrong_codes', 'integer', (c) => c.notNull().defaultTo(0))
    // What a sign-up asked with this request gave: the facts the request that verifies the email brings.
    .addColumn('first_name', 'text')
    .addColumn('last_name', 'text')
    .addColumn('country', 'text')
    .addColumn('time_zone', 'text')
    .execute()
  await db.schema
    .createIndex('sign_in_requests_account_idx')
    .on('sign_in_requests')
    .columns(['account_id', 'expires_at'])
    .execute()

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('last_seen_at', instant, (c) => c.notNull())
    .addColumn('ended_at', instant)
    .addColumn('ended_reason', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('address', 'text')
    .addCheckConstraint(
      'sessions_ended_check',
      sql`(ended_at is null and ended_reason is null) or (ended_at is not null and ended_reason in ('signed-out', 'ended', 'idle', 'expired'))`,
    )
    .execute()
  await db.schema
    .createIndex('sessions_account_idx')
    .on('sessions')
    .columns(['account_id', 'created_at'])
    .execute()
}
