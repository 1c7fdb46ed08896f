import { type Actor, operatorPrincipal } from '../app/actor.js'
import type { AppDeps } from '../app/app-deps.js'
import { listProgrammesDue, releaseBetaResults } from '../app/beta/release-beta-results.js'
import type { WorkerLog } from './outbox-worker.js'
import { type PeriodicJob, startPeriodicJob } from './periodic-job.js'

/** The scheduled job acts as the system, recorded as such in the audit trail. */
const SYSTEM: Actor = {
  tokenId: 'system:beta-results',
  role: 'admin',
  channel: 'api',
  principal: operatorPrincipal('system:beta-results'),
}

/**
 * Releases beta results on their date without anyone pressing a button:
 * every `everyMs` (a minute by default) it releases each programme whose
 * date has come. Several server processes may run it: a release inside
 * one transaction, and a second run releases only what is left.
 */
export function startBetaResultsJob(
  deps: AppDeps,
  log: WorkerLog,
  everyMs = 60_000,
): PeriodicJob<number> {
  const releaseDue = async (): Promise<number> => {
    let released = 0
    for (const exam of await listProgrammesDue(deps)) {
      try {
        const outcome = await releaseBetaResults(deps, exam, SYSTEM)
        released += outcome.released
        log.info({ ...outcome }, 'beta results released')
      } catch (error) {
        log.error({ exam, err: error }, 'beta results release failed; tried again at the next tick')
      }
    }
    return released
  }
  return startPeriodicJob({ name: 'beta results release', everyMs, run: releaseDue, log })
}
