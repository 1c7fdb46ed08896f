import type { Kysely } from 'kysely'
import type { Instant } from '../domain/instant.js'
import { writeInstant } from './columns.js'
import type { ApiTokenTable, DB } from './schema.js'

export type TokenRole = ApiTokenTable['role']

/** A token to store; only the hash of its secret is kept. */
export interface NewToken {
  readonly id: string
  readonly tokenHash: string
  readonly role: TokenRole
  readonly label: string
  readonly createdAt: Instant
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

/** How many tokens exist, revoked ones included. */
export async function countTokens(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('api_tokens')
    .select((eb) => eb.fn.countAll().as('count'))
    .executeTakeFirstOrThrow()
  // pg returns count(*), a bigint, as a string.
  return Number(row.count)
}
