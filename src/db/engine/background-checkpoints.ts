import { once } from 'node:events'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type { Kysely } from 'kysely'
import type { DB } from './schema.js'

/**
 * Pages the WAL may hold before the serving connection checkpoints it
 * itself, inside a commit, as SQLite does by default at 1,000. With
 * checkpoints in the background this is only the backstop for a
 * checkpointer that falls behind: one that keeps up has copied nearly every
 * page by then, so the connection's own checkpoint has little left to copy.
 */
export const BACKSTOP_CHECKPOINT_PAGES = 10_000

/**
 * Milliseconds between checkpoints that nobody asked for: they catch what
 * was written outside `runInTransaction`, which asks for one after each
 * commit.
 */
const INTERVAL_MS = 250

/**
 * The checkpointer, run as a worker thread. A `PASSIVE` checkpoint copies
 * what the WAL holds into the database file without waiting for, or
 * blocking, the writer. `synchronous = FULL` on this connection makes it
 * flush the WAL before copying and the database file after, so a page
 * leaves the WAL only once it is durable in the file.
 *
 * It runs as soon as a commit asks: SQLite starts the WAL over from its
 * beginning only when a write begins after everything in it was copied, so
 * the copy has to finish in the moment between one commit and the next.
 * Asks that arrive together make one checkpoint.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const sqlite = new Database(workerData.path, { fileMustExist: true })
sqlite.pragma('synchronous = FULL')
const checkpoint = sqlite.prepare('pragma wal_checkpoint(passive)')
let asked = false
let stopped = false
const run = () => {
  asked = false
  if (stopped) return
  try {
    checkpoint.get()
  } catch (error) {
    parentPort.postMessage({ error: String((error && error.message) || error) })
  }
}
const timer = setInterval(run, workerData.intervalMs)
parentPort.on('message', (message) => {
  if (message === 'stop') {
    stopped = true
    clearInterval(timer)
    sqlite.close()
    parentPort.close()
  } else if (!asked) {
    asked = true
    setImmediate(run)
  }
})
`

/**
 * Checkpoints a SQLite database in WAL mode from a thread of its own, so
 * that copying the WAL into the database file and flushing both happen
 * beside the event loop instead of inside one of its commits. Under steady
 * writes those copies grow with the database (each touches pages spread
 * over larger indexes), and inside a commit every request waiting on that
 * commit waited for them too.
 *
 * `runInTransaction` asks for a checkpoint after each of its commits.
 * The serving connection keeps checkpointing itself past
 * `BACKSTOP_CHECKPOINT_PAGES`, so the WAL stays bounded even if this thread
 * stops or falls behind. `stop` lets go of the thread's connection; call it
 * before closing the serving one, which then, as the last connection,
 * checkpoints what is left.
 */
export class BackgroundCheckpoints {
  private readonly worker: Worker
  private readonly exited: Promise<unknown>

  constructor(path: string, onError: (message: string) => void) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3')
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      // Not the process's flags: `--input-type=module` would read the source above as a module.
      execArgv: [],
      workerData: { driver, path, intervalMs: INTERVAL_MS },
    })
    this.exited = once(this.worker, 'exit')
    this.worker.on('message', (message: { error?: string }) => {
      if (message.error !== undefined) onError(message.error)
    })
    // An error that ends the thread (its connection would not open): the backstop checkpoints instead.
    this.worker.on('error', (error) => onError(error.message))
    // A server that stops without closing its database must not be held up by this thread.
    this.worker.unref()
  }

  /** Asks for a checkpoint now: a transaction has just committed. */
  afterCommit(): void {
    this.worker.postMessage('commit')
  }

  async stop(): Promise<void> {
    // Held while it lets go: a process with nothing else to do would otherwise end before the close does.
    this.worker.ref()
    this.worker.postMessage('stop')
    await this.exited
  }
}

const checkpointers = new WeakMap<Kysely<DB>, BackgroundCheckpoints>()

/** Makes `checkpoints` the background checkpointer of `db` (called by `openDatabase`). */
export function registerBackgroundCheckpoints(
  db: Kysely<DB>,
  checkpoints: BackgroundCheckpoints,
): void {
  checkpointers.set(db, checkpoints)
}

/** The background checkpointer of a SQLite database opened with one; undefined otherwise. */
export function backgroundCheckpointsOf(db: Kysely<DB>): BackgroundCheckpoints | undefined {
  return checkpointers.get(db)
}
