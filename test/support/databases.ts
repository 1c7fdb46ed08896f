import { randomUUID } from 'node:crypto'
import { copyFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Kysely, sql } from 'kysely'
import { afterEach, beforeEach, inject } from 'vitest'
import { type Database, openDatabase, quoteIdentifier } from '../../src/db/engine/database.js'
import type { DialectName } from '../../src/db/engine/dialect.js'
import type { DB } from '../../src/db/engine/schema.js'
import { runAsAdmin } from './postgres-admin.js'
import { TEST_POSTGRES_URL } from './postgres-url.js'
import {
  fillDatabase,
  newPreparedTokens,
  type PreparedContent,
  type PreparedDatabases,
  type PreparedTokens,
} from './prepared-databases.js'
import { copySchemaStatements } from './schema-copy.js'

export interface OpenTestOptions {
  /** Apply the migrations (default true); false gives an empty database. */
  readonly migrate?: boolean
  /** What the migrated database holds (default `migrated`: nothing); see PreparedContent. */
  readonly content?: PreparedContent
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

/** The secret of each role's token in a database opened with content `programme` or `demo`. */
export function preparedTokens(): PreparedTokens {
  return prepared()?.tokens ?? ownTokens
}

/** Tokens for the databases a test file fills itself, when no global set-up prepared any. */
const ownTokens = newPreparedTokens()

function prepared(): PreparedDatabases | undefined {
  return inject('preparedDatabases')
}

/** What to put in a new database: null for nothing at all (not even the migrations). */
function contentOf(options: OpenTestOptions): PreparedContent | null {
  if (options.migrate === false) return null
  return options.content ?? 'migrated'
}

async function openSqlite(options: OpenTestOptions = {}): Promise<Database> {
  // A file rather than :memory:, so that tests run with WAL as production does.
  const directory = await mkdtemp(join(tmpdir(), 'examdesk-test-'))
  const file = join(directory, 'test.db')
  const content = contentOf(options)
  const template = content === null ? undefined : prepared()?.sqlite[content]
  if (template !== undefined) await copyFile(template, file)
  const database = await openDatabase(`sqlite:${file}`)
  const close = async () => {
    try {
      await database.close()
    } finally {
      await rm(directory, { recursive: true, force: true })
    }
  }
  if (content !== null && template === undefined) await fillOrClose(database, content, close)
  reopeners.set(database.db, () => openDatabase(`sqlite:${file}`))
  return { db: database.db, dialect: database.dialect, close }
}

async function openPostgres(options: OpenTestOptions = {}): Promise<Database> {
  const schema = `test_${randomUUID().replaceAll('-', '')}`
  const content = contentOf(options)
  const postgres = prepared()?.postgres
  const copy =
    content !== null && postgres
      ? copySchemaStatements(postgres.script, postgres.schemas[content], schema)
      : null
  await runAsAdmin(copy ?? `create schema ${quoteIdentifier(schema)}`)
  // Named after its schema, so a test can find its own connections among everyone's.
  const database = await openDatabase(TEST_POSTGRES_URL, {
    searchPath: schema,
    poolMax: options.poolMax ?? 4,
    applicationName: schema,
  })
  const close = async () => {
    try {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(database.db)
    } finally {
      await database.close()
    }
  }
  if (content !== null && copy === null) await fillOrClose(database, content, close)
  reopeners.set(database.db, () =>
    openDatabase(TEST_POSTGRES_URL, { searchPath: schema, poolMax: 2, applicationName: schema }),
  )
  return { db: database.db, dialect: database.dialect, close }
}

const reopeners = new WeakMap<Kysely<DB>, () => Promise<Database>>()

/**
 * The same test database opened once more, as another process would: a
 * connection (SQLite) or pool (PostgreSQL) of its own. Close it before the
 * test's database is thrown away.
 */
export function openAnotherHandle(db: Kysely<DB>): Promise<Database> {
  const reopen = reopeners.get(db)
  if (!reopen) throw new Error('Only a database opened by testDatabases() can be opened again')
  return reopen()
}

async function fillOrClose(
  database: Database,
  content: PreparedContent,
  close: () => Promise<void>,
): Promise<void> {
  try {
    await fillDatabase(database, content, preparedTokens())
  } catch (error) {
    await close()
    throw error
  }
}
