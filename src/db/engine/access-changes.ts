import { type Kysely, sql } from 'kysely'
import pg from 'pg'
import { changeWatchOf } from './change-watch.js'
import { dialectOf } from './dialect.js'
import { poolOf } from './pool-use.js'
import type { DB } from './schema.js'

const CHANNEL = 'examdesk_access'
/** How long a lost listening connection waits before it is opened again. */
const RELISTEN_MS = 1_000

/** Access changes made by this process and committed: see `noteAccessChanged`. */
let changedHere = 0

/**
 * Tells every other process that who may call has changed (a token
 * revoked): on PostgreSQL a notice delivered when the transaction commits,
 * and not at all if it rolls back. On SQLite other processes see the commit
 * itself (`PRAGMA data_version`), so nothing is sent.
 */
export async function announceAccessChange(trx: Kysely<DB>): Promise<void> {
  if (dialectOf(trx) === 'postgres') await sql`select pg_notify(${CHANNEL}, '')`.execute(trx)
}

/**
 * Tells this process, once the change is committed: its own commits do not
 * move SQLite's data version, and a notice may come after the next request.
 * Called before the commit, a lookup in between could remember the old state.
 */
export function noteAccessChanged(): void {
  changedHere++
}

/** Whether what was learnt about access can still be trusted. */
export interface AccessWatch {
  /**
   * A value that stays the same (`===`) for as long as nothing about access
   * can have changed; null when that cannot be told now (the listening
   * connection is being opened again, a transaction is open): look it up.
   */
  epoch(): unknown
  close(): Promise<void>
}

/**
 * Watches `db` for access changes by any process. On SQLite the epoch is the
 * connection's change stamp: any commit anywhere gives a new one, a
 * revocation among them. On PostgreSQL a connection of its own listens for
 * `announceAccessChange`; each notice, and each loss of that connection,
 * gives a new epoch, and while it is lost there is none.
 */
export function watchAccessChanges(
  db: Kysely<DB>,
  onTrouble: (error: unknown) => void = () => {},
): AccessWatch {
  const pool = poolOf(db)
  if (pool === null) {
    const watch = changeWatchOf(db)
    // Only other connections' commits move the data version, so the server's own writes keep the
    // epoch; inside a transaction the version last seen stands (it is read again between them).
    let dataVersion = watch?.stamp()?.dataVersion ?? 0
    return {
      epoch: () => {
        dataVersion = watch?.stamp()?.dataVersion ?? dataVersion
        return `${dataVersion}:${changedHere}`
      },
      close: async () => {},
    }
  }
  return new PostgresAccessWatch(pool, onTrouble)
}

class PostgresAccessWatch implements AccessWatch {
  /** Notices heard, and connections lost or opened: any change gives a new epoch. */
  #heard = 0
  #listening = false
  #client: pg.Client | null = null
  #closed = false
  #retry: NodeJS.Timeout | null = null

  constructor(
    private readonly pool: pg.Pool,
    private readonly onTrouble: (error: unknown) => void,
  ) {
    this.#listen()
  }

  epoch(): unknown {
    return this.#listening ? `${this.#heard}:${changedHere}` : null
  }

  async close(): Promise<void> {
    this.#closed = true
    this.#listening = false
    if (this.#retry) clearTimeout(this.#retry)
    await this.#client?.end().catch(() => {})
  }

  #listen(): void {
    this.#retry = null
    if (this.#closed) return
    const client = new pg.Client({ ...this.pool.options })
    this.#client = client
    const lost = (error: unknown) => {
      if (this.#client !== client) return
      this.#client = null
      this.#listening = false
      this.#heard++
      client.end().catch(() => {})
      if (this.#closed) return
      this.onTrouble(error)
      this.#retry = setTimeout(() => this.#listen(), RELISTEN_MS)
      this.#retry.unref()
    }
    client.on('error', lost)
    client.on('end', () => lost(new Error('the access-change listener was disconnected')))
    client.on('notification', () => {
      this.#heard++
    })
    client
      .connect()
      .then(() => client.query(`listen ${CHANNEL}`))
      .then(() => {
        if (this.#client !== client) return
        // Listening from now on: whatever was learnt before is looked up again.
        this.#heard++
        this.#listening = true
      })
      .catch(lost)
  }
}
