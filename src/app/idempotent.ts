import { createHash } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import { runInTransaction } from '../db/engine/group-commit.js'
import type { DB } from '../db/engine/schema.js'
import { violatedTable } from '../db/engine/unique-violation.js'
import {
  completeIdempotencyRecord,
  findIdempotencyRecord,
  insertIdempotencyRecord,
} from '../db/idempotency-keys.js'
import type { Instant } from '../domain/instant.js'
import { AppError } from './errors.js'

export interface IdempotencyKey {
  /** The caller's token: keys are per caller, so two clients cannot collide. */
  readonly principalId: string
  readonly key: string
}

export interface Idempotent<T> {
  readonly result: T
  /** True when this is the stored first answer to an earlier request with the key. */
  readonly replayed: boolean
}

/** A fingerprint of what was asked, to tell a retry from a different request under the same key. */
export function hashRequest(operation: string, input: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([operation, input]))
    .digest('hex')
}

/**
 * Runs `work` in one transaction that also stores its result under the key,
 * so a retried request (a refresh after an error, a double click, a network
 * retry) gets the first answer instead of acting twice. A refusal stores
 * nothing: retrying it tries again. The same key with another request is
 * IDEMPOTENCY_KEY_REUSED. On SQLite the transaction is committed together
 * with those that arrive meanwhile (`runInTransaction`).
 */
export async function runIdempotent<T>(
  db: Kysely<DB>,
  idempotency: IdempotencyKey | null,
  requestHash: string,
  now: Instant,
  work: (trx: Transaction<DB>) => Promise<T>,
): Promise<Idempotent<T>> {
  return runIdempotentThenLastly(db, idempotency, requestHash, now, async (trx) => ({
    result: await work(trx),
    lastly: null,
  }))
}

/** An answer, and the writes its transaction makes after the answer is stored under the key. */
export interface Answered<T> {
  readonly result: T
  /** The last writes (shared counters, held until the commit); a refusal here stores nothing. */
  readonly lastly: (() => Promise<void>) | null
}

/**
 * `runIdempotent` for work whose last writes come after its answer is
 * stored: a booking's shared counters, so that the rows every booking
 * updates are held from their update to the commit only.
 */
export async function runIdempotentThenLastly<T>(
  db: Kysely<DB>,
  idempotency: IdempotencyKey | null,
  requestHash: string,
  now: Instant,
  work: (trx: Transaction<DB>) => Promise<Answered<T>>,
): Promise<Idempotent<T>> {
  // Without a key there is nothing to replay: one transaction, nothing stored.
  if (idempotency === null) {
    const result = await runInTransaction(db, async (trx) => {
      const answered = await work(trx)
      await answered.lastly?.()
      return answered.result
    })
    return { result, replayed: false }
  }
  try {
    const result = await runInTransaction(db, async (trx) => {
      // Claim the key first: a retry of an answered request, or a concurrent
      // twin, stops here instead of acting (no read before: a new key, the
      // common case, costs no extra query).
      await insertIdempotencyRecord(trx, {
        ...idempotency,
        requestHash,
        statusCode: 0,
        response: null,
        createdAt: now,
      })
      const answered = await work(trx)
      await completeIdempotencyRecord(
        trx,
        idempotency.principalId,
        idempotency.key,
        200,
        answered.result,
      )
      await answered.lastly?.()
      return answered.result
    })
    return { result, replayed: false }
  } catch (error) {
    // The key was answered before, or a concurrent twin committed first: answer as it did.
    if (violatedTable(error) === 'idempotency_keys') {
      const first = await findIdempotencyRecord(db, idempotency.principalId, idempotency.key)
      if (first) return replay<T>(first, requestHash)
    }
    throw error
  }
}

function replay<T>(
  record: { readonly requestHash: string; readonly response: unknown },
  requestHash: string,
): Idempotent<T> {
  if (record.requestHash !== requestHash)
    throw new AppError('IDEMPOTENCY_KEY_REUSED', { field: 'Idempotency-Key' })
  return { result: record.response as T, replayed: true }
}
