import type { Kysely } from 'kysely'
import type { DB } from '../../db/engine/schema.js'
import { deleteIdempotencyKeysBefore } from '../../db/idempotency-keys.js'
import type { Clock } from '../clock.js'

/** Keys deleted by one statement: short enough not to hold up the bookings around it. */
const PURGE_BATCH = 1_000

const HOUR_MS = 3_600_000

export interface PurgeIdempotencyKeysDeps {
  readonly db: Kysely<DB>
  readonly clock: Clock
}

export interface PurgeOutcome {
  readonly deleted: number
  /** Statements run; the last one found fewer than a batch. */
  readonly batches: number
}

/**
 * Deletes the idempotency keys stored more than `retentionHours` ago, a
 * batch per statement (each its own transaction, unlike a use case: a
 * purge half done is still correct, and one long transaction would hold
 * locks the bookings need), until a batch comes up short. A retry within
 * the retention still finds its key and gets the first answer; after it, a
 * retry would book anew.
 */
export async function purgeIdempotencyKeys(
  deps: PurgeIdempotencyKeysDeps,
  retentionHours: number,
  batch = PURGE_BATCH,
): Promise<PurgeOutcome> {
  const before = deps.clock.now() - retentionHours * HOUR_MS
  let deleted = 0
  let batches = 0
  for (;;) {
    const gone = await deleteIdempotencyKeysBefore(deps.db, before, batch)
    deleted += gone
    batches++
    if (gone < batch) return { deleted, batches }
  }
}
