import {
  type PurgeIdempotencyKeysDeps,
  type PurgeOutcome,
  purgeIdempotencyKeys,
} from '../app/operations/purge-idempotency-keys.js'
import type { WorkerLog } from './outbox-worker.js'
import { type PeriodicJob, startPeriodicJob } from './periodic-job.js'

/**
 * Purges idempotency keys older than `retentionHours` every `everyMs` (ten
 * minutes by default), so the table holds about a retention's worth of
 * requests. Several server processes may run it at once.
 */
export function startIdempotencyPurgeJob(
  deps: PurgeIdempotencyKeysDeps,
  retentionHours: number,
  log: WorkerLog,
  everyMs = 600_000,
): PeriodicJob<PurgeOutcome> {
  return startPeriodicJob({
    name: 'idempotency key purge',
    everyMs,
    log,
    run: async () => {
      const outcome = await purgeIdempotencyKeys(deps, retentionHours)
      if (outcome.deleted > 0) log.info({ ...outcome }, 'idempotency keys purged')
      return outcome
    },
  })
}
