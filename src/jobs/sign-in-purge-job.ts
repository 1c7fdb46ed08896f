import { purgeEndedSignIns, type SignInPurgeOutcome } from '../app/accounts/purge-ended-sign-ins.js'
import type { AppDeps } from '../app/app-deps.js'
import type { WorkerLog } from './outbox-worker.js'
import { type PeriodicJob, startPeriodicJob } from './periodic-job.js'

/**
 * Forgets, every `everyMs` (ten minutes by default), sessions ended or timed
 * out and sign-in and email-change requests spent or expired more than a
 * day ago; several processes may run it at once.
 */
export function startSignInPurgeJob(
  deps: Pick<AppDeps, 'db' | 'clock' | 'sessionTimeouts'>,
  log: WorkerLog,
  everyMs = 600_000,
): PeriodicJob<SignInPurgeOutcome> {
  return startPeriodicJob({
    name: 'ended sign-in purge',
    everyMs,
    log,
    run: async () => {
      const outcome = await purgeEndedSignIns(deps)
      if (outcome.sessions + outcome.signInRequests + outcome.emailChanges > 0)
        log.info({ ...outcome }, 'ended sessions and sign-in requests purged')
      return outcome
    },
  })
}
