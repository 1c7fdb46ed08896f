import { randomBytes } from 'node:crypto'
import { copyFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { openDatabase, quoteIdentifier, redactUrl } from '../../src/db/engine/database.js'
import { buildWebAppForTests } from '../browser/web-build.js'
import { runAsAdmin } from './postgres-admin.js'
import { type PostgresProbe, TEST_POSTGRES_URL } from './postgres-url.js'
import {
  fillDatabase,
  newPreparedTokens,
  type PreparedContent,
  type PreparedDatabases,
  type PreparedTokens,
} from './prepared-databases.js'
import { copySchemaStatements, scriptToCopySchema } from './schema-copy.js'

const PROBE_TIMEOUT_MS = 2_000

/**
 * Asks PostgreSQL once, before any test file runs, whether it answers, and
 * hands the answer to every test file (`inject('postgres')`), so that the
 * PostgreSQL variants are skipped with one line instead of each timing out.
 * Then builds the prepared databases each test copies (`inject('preparedDatabases')`),
 * and removes them when the run ends.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const reachable = await probe(TEST_POSTGRES_URL)
  if (!reachable) {
    console.warn(
      `PostgreSQL not reachable at ${redactUrl(TEST_POSTGRES_URL)}: PostgreSQL variants of database tests are skipped`,
    )
  }
  const result: PostgresProbe = { url: TEST_POSTGRES_URL, reachable }
  project.provide('postgres', result)

  const tokens = newPreparedTokens()
  const [sqlite, postgres] = await Promise.all([
    prepareSqlite(tokens),
    reachable ? preparePostgres(tokens) : undefined,
  ])
  project.provide('preparedDatabases', {
    sqlite: sqlite.prepared,
    postgres: postgres?.prepared ?? null,
    tokens,
  })
  // Browser tests serve the web app as `npm start` builds it: about two seconds, once per run.
  const web = await buildWebAppForTests()
  project.provide('webApp', web.dir)
  return async () => {
    await Promise.all([sqlite.remove(), postgres?.remove(), web.remove()])
  }
}

interface PreparedSqlite {
  readonly prepared: PreparedDatabases['sqlite']
  remove(): Promise<void>
}

interface PreparedPostgres {
  readonly prepared: NonNullable<PreparedDatabases['postgres']>
  remove(): Promise<void>
}

/** One closed SQLite file per content: the migrated one first, the others from a copy of it. */
async function prepareSqlite(tokens: PreparedTokens): Promise<PreparedSqlite> {
  const directory = await mkdtemp(join(tmpdir(), 'examdesk-prepared-'))
  const files = {
    migrated: join(directory, 'migrated.db'),
    programme: join(directory, 'programme.db'),
    demo: join(directory, 'demo.db'),
  }
  const remove = () => rm(directory, { recursive: true, force: true })
  const fill = async (content: PreparedContent) => {
    const database = await openDatabase(`sqlite:${files[content]}`)
    try {
      await fillDatabase(database, content, tokens)
    } finally {
      // Closing the last connection folds the WAL into the file: a copy of the file is the whole database.
      await database.close()
    }
  }
  try {
    await fill('migrated')
    await Promise.all(
      (['programme', 'demo'] as const).map(async (content) => {
        await copyFile(files.migrated, files[content])
        await fill(content)
      }),
    )
    return { prepared: files, remove }
  } catch (error) {
    await remove()
    throw error
  }
}

/**
 * One schema per content in the test PostgreSQL, built as the SQLite files
 * are, and the script that copies them (`scriptToCopySchema`).
 */
async function preparePostgres(tokens: PreparedTokens): Promise<PreparedPostgres> {
  const prefix = `examdesk_prepared_${randomBytes(6).toString('hex')}`
  const schemas = {
    migrated: `${prefix}_migrated`,
    programme: `${prefix}_programme`,
    demo: `${prefix}_demo`,
  }
  const remove = () =>
    runAsAdmin(
      Object.values(schemas)
        .map((schema) => `drop schema if exists ${quoteIdentifier(schema)} cascade`)
        .join(';'),
    )
  const fill = async (content: PreparedContent) => {
    const database = await openDatabase(TEST_POSTGRES_URL, {
      searchPath: schemas[content],
      poolMax: 2,
    })
    try {
      await fillDatabase(database, content, tokens)
    } finally {
      await database.close()
    }
  }
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL })
  try {
    await runAsAdmin(`create schema ${quoteIdentifier(schemas.migrated)}`)
    await fill('migrated')
    await client.connect()
    const script = await scriptToCopySchema(client, schemas.migrated)
    await Promise.all(
      (['programme', 'demo'] as const).map(async (content) => {
        await runAsAdmin(copySchemaStatements(script, schemas.migrated, schemas[content]))
        await fill(content)
      }),
    )
    return { prepared: { schemas, script }, remove }
  } catch (error) {
    await remove()
    throw error
  } finally {
    await client.end()
  }
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
