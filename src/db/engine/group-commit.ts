import { type ControlledTransaction, type Kysely, sql, type Transaction } from 'kysely'
import { type BackgroundCheckpoints, backgroundCheckpointsOf } from './background-checkpoints.js'
import { dialectOf } from './dialect.js'
import { GroupSizes } from './group-sizes.js'
import type { DB } from './schema.js'

/**
 * Most transactions one SQLite commit carries: bounds how long the first of
 * them waits for its answer while the others run.
 */
export const MAX_GROUP = 64

/**
 * Runs `work` in a transaction of its own and resolves once it is durably
 * committed, like `db.transaction().execute(work)`.
 *
 * On SQLite, transactions that arrive while others run are committed
 * together (group commit): SQLite has one writer, so they ran one after the
 * other anyway, and with `synchronous = FULL` each commit waits for the
 * disk; one commit for a group waits once. Each still stands alone: it runs
 * inside a savepoint of the group's transaction, and one that fails is
 * rolled back to its savepoint, leaving the others as they were. Nobody gets
 * an answer before the group's commit has returned, a refusal included
 * (it may rest on what an earlier member of the group wrote): if that commit
 * fails, every member fails with its error, and nothing of any is kept.
 *
 * On PostgreSQL this is `db.transaction().execute(work)`: its transactions
 * run side by side, and it groups their commits itself.
 */
export function runInTransaction<T>(
  db: Kysely<DB>,
  work: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  const group = groupCommitOf(db)
  return group === null ? db.transaction().execute(work) : group.run(work)
}

/** The sizes of the groups committed on `db` so far; null on PostgreSQL, which does not group. */
export function groupCommitSizesOf(db: Kysely<DB>): GroupSizes | null {
  return groupCommitOf(db)?.sizes ?? null
}

function groupCommitOf(db: Kysely<DB>): GroupCommit | null {
  let group = groups.get(db)
  if (group === undefined) {
    if (db.isTransaction) throw new Error('runInTransaction needs the database, not a transaction')
    group =
      dialectOf(db) === 'sqlite' ? new GroupCommit(db, backgroundCheckpointsOf(db) ?? null) : null
    groups.set(db, group)
  }
  return group
}

/** Each database's group committer; null for PostgreSQL. */
const groups = new WeakMap<Kysely<DB>, GroupCommit | null>()

interface Pending {
  readonly work: (trx: Transaction<DB>) => Promise<unknown>
  readonly resolve: (value: unknown) => void
  readonly reject: (error: unknown) => void
}

type Outcome =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: unknown }

/** The SQLite group committer of one database: a queue, and at most one open group at a time. */
class GroupCommit {
  private readonly queue: Pending[] = []
  private running = false
  readonly sizes = new GroupSizes()

  constructor(
    private readonly db: Kysely<DB>,
    private readonly checkpoints: BackgroundCheckpoints | null,
  ) {}

  run<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject })
      if (!this.running) void this.drain()
    })
  }

  /** Commits groups until the queue is empty. */
  private async drain(): Promise<void> {
    this.running = true
    try {
      while (this.queue.length > 0) await this.commitGroup()
    } finally {
      this.running = false
    }
  }

  /**
   * One transaction: members from the queue, one savepoint each, while
   * there are any (looking again after the event loop has read the sockets,
   * so that requests that came meanwhile join), up to `MAX_GROUP`; then one
   * commit, and only then the answers.
   */
  private async commitGroup(): Promise<void> {
    const members: { readonly pending: Pending; readonly outcome: Outcome }[] = []
    let trx: ControlledTransaction<DB>
    try {
      trx = await this.db.startTransaction().execute()
    } catch (error) {
      // Not even begun: whoever waits hears why (the next group tries again).
      for (const pending of this.queue.splice(0, MAX_GROUP)) pending.reject(error)
      return
    }
    let failure: { readonly error: unknown } | null = null
    while (members.length < MAX_GROUP && failure === null) {
      const pending = this.queue.shift()
      if (!pending) {
        // Let the event loop take in what arrived while this group ran.
        await new Promise((resolve) => setImmediate(resolve))
        if (this.queue.length === 0) break
        continue
      }
      await sql`savepoint member`.execute(trx)
      try {
        const value = await pending.work(trx)
        await sql`release member`.execute(trx)
        members.push({ pending, outcome: { ok: true, value } })
      } catch (error) {
        members.push({ pending, outcome: { ok: false, error } })
        try {
          await sql`rollback to member`.execute(trx)
          await sql`release member`.execute(trx)
        } catch {
          // SQLite rolled back the whole transaction on this error (a full
          // disk, an I/O error): the group is lost, for that reason.
          failure = { error }
        }
      }
    }
    this.sizes.observe(members.length)
    if (failure === null) {
      try {
        await trx.commit().execute()
      } catch (error) {
        failure = { error }
      }
    }
    if (failure !== null) {
      await trx
        .rollback()
        .execute()
        .catch(() => {})
      for (const { pending } of members) pending.reject(failure.error)
      return
    }
    this.checkpoints?.afterCommit()
    for (const { pending, outcome } of members) {
      if (outcome.ok) pending.resolve(outcome.value)
      else pending.reject(outcome.error)
    }
  }
}
