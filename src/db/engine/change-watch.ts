import type BetterSqlite from 'better-sqlite3'
import type { Kysely } from 'kysely'
import type { DB } from './schema.js'

/**
 * A moment in a SQLite database's history, as one connection sees it: two
 * equal stamps taken at different times mean that nothing was committed in
 * between, by this connection or by any other.
 */
export interface ChangeStamp {
  /** Statements that may write, run on this connection so far. */
  readonly writes: number
  /** `PRAGMA data_version`: changes when another connection has committed. */
  readonly dataVersion: number
}

/**
 * Watches one SQLite connection for anything that may change what it reads.
 *
 * - Its own writes: every statement that may write (`readonly` false in
 *   SQLite's judgement, `sqlite3_stmt_readonly`) is counted as it is
 *   prepared to run, before it runs, so before any commit that makes it
 *   visible. A write rolled back later still counts: that only costs a read.
 * - Every other connection's commits (another process, another pool in this
 *   one): `PRAGMA data_version` differs after them. It does not change for
 *   this connection's own commits, hence the count above. It is read at
 *   most once per turn of the event loop, because each read is a read
 *   transaction with system calls for SQLite's shared-memory locks: a
 *   commit by another connection is seen by what is asked from the next
 *   turn on (under load, well under a millisecond later). Writes through
 *   this connection are counted at once, so they are never read stale.
 */
export class SqliteChangeWatch {
  private writes = 0
  private readonly dataVersion: BetterSqlite.Statement<[], number>
  /** `PRAGMA data_version` as read in this turn of the event loop; undefined: not read yet. */
  private versionThisTurn: number | undefined
  /** The stamp given last: given again while nothing changed, so that a question costs no new one. */
  private lastStamp: ChangeStamp = { writes: -1, dataVersion: -1 }
  private readonly forgetVersion = () => {
    this.versionThisTurn = undefined
  }

  constructor(private readonly sqlite: BetterSqlite.Database) {
    this.dataVersion = sqlite.prepare<[], number>('pragma data_version').pluck()
  }

  /** Called just before a statement that may write runs on the connection. */
  noteWrite(): void {
    this.writes++
  }

  /**
   * Where the database stands now; null when this cannot be told, because
   * a transaction is open on the connection (its snapshot hides later
   * commits of others, and its own writes are not committed) or because
   * the connection is busy or closed.
   */
  stamp(): ChangeStamp | null {
    if (!this.sqlite.open || this.sqlite.inTransaction) return null
    if (this.versionThisTurn === undefined) {
      try {
        // Outside a transaction this begins a read of its own: it sees every commit so far.
        this.versionThisTurn = this.dataVersion.get() as number
      } catch {
        return null
      }
      setImmediate(this.forgetVersion)
    }
    const last = this.lastStamp
    if (last.writes === this.writes && last.dataVersion === this.versionThisTurn) return last
    this.lastStamp = { writes: this.writes, dataVersion: this.versionThisTurn }
    return this.lastStamp
  }
}

const watches = new WeakMap<Kysely<DB>, SqliteChangeWatch>()

/** Makes `watch` the change watch of `db` (called by `openDatabase` for SQLite). */
export function registerChangeWatch(db: Kysely<DB>, watch: SqliteChangeWatch): void {
  watches.set(db, watch)
}

/**
 * The change watch of a database opened by `openDatabase` on SQLite;
 * undefined for PostgreSQL, for a transaction, and for any other Kysely.
 */
export function changeWatchOf(db: Kysely<DB>): SqliteChangeWatch | undefined {
  return watches.get(db)
}

export function sameStamp(a: ChangeStamp, b: ChangeStamp): boolean {
  return a.writes === b.writes && a.dataVersion === b.dataVersion
}
