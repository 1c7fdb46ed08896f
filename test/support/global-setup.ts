import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { redactUrl } from '../../src/db/database.js'
import { type PostgresProbe, TEST_POSTGRES_URL } from './postgres-url.js'

const PROBE_TIMEOUT_MS = 2_000

/**
 * Asks PostgreSQL once, before any test file runs, whether it answers, and
 * hands the answer to every test file (`inject('postgres')`), so that the
 * PostgreSQL variants are skipped with one line instead of each timing out.
 */
export default async function setup(project: TestProject): Promise<void> {
  const reachable = await probe(TEST_POSTGRES_URL)
  if (!reachable) {
    console.warn(
      `PostgreSQL not reachable at ${redactUrl(TEST_POSTGRES_URL)}: PostgreSQL variants of database tests are skipped`,
    )
  }
  const result: PostgresProbe = { url: TEST_POSTGRES_URL, reachable }
  project.provide('postgres', result)
}

async function probe(url: string): Promise<boolean> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: PROBE_TIMEOUT_MS,
    query_timeout: PROBE_TIMEOUT_MS,
  })
  // A failed connect may still emit 'error' later; without a listener that would crash the run.
  client.on('error', () => {})
  try {
    await client.connect()
    await client.query('select 1')
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}
