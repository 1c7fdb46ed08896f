import type { WorkerLog } from './outbox-worker.js'

export interface PeriodicJob<T> {
  /** Runs the work now (after any run under way); resolves with its result or rejects with its error. */
  tick(): Promise<T>
  /** Stops the timer and waits for the run under way. */
  stop(): Promise<void>
}

interface PeriodicJobOptions<T> {
  /** Named in the log line of a failed run. */
  readonly name: string
  readonly everyMs: number
  readonly run: () => Promise<T>
  readonly log: WorkerLog
}

/**
 * Runs `run` every `everyMs`, one run at a time. A run that fails (the
 * database away, say) is logged and tried again at the next tick: a job
 * never ends the process, and never leaves a rejected promise unhandled.
 * The timer alone does not keep the process alive.
 */
export function startPeriodicJob<T>(options: PeriodicJobOptions<T>): PeriodicJob<T> {
  const { name, run, log } = options
  let running: Promise<unknown> = Promise.resolve()
  const next = (): Promise<T> => {
    const result = running.then(run)
    // The chain goes on whatever this run does; its caller hears how it went.
    running = result.catch(() => {})
    return result
  }
  const timer = setInterval(() => {
    next().catch((error: unknown) => {
      log.error({ err: error, job: name }, `${name} failed; tried again at the next tick`)
    })
  }, options.everyMs)
  timer.unref()
  return {
    tick: next,
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
