import type { Kysely } from 'kysely'
import type { Instant } from '../domain/instant.js'
import { writeInstant } from './engine/columns.js'
import { dialectOf } from './engine/dialect.js'
import { reusableInsert, reusableStatement } from './engine/reusable-query.js'
import type { DB } from './engine/schema.js'

/** The first answer given to a request with this key. */
export interface IdempotencyRecord {
  readonly requestHash: string
  readonly statusCode: number
  readonly response: unknown
}

export async function findIdempotencyRecord(
  db: Kysely<DB>,
  principalId: string,
  key: string,
): Promise<IdempotencyRecord | null> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status_code', 'response'])
    .where('principal_id', '=', principalId)
    .where('key', '=', key)
    .executeTakeFirst()
  if (!row) return null
  return {
    requestHash: row.request_hash,
    statusCode: row.status_code,
    response: JSON.parse(row.response),
  }
}

/** A request's key to claim: whose, which, what they asked (`hashRequest`), when. */
export interface KeyClaim {
  readonly principalId: string
  readonly key: string
  readonly requestHash: string
  readonly createdAt: Instant
}

/** A claimed key's answer while its request is at work: none yet. */
export const UNANSWERED = { status_code: 0, response: 'null' } as const

/**
 * Claims the key at the start of the transaction that does the work, so a
 * concurrent request with the same key fails here on the primary key (on
 * PostgreSQL after waiting for this transaction to end) before it does any
 * work of its own. The answer is filled in by `completeIdempotencyRecord` in
 * the same transaction: both are kept, or neither.
 */
export async function claimIdempotencyKey(db: Kysely<DB>, claim: KeyClaim): Promise<void> {
  await insertKeyRow(db, {
    principal_id: claim.principalId,
    key: claim.key,
    request_hash: claim.requestHash,
    ...UNANSWERED,
    created_at: writeInstant(claim.createdAt),
  })
}

const insertKeyRow = reusableInsert('idempotency_keys')

const completeKey = reusableStatement(
  (db, principalId: string, key: string, statusCode: number, response: string) =>
    db
      .updateTable('idempotency_keys')
      .set({ status_code: statusCode, response })
      .where('principal_id', '=', principalId)
      .where('key', '=', key),
)

/** Stores the answer under a key claimed in this transaction. */
export async function completeIdempotencyRecord(
  db: Kysely<DB>,
  principalId: string,
  key: string,
  statusCode: number,
  response: unknown,
): Promise<void> {
  await completeKey(db, principalId, key, statusCode, JSON.stringify(response))
}

/**
 * Deletes at most `limit` keys stored before `before`, oldest first, in one
 * statement, and says how many went. On PostgreSQL rows another process is
 * deleting at the same moment are skipped rather than waited for, so
 * several processes may purge at once.
 */
export async function deleteIdempotencyKeysBefore(
  db: Kysely<DB>,
  before: Instant,
  limit: number,
): Promise<number> {
  const oldest = db
    .selectFrom('idempotency_keys')
    .select(['principal_id', 'key'])
    .where('created_at', '<', writeInstant(before))
    .orderBy('created_at')
    .limit(limit)
  const batch = dialectOf(db) === 'postgres' ? oldest.forUpdate().skipLocked() : oldest
  const result = await db
    .deleteFrom('idempotency_keys')
    .where(({ eb, refTuple }) =>
      eb(refTuple('principal_id', 'key'), 'in', batch.$asTuple('principal_id', 'key')),
    )
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
