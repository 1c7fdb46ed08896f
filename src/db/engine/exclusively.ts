import { sql } from 'kysely'
import { type AnyKysely, dialectOf } from './dialect.js'

/**
 * Runs `work` while this process holds the lock called `name` in this
 * database, so that of several processes starting at the same moment on
 * one PostgreSQL, one migrates (or installs the programme) and the others
 * wait for it, then find the work done, instead of racing it into a
 * duplicate key.
 *
 * PostgreSQL: a session advisory lock on one pooled connection, keyed by
 * the schema as well as the name (tests and tenants keep several examdesk
 * schemas in one database). The lock goes with the connection, so a
 * process that dies holding it frees it. `work` may use any connection.
 *
 * SQLite has one writer at a time already and is served by one process:
 * `work` simply runs.
 */
export async function exclusively<T>(
  db: AnyKysely,
  name: string,
  work: () => Promise<T>,
): Promise<T> {
  if (db.isTransaction || dialectOf(db) !== 'postgres') return work()
  return db.connection().execute(async (connection) => {
    const key = sql`hashtext(current_schema() || ${`:examdesk:${name}`})`
    await sql`select pg_advisory_lock(${LOCK_SPACE}, ${key})`.execute(connection)
    try {
      return await work()
    } finally {
      await sql`select pg_advisory_unlock(${LOCK_SPACE}, ${key})`.execute(connection)
    }
  })
}

// The first half of every examdesk advisory lock key, so that another
// application's advisory locks in the same database cannot collide with ours.
const LOCK_SPACE = 0x45_58_44 // "EXD"
