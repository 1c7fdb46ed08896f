import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Kysely, sql } from 'kysely'
import { afterEach, beforeEach, inject } from 'vitest'
import { type Database, openDatabase } from '../../src/db/database.js'
import type { DialectName } from '../../src/db/dialect.js'
import { migrateOrThrow } from '../../src/db/migrate.js'
import type { DB } from '../../src/db/schema.js'
import { TEST_POSTGRES_URL } from './postgres-url.js'

export interface OpenTestOptions {
  /** Apply the migrations (default true); false gives an empty database. */
  readonly migrate?: boolean
  /** PostgreSQL: the pool's most connections (default 4; the server's own default is 10). */
  readonly poolMax?: number
}

/** One engine the database suites run on. */
export interface TestDatabase {
  readonly name: DialectName
  /** A fresh database of its own, migrated unless asked not to; `close()` throws it away. */
  open(options?: OpenTestOptions): Promise<Database>
}

/**
 * The engines to run database suites on: SQLite always, PostgreSQL when the
 * global set-up found it answering (it says so in one line when not).
 *
 * @example
 * describe.each(testDatabases())('$name', ({ open }) => { … })
 */
export function testDatabases(): TestDatabase[] {
  const engines: TestDatabase[] = [{ name: 'sqlite', open: (options) => openSqlite(options) }]
  // Without the global set-up (a test run from another config) nothing was
  // probed: try PostgreSQL, so that a missing server fails loudly.
  const probe = inject('postgres')
  if (probe === undefined || probe.reachable) {
    engines.push({ name: 'postgres', open: (options) => openPostgres(options) })
  }
  return engines
}

/** A fresh database on one engine, for tests outside `describe.each`. */
export function openTestDatabase(name: DialectName, options?: OpenTestOptions): Promise<Database> {
  return name === 'sqlite' ? openSqlite(options) : openPostgres(options)
}

/**
 * Opens a fresh database before each test of the enclosing suite and throws
 * it away after; returns a getter for the current one.
 *
 * @example
 * const db = useFreshDatabase(open)
 * it('…', async () => { await insertProvider(db(), …) })
 */
export function useFreshDatabase(
  open: TestDatabase['open'],
  options?: OpenTestOptions,
): () => Kysely<DB> {
  let current: Database | undefined
  beforeEach(async () => {
    current = await open(options)
  })
  afterEach(async () => {
    await current?.close()
    current = undefined
  })
  return () => {
    if (!current) throw new Error('The test database is open only inside a test')
    return current.db
  }
}

async function openSqlite(options: OpenTestOptions = {}): Promise<Database> {
  // A file rather than :memory:, so that tests run with WAL as production does.
  const directory = await mkdtemp(join(tmpdir(), 'examdesk-test-'))
  const database = await openDatabase(`sqlite:${join(directory, 'test.db')}`)
  return prepare(database, options, {
    afterClose: () => rm(directory, { recursive: true, force: true }),
  })
}

async function openPostgres(options: OpenTestOptions = {}): Promise<Database> {
  const schema = `test_${randomUUID().replaceAll('-', '')}`
  // Named after its schema, so a test can find its own connections among everyone's.
  const database = await openDatabase(TEST_POSTGRES_URL, {
    searchPath: schema,
    poolMax: options.poolMax ?? 4,
    applicationName: schema,
  })
  try {
    await sql`create schema ${sql.id(schema)}`.execute(database.db)
  } catch (error) {
    await database.db.destroy()
    throw error
  }
  return prepare(database, options, {
    beforeClose: async () => {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(database.db)
    },
  })
}

interface CleanUp {
  /** Runs while the database is still open (drop the schema). */
  readonly beforeClose?: () => Promise<void>
  /** Runs once it is closed (delete the file). */
  readonly afterClose?: () => Promise<void>
}

/** Migrates if asked, and makes `close()` also remove what the test made. */
async function prepare(
  database: Database,
  options: OpenTestOptions,
  cleanUp: CleanUp,
): Promise<Database> {
  const close = async () => {
    try {
      await cleanUp.beforeClose?.()
    } finally {
      await database.close()
      await cleanUp.afterClose?.()
    }
  }
  try {
    if (options.migrate ?? true) await migrateOrThrow(database.db)
  } catch (error) {
    await close()
    throw error
  }
  return { db: database.db, dialect: database.dialect, close }
}
