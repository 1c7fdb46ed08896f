import type { Kysely, Selectable } from 'kysely'
import type { Instant } from '../../domain/instant.js'
import type { OutsideIdentity } from '../../domain/outside-identity.js'
import { readInstant, readOptionalInstant, writeInstant } from '../engine/columns.js'
import type { DB, OutsideIdentityTable } from '../engine/schema.js'

/** Links an identity to an account; a second link of the same issuer and subject is refused by the database. */
export async function insertOutsideIdentity(
  db: Kysely<DB>,
  identity: OutsideIdentity,
): Promise<void> {
  await db
    .insertInto('outside_identities')
    .values({
      id: identity.id,
      issuer: identity.issuer,
      subject: identity.subject,
      account_id: identity.accountId,
      linked_at: writeInstant(identity.linkedAt),
      last_used_at: null,
    })
    .execute()
}

/** The link of an issuer's subject, or null. */
export async function findOutsideIdentity(
  db: Kysely<DB>,
  issuer: string,
  subject: string,
): Promise<OutsideIdentity | null> {
  const row = await db
    .selectFrom('outside_identities')
    .selectAll()
    .where('issuer', '=', issuer)
    .where('subject', '=', subject)
    .executeTakeFirst()
  return row ? toIdentity(row) : null
}

export async function listOutsideIdentitiesOfAccount(
  db: Kysely<DB>,
  accountId: string,
): Promise<OutsideIdentity[]> {
  const rows = await db
    .selectFrom('outside_identities')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('linked_at')
    .orderBy('id')
    .execute()
  return rows.map(toIdentity)
}

/** Removes an account's link; the link removed, or null when the account has none with this id. */
export async function deleteOutsideIdentity(
  db: Kysely<DB>,
  accountId: string,
  id: string,
): Promise<OutsideIdentity | null> {
  const row = await db
    .selectFrom('outside_identities')
    .selectAll()
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .executeTakeFirst()
  if (row === undefined) return null
  const result = await db
    .deleteFrom('outside_identities')
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .executeTakeFirst()
  return result.numDeletedRows > 0n ? toIdentity(row) : null
}

export async function touchOutsideIdentity(db: Kysely<DB>, id: string, at: Instant): Promise<void> {
  await db
    .updateTable('outside_identities')
    .set({ last_used_at: writeInstant(at) })
    .where('id', '=', id)
    .execute()
}

function toIdentity(row: Selectable<OutsideIdentityTable>): OutsideIdentity {
  return {
    id: row.id,
    issuer: row.issuer,
    subject: row.subject,
    accountId: row.account_id,
    linkedAt: readInstant(row.linked_at),
    lastUsedAt: readOptionalInstant(row.last_used_at),
  }
}
