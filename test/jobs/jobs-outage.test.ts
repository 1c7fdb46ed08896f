import { describe, expect, it } from 'vitest'
import { fixedClock } from '../../src/app/clock.js'
import { readConfig } from '../../src/config.js'
import { startBetaResultsJob } from '../../src/jobs/beta-results-job.js'
import { startIdempotencyPurgeJob } from '../../src/jobs/idempotency-purge-job.js'
import { startOutboxWorker, type WorkerLog } from '../../src/jobs/outbox-worker.js'
import { startPeriodicJob } from '../../src/jobs/periodic-job.js'
import { startSignInPurgeJob } from '../../src/jobs/sign-in-purge-job.js'
import { readMailSettings } from '../../src/mail/mail-settings.js'
import { FACTORY_EPOCH } from '../factories/catalogue.js'
import { testDatabases } from '../support/databases.js'

/** A log that counts its error lines. */
function countingLog(): WorkerLog & { errors: number } {
  const log = {
    errors: 0,
    info() {},
    warn() {},
    error() {
      log.errors++
    },
  }
  return log
}

/** Resolves once `done()` holds, polling every few milliseconds; fails after `tries` looks. */
async function until(what: string, done: () => boolean, tries = 400): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (done()) return
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  throw new Error(`never: ${what}`)
}

describe('a periodic job', () => {
  it('logs a failed run and runs again at the next tick', async () => {
    const log = countingLog()
    let runs = 0
    const job = startPeriodicJob({
      name: 'flaky',
      everyMs: 5,
      log,
      run: async () => {
        runs++
        if (runs <= 2) throw new Error('database unreachable')
        return runs
      },
    })
    try {
      await until('a run after two failures', () => runs >= 3)
      expect(log.errors).toBe(2)
      // A run asked for directly says how it went.
      expect(await job.tick()).toBeGreaterThan(3)
    } finally {
      await job.stop()
    }
  })
})

describe.each(testDatabases())('background jobs while the database is away ($name)', ({ open }) => {
  it('log each failed run, go on ticking, and never end the process', async () => {
    const database = await open()
    const deps = { db: database.db, clock: fixedClock(FACTORY_EPOCH) }
    // Closed under them: every statement the jobs run now fails.
    await database.close()
    const log = countingLog()
    const beta = startBetaResultsJob({ ...deps, mail: readMailSettings(readConfig({})) }, log, 5)
    const purge = startIdempotencyPurgeJob(deps, 24, log, 5)
    const signInPurge = startSignInPurgeJob(deps, log, 5)
    const transport = { name: 'none', deliver: async () => {}, close: async () => {} }
    const outbox = startOutboxWorker({ ...deps, transport, log, pollMs: 5 })
    try {
      await until('several failed runs of each', () => log.errors >= 12)
      await expect(beta.tick()).rejects.toThrow()
      await expect(purge.tick()).rejects.toThrow()
      await expect(signInPurge.tick()).rejects.toThrow()
      await expect(outbox.drain()).rejects.toThrow()
    } finally {
      await beta.stop()
      await purge.stop()
      await signInPurge.stop()
      await outbox.stop()
    }
  })
})
