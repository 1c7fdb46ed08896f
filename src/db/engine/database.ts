import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import pg from 'pg'
import {
  BACKSTOP_CHECKPOINT_PAGES,
  BackgroundCheckpoints,
  registerBackgroundCheckpoints,
} from './background-checkpoints.js'
import { registerChangeWatch, SqliteChangeWatch } from './change-watch.js'
import type { DialectName } from './dialect.js'
import { type PoolWatch, registerPoolWatch } from './pool-use.js'
import { preparingStatements } from './prepared-statements.js'
import type { DB } from './schema.js'
import { withStatementCache } from './statement-cache.js'

/** An open database: the Kysely instance, which engine it is, and how to let it go. */
export interface Database {
  readonly db: Kysely<DB>
  readonly dialect: DialectName
  close(): Promise<void>
}

export interface OpenDatabaseOptions {
  /** PostgreSQL: most connections in the pool (default 10). */
  readonly poolMax?: number
  /** PostgreSQL: the schema to work in, set on every new connection (tests use a fresh one each). */
  readonly searchPath?: string
  /** PostgreSQL: the connections' `application_name` (default: the URL's or PGAPPNAME, else `examdesk`). */
  readonly applicationName?: string
  /** PostgreSQL: told of each connection that dies under the pool; the pool replaces it on next use. */
  readonly onConnectionLost?: (error: Error) => void
  /**
   * SQLite file: checkpoint the WAL from a thread of its own instead of
   * inside commits (`examdesk serve` does; one-off commands do not need the
   * thread). Told of each checkpoint that failed; the next one tries again.
   */
  readonly checkpointInBackground?: { readonly onError: (message: string) => void }
}

/**
 * PostgreSQL: longest wait for a connection, whether a new one or one to
 * come free. Past it the request is answered `DATABASE_UNAVAILABLE`
 * instead of hanging while the server is unreachable.
 */
const CONNECT_TIMEOUT_MS = 5_000

const SQLITE_PREFIX = 'sqlite:'

/**
 * Opens the database a URL names: `sqlite:data/examdesk.db`, `sqlite::memory:`,
 * or `postgres://user@host:5432/name` (`postgresql://` too).
 *
 * @example
 * const { db, close } = await openDatabase('sqlite:data/examdesk.db')
 */
export async function openDatabase(
  url: string,
  options: OpenDatabaseOptions = {},
): Promise<Database> {
  if (url.startsWith(SQLITE_PREFIX)) return openSqlite(url.slice(SQLITE_PREFIX.length), options)
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    return openPostgres(url, options)
  }
  throw new Error(
    `Unsupported database URL "${redactUrl(url)}": use sqlite:PATH, sqlite::memory: or postgres://…`,
  )
}

/** The file a `sqlite:PATH` URL names, as written; null for `sqlite::memory:` and other engines. */
export function sqliteFileOf(url: string): string | null {
  if (!url.startsWith(SQLITE_PREFIX)) return null
  const path = url.slice(SQLITE_PREFIX.length)
  return path === '' || path === ':memory:' ? null : path
}

/**
 * Pages of a SQLite connection's own cache, as KiB (negative, SQLite's
 * convention): 64 MiB. The default, 2 MiB, holds little of the indexes a
 * booking updates once they have grown, so each booking read them again
 * from the file (measured: a group of 50 bookings spent 6–8 ms in its
 * statements with this cache, 10–19 ms with the default, on a database of
 * 150,000–450,000 registrations).
 */
const SQLITE_CACHE_KIB = 64 * 1024

function openSqlite(path: string, options: OpenDatabaseOptions): Database {
  if (path === '')
    throw new Error('The SQLite URL names no file: use sqlite:PATH or sqlite::memory:')
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const sqlite = new SqliteDatabase(path)
  // WAL lets readers run beside the writer; synchronous=FULL makes a commit
  // survive power loss, not only a crash of the process.
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  // Savepoint and statement journals (every grouped booking is a savepoint)
  // in memory, not in a temporary file opened and deleted per transaction.
  // They only ever serve a rollback inside a live transaction; after a
  // crash the WAL alone recovers the database.
  sqlite.pragma('temp_store = MEMORY')
  sqlite.pragma(`cache_size = -${SQLITE_CACHE_KIB}`)
  let checkpoints: BackgroundCheckpoints | null = null
  if (options.checkpointInBackground !== undefined && path !== ':memory:') {
    sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`)
    checkpoints = new BackgroundCheckpoints(path, options.checkpointInBackground.onError)
  }
  // Every statement Kysely runs passes the watch, which tells remembered reads when to go stale.
  const watch = new SqliteChangeWatch(sqlite)
  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite, () => watch.noteWrite()) }),
  })
  registerChangeWatch(db, watch)
  if (checkpoints !== null) registerBackgroundCheckpoints(db, checkpoints)
  const close = async () => {
    await checkpoints?.stop()
    await db.destroy()
    // Kysely closes the file only if a query ever ran; a database opened and closed unused must let go of it too.
    if (sqlite.open) sqlite.close()
  }
  return { db, dialect: 'sqlite', close }
}

function openPostgres(url: string, options: OpenDatabaseOptions): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolMax ?? 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // TCP keepalive from 10 s of silence: a connection whose peer vanished
    // without a word (a failover, a dropped route) is found dead in minutes
    // instead of the system's default two hours.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    fallback_application_name: 'examdesk',
    ...(options.applicationName === undefined ? {} : { application_name: options.applicationName }),
    // The schema is a startup parameter of every connection, not a statement
    // run after it opens: a connection that dies then cannot be left out of
    // the pool half set up.
    ...(options.searchPath === undefined
      ? {}
      : { options: `-c search_path=${escapeOption(quoteIdentifier(options.searchPath))}` }),
  })
  const watch: PoolWatch = { pool, lost: 0 }
  const lost = (error: Error) => {
    watch.lost++
    options.onConnectionLost?.(error)
  }
  // A connection that dies (pg_terminate_backend, a restart, a proxy's idle
  // timeout) emits 'error': idle, on the pool, which has already dropped
  // it; lent out, on the client, which then fails its queries and is
  // dropped when given back. Without listeners either ends the process.
  // The client's listener, below, reports both.
  pool.on('error', () => {})
  pool.on('connect', (client) => {
    // A terminated backend says so and then closes its socket: pg may report both, one loss.
    let reported = false
    client.on('error', (error) => {
      if (reported) return
      reported = true
      lost(error)
    })
    // A new connection (a replacement included) prepares its statements afresh.
    preparingStatements(client)
  })
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
  registerPoolWatch(db, watch)
  return { db, dialect: 'postgres', close: () => db.destroy() }
}

/** A PostgreSQL identifier, quoted so that any name is taken literally. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

/** A value inside libpq's `options` parameter, where spaces and backslashes are escaped. */
function escapeOption(value: string): string {
  return value.replace(/[\\\s]/g, (character) => `\\${character}`)
}

/** The URL with any password hidden, fit for a log line or an error. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]*:)[^@/]*@/, '$1***@')
}
