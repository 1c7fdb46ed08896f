import { type Kysely, sql } from 'kysely'
import { type Database, openDatabase } from '../../src/db/engine/database.js'
import { dialectOf } from '../../src/db/engine/dialect.js'
import type { DB } from '../../src/db/engine/schema.js'
import { TEST_POSTGRES_URL } from './postgres-url.js'

/**
 * A second, independent connection (a pool of its own) to the database a
 * test already has open, as a second examdesk process would have. Closing
 * it leaves the database alone.
 */
export async function openAnotherConnection(db: Kysely<DB>): Promise<Database> {
  if (dialectOf(db) === 'postgres') {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
    return openDatabase(TEST_POSTGRES_URL, { searchPath: rows[0]!.schema, poolMax: 4 })
  }
  const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(db)
  const main = rows.find((row) => row.name === 'main')
  if (!main?.file) throw new Error('the SQLite test database has no file')
  return openDatabase(`sqlite:${main.file}`)
}
