import { purgePasskeyChallenges } from '../app/accounts/purge-passkey-challenges.js'
import type { AppDeps } from '../app/app-deps.js'
import type { WorkerLog } from './outbox-worker.js'
import { type PeriodicJob, startPeriodicJob } from './periodic-job.js'

/** Forgets expired passkey challenges every `everyMs` (ten minutes by default); several processes may run it at once. */
export function startPasskeyChallengePurgeJob(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  log: WorkerLog,
  everyMs = 600_000,
): PeriodicJob<{ readonly deleted: number }> {
  return startPeriodicJob({
    name: 'passkey challenge purge',
    everyMs,
    log,
    run: async () => {
      const outcome = await purgePasskeyChallenges(deps)
      if (outcome.deleted > 0) log.info({ ...outcome }, 'expired passkey challenges purged')
      return outcome
    },
  })
}
