import {
  type CountOutcome,
  type CountReportDaysDeps,
  countReportDays,
} from '../app/reports/count-report-days.js'
import type { WorkerLog } from './outbox-worker.js'
import { type PeriodicJob, startPeriodicJob } from './periodic-job.js'

/**
 * Counts the reports' closed days on the programme's clock (`timeZone`)
 * every `everyMs` (ten minutes by default): the days closed since the last
 * run and those whose rows changed since. A report never waits for it: what
 * is not counted yet is read from the rows. Several server processes may
 * run it at once (they take turns on PostgreSQL; a day counted twice is
 * counted the same).
 */
export function startReportCountJob(
  deps: CountReportDaysDeps,
  timeZone: string,
  log: WorkerLog,
  everyMs = 600_000,
): PeriodicJob<CountOutcome> {
  return startPeriodicJob({
    name: 'counting report days',
    everyMs,
    log,
    run: async () => {
      const outcome = await countReportDays(deps, timeZone)
      if (outcome.counted > 0) log.info({ ...outcome }, 'report days counted')
      return outcome
    },
  })
}
