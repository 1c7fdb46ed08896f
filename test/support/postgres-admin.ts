import pg from 'pg'
import { TEST_POSTGRES_URL } from './postgres-url.js'

/**
 * One connection kept for making and dropping schemas: a new connection's
 * server process starts with cold catalog caches, and copying a schema reads
 * the catalogue a great deal. Closed after a second unused, and never keeps
 * the process alive.
 */
const admin = new pg.Pool({
  connectionString: TEST_POSTGRES_URL,
  max: 1,
  idleTimeoutMillis: 1_000,
  allowExitOnIdle: true,
})
admin.on('error', () => {})

/** Runs statements on the test PostgreSQL (to make or drop a schema), in the simple protocol. */
export async function runAsAdmin(statements: string): Promise<void> {
  await admin.query(statements)
}
