import type { Kysely } from 'kysely'
import type { ApiToken } from '../../domain/api-token.js'
import type { Instant } from '../../domain/instant.js'
import { readInstant, writeInstant } from '../engine/columns.js'
import type { Paging } from '../engine/paging.js'
import type { ApiTokenTable, DB } from '../engine/schema.js'

export type TokenRole = ApiTokenTable['role']

/** A token as stored, its secret aside (only its hash is kept, and never shown). */
export type StoredToken = ApiToken

/** A token to store; only the hash of its secret is kept. */
export interface NewToken {
  readonly id: string
  readonly tokenHash: string
  readonly role: TokenRole
  readonly label: string
  readonly createdAt: Instant
  /** Absent: bound to no provider. */
  readonly providerId?: string | null
  /** Absent: never expires. */
  readonly expiresAt?: Instant | null
}

/** Who a presented token speaks for, and until when. */
export interface ActiveToken {
  readonly id: string
  readonly role: TokenRole
  readonly label: string
  readonly providerId: string | null
  readonly expiresAt: Instant | null
}

const TOKEN_COLUMNS = [
  'id',
  'role',
  'label',
  'provider_id',
  'created_at',
  'expires_at',
  'last_used_at',
  'revoked_at',
] as const

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
  const expiresAt = token.expiresAt ?? null
  await db
    .insertInto('api_tokens')
    .values({
      id: token.id,
      token_hash: token.tokenHash,
      role: token.role,
      label: token.label,
      provider_id: token.providerId ?? null,
      created_at: writeInstant(token.createdAt),
      expires_at: expiresAt === null ? null : writeInstant(expiresAt),
      revoked_at: null,
    })
    .execute()
}

/** The unrevoked token with this hash, expired or not (the caller knows the time), or null. */
export async function findActiveTokenByHash(
  db: Kysely<DB>,
  tokenHash: string,
): Promise<ActiveToken | null> {
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'role', 'label', 'provider_id', 'expires_at'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  if (row === undefined) return null
  return {
    id: row.id,
    role: row.role,
    label: row.label,
    providerId: row.provider_id,
    expiresAt: row.expires_at === null ? null : readInstant(row.expires_at),
  }
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

/** Records a use at `at`, unless a later one (from another process) is recorded already. */
export async function recordTokenUse(db: Kysely<DB>, id: string, at: Instant): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: writeInstant(at) })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', writeInstant(at))]),
    )
    .execute()
}

/** Every token, revoked ones included, oldest first; one page of them when `paging` is given. */
export async function listTokens(db: Kysely<DB>, paging?: Paging): Promise<StoredToken[]> {
  let query = db.selectFrom('api_tokens').select(TOKEN_COLUMNS).orderBy('created_at').orderBy('id')
  if (paging !== undefined) query = query.limit(paging.limit).offset(paging.offset)
  const rows = await query.execute()
  return rows.map(toStoredToken)
}

/** The token with this id, revoked or not; null when there is none. */
export async function findToken(db: Kysely<DB>, id: string): Promise<StoredToken | null> {
  const row = await db
    .selectFrom('api_tokens')
    .select(TOKEN_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst()
  return row ? toStoredToken(row) : null
}

function toStoredToken(row: {
  id: string
  role: TokenRole
  label: string
  provider_id: string | null
  created_at: string | Date
  expires_at: string | Date | null
  last_used_at: string | Date | null
  revoked_at: string | Date | null
}): StoredToken {
  return {
    id: row.id,
    role: row.role,
    label: row.label,
    providerId: row.provider_id,
    createdAt: readInstant(row.created_at),
    expiresAt: row.expires_at === null ? null : readInstant(row.expires_at),
    lastUsedAt: row.last_used_at === null ? null : readInstant(row.last_used_at),
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
