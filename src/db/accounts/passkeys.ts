import type { Kysely } from 'kysely'
import type { Instant } from '../../domain/instant.js'
import type { Passkey } from '../../domain/passkey.js'
import { readInstant, readOptionalInstant, writeInstant } from '../engine/columns.js'
import type { DB } from '../engine/schema.js'

/** A passkey with what verifying its assertions needs: the credential's id, public key and counter. */
export interface StoredPasskey extends Passkey {
  /** base64url. */
  readonly credentialId: string
  /** COSE, base64url. */
  readonly publicKey: string
  readonly signCount: number
}

export async function insertPasskey(db: Kysely<DB>, passkey: StoredPasskey): Promise<void> {
  await db
    .insertInto('passkeys')
    .values({
      id: passkey.id,
      account_id: passkey.accountId,
      credential_id: passkey.credentialId,
      public_key: passkey.publicKey,
      sign_count: passkey.signCount,
      transports: JSON.stringify(passkey.transports),
      name: passkey.name,
      created_at: writeInstant(passkey.createdAt),
      last_used_at: null,
    })
    .execute()
}

const COLUMNS = [
  'id',
  'account_id',
  'credential_id',
  'public_key',
  'sign_count',
  'transports',
  'name',
  'created_at',
  'last_used_at',
] as const

/** The passkey with this credential id, whoever's it is; null when there is none. */
export async function findPasskeyByCredential(
  db: Kysely<DB>,
  credentialId: string,
): Promise<StoredPasskey | null> {
  const row = await db
    .selectFrom('passkeys')
    .select(COLUMNS)
    .where('credential_id', '=', credentialId)
    .executeTakeFirst()
  return row ? toPasskey(row) : null
}

/** An account's passkeys, oldest first. */
export async function listPasskeysOfAccount(
  db: Kysely<DB>,
  accountId: string,
): Promise<StoredPasskey[]> {
  const rows = await db
    .selectFrom('passkeys')
    .select(COLUMNS)
    .where('account_id', '=', accountId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map(toPasskey)
}

/** An account's passkey with this id, or null (another account's too). */
export async function findPasskeyOfAccount(
  db: Kysely<DB>,
  accountId: string,
  id: string,
): Promise<StoredPasskey | null> {
  const row = await db
    .selectFrom('passkeys')
    .select(COLUMNS)
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .executeTakeFirst()
  return row ? toPasskey(row) : null
}

/** Removes an account's passkey; false when it is not there (gone already, or not theirs). */
export async function deletePasskey(
  db: Kysely<DB>,
  accountId: string,
  id: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('passkeys')
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .executeTakeFirst()
  return result.numDeletedRows > 0n
}

/**
 * Records a sign-in with the passkey: its counter becomes `signCount` and
 * its last use `at`, only if the counter stored is still the one the
 * assertion was checked against. False when it moved meanwhile (another
 * process took an assertion of the same authenticator) or the passkey was
 * removed: the sign-in is refused.
 */
export async function recordPasskeyUse(
  db: Kysely<DB>,
  id: string,
  checkedAgainst: number,
  signCount: number,
  at: Instant,
): Promise<boolean> {
  const result = await db
    .updateTable('passkeys')
    .set({ sign_count: signCount, last_used_at: writeInstant(at) })
    .where('id', '=', id)
    .where('sign_count', '=', checkedAgainst)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

function toPasskey(row: {
  id: string
  account_id: string
  credential_id: string
  public_key: string
  sign_count: number | string
  transports: string
  name: string
  created_at: string | Date
  last_used_at: string | Date | null
}): StoredPasskey {
  return {
    id: row.id,
    accountId: row.account_id,
    credentialId: row.credential_id,
    publicKey: row.public_key,
    signCount: Number(row.sign_count),
    transports: JSON.parse(row.transports) as string[],
    name: row.name,
    createdAt: readInstant(row.created_at),
    lastUsedAt: readOptionalInstant(row.last_used_at),
  }
}
