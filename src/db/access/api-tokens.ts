import type { Kysely } from 'kysely'
import type { Instant } from '../../domain/instant.js'
import { readInstant, writeInstant } from '../engine/columns.js'
import type { ApiTokenTable, DB } from '../engine/schema.js'

export type TokenRole = ApiTokenTable['role']

/** A token to store; only the hash of its secret is kept. */
export interface NewToken {
  readonly id: string
  readonly tokenHash: string
  readonly role: TokenRole
  readonly label: string
  readonly createdAt: Instant
}

/** A token as stored, its secret aside (only its hash is kept, and never shown). */
export interface StoredToken {
  readonly id: string
  readonly role: TokenRole
  readonly label: string
  readonly createdAt: Instant
  readonly revokedAt: Instant | null
}

/** Who a presented token speaks for. */
export interface ActiveToken {
  readonly id: string
  readonly role: TokenRole
  readonly label: string
}

/** The token with this hash, revoked or not; null when none was ever stored. */
export async function findTokenByHash(
  db: Kysely<DB>,
  hash: string,
): Promise<{ readonly id: string } | null> {
  const row = await db
    .selectFrom('api_tokens')
    .select('id')
    .where('token_hash', '=', hash)
    .executeTakeFirst()
  return row ?? null
}

/** Stores a token; the hash must be unique. */
export async function insertToken(db: Kysely<DB>, token: NewToken): Promise<void> {
  await db
    .insertInto('api_tokens')
    .values({
      id: token.id,
      token_hash: token.tokenHash,
      role: token.role,
      label: token.label,
      created_at: writeInstant(token.createdAt),
      revoked_at: null,
    })
    .execute()
}

/** The unrevoked token with this hash, or null. */
export async function findActiveTokenByHash(
  db: Kysely<DB>,
  tokenHash: string,
): Promise<ActiveToken | null> {
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'role', 'label'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return row ?? null
}

/** Revokes a token from `at` on; false when there is no such unrevoked token. */
export async function revokeToken(db: Kysely<DB>, id: string, at: Instant): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: writeInstant(at) })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Every token, revoked ones included, oldest first. */
export async function listTokens(db: Kysely<DB>): Promise<StoredToken[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .select(['id', 'role', 'label', 'created_at', 'revoked_at'])
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map(toStoredToken)
}

/** The token with this id, revoked or not; null when there is none. */
export async function findToken(db: Kysely<DB>, id: string): Promise<StoredToken | null> {
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'role', 'label', 'created_at', 'revoked_at'])
    .where('id', '=', id)
    .executeTakeFirst()
  return row ? toStoredToken(row) : null
}

function toStoredToken(row: {
  id: string
  role: TokenRole
  label: string
  created_at: string | Date
  revoked_at: string | Date | null
}): StoredToken {
  return {
    id: row.id,
    role: row.role,
    label: row.label,
    createdAt: readInstant(row.created_at),
    revokedAt: row.revoked_at === null ? null : readInstant(row.revoked_at),
  }
}

/** How many tokens exist, revoked ones included. */
export async function countTokens(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('api_tokens')
    .select((eb) => eb.fn.countAll().as('count'))
    .executeTakeFirstOrThrow()
  // pg returns count(*), a bigint, as a string.
  return Number(row.count)
}
