import type { AppDeps } from '../app/app-deps.js'
import { expireHolds } from '../app/registrations/expire-holds.js'
import type { WorkerLog } from './outbox-worker.js'
import { type PeriodicJob, startPeriodicJob } from './periodic-job.js'

/**
 * Gives back the seats of unpaid holds whose time ran out: every `everyMs`
 * (30 seconds by default, so a seat comes back within half a minute of its
 * hold's end). Several server processes may run it at once: each hold is
 * released in its own transaction, by a conditional update, exactly once.
 * `tick()` resolves with the number of holds released.
 */
export function startHoldExpiryJob(
  deps: AppDeps,
  log: WorkerLog,
  everyMs = 30_000,
): PeriodicJob<number> {
  return startPeriodicJob({
    name: 'releasing expired holds',
    everyMs,
    log,
    run: async () => {
      const outcome = await expireHolds(deps)
      if (outcome.released > 0) log.info({ ...outcome }, 'unpaid holds released')
      return outcome.released
    },
  })
}
