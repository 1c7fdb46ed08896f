import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Kysely, sql } from 'kysely'
import { openDatabase } from '../../src/db/engine/database.js'
import type { DialectName } from '../../src/db/engine/dialect.js'
import { migrateOrThrow } from '../../src/db/engine/migrate.js'
import type { DB } from '../../src/db/engine/schema.js'
import { testDatabases } from '../support/databases.js'
import { TEST_POSTGRES_URL } from '../support/postgres-url.js'

/** A fresh migrated database that the CLI reaches by its URL, and the test by `db`. */
export interface CliDatabase {
  /** What DATABASE_URL says to reach it. */
  readonly url: string
  readonly db: Kysely<DB>
  close(): Promise<void>
}

/**
 * The engines CLI suites run on, as the database suites: SQLite always,
 * PostgreSQL when the global set-up found it answering.
 *
 * @example
 * describe.each(cliEngines())('%s', (engine) => { … openCliDatabase(engine) … })
 */
export function cliEngines(): DialectName[] {
  return testDatabases().map((engine) => engine.name)
}

/**
 * A fresh database on `engine`: a SQLite file in a folder of its own, or a
 * PostgreSQL schema of its own named in the URL (`options=-c search_path=…`,
 * which pg passes to the server, so the CLI needs nothing more to work in it).
 */
export async function openCliDatabase(engine: DialectName): Promise<CliDatabase> {
  if (engine === 'sqlite') {
    const directory = await mkdtemp(join(tmpdir(), 'examdesk-cli-'))
    const url = `sqlite:${join(directory, 'examdesk.db')}`
    const database = await openDatabase(url)
    await migrateOrThrow(database.db)
    return {
      url,
      db: database.db,
      close: async () => {
        await database.close()
        await rm(directory, { recursive: true, force: true })
      },
    }
  }
  const schema = `cli_${randomUUID().replaceAll('-', '')}`
  const address = new URL(TEST_POSTGRES_URL)
  address.searchParams.set('options', `-c search_path=${schema}`)
  const url = address.toString()
  const database = await openDatabase(url, { poolMax: 2 })
  await sql`create schema ${sql.id(schema)}`.execute(database.db)
  await migrateOrThrow(database.db)
  return {
    url,
    db: database.db,
    close: async () => {
      try {
        await sql`drop schema ${sql.id(schema)} cascade`.execute(database.db)
      } finally {
        await database.close()
      }
    },
  }
}
