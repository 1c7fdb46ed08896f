import { expireHolds } from '../app/expire-holds.js'
import type { RegisterDeps } from '../app/register.js'
import type { WorkerLog } from './outbox-worker.js'

export interface HoldExpiryJob {
  /** Releases every hold expired now; for tests and the first tick. */
  tick(): Promise<number>
  stop(): Promise<void>
}

/**
 * Gives back the seats of unpaid holds whose time ran out: every `everyMs`
 * (30 seconds by default, so a seat comes back within half a minute of its
 * hold's end). Several server processes may run it at once: each hold is
 * released in its own transaction, by a conditional update, exactly once.
 */
export function startHoldExpiryJob(
  deps: RegisterDeps,
  log: WorkerLog,
  everyMs = 30_000,
): HoldExpiryJob {
  let running: Promise<number> = Promise.resolve(0)
  const tick = async (): Promise<number> => {
    try {
      const outcome = await expireHolds(deps)
      if (outcome.released > 0) log.info({ ...outcome }, 'unpaid holds released')
      return outcome.released
    } catch (error) {
      log.error({ error }, 'releasing expired holds failed; tried again at the next tick')
      return 0
    }
  }
  const timer = setInterval(() => {
    running = running.then(tick, tick)
  }, everyMs)
  timer.unref()
  return {
    tick: () => {
      running = running.then(tick, tick)
      return running
    },
    async stop() {
      clearInterval(timer)
      await running.catch(() => 0)
    },
  }
}
