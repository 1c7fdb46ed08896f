import type BetterSqlite from 'better-sqlite3'
import type { SqliteDatabase, SqliteStatement } from 'kysely'

const CACHE_LIMIT = 500

interface Prepared {
  readonly statement: SqliteStatement
  /** SQLite's judgement: false when running it may change the database. */
  readonly readonly: boolean
}

/**
 * better-sqlite3 compiles SQL each time `prepare` is called, and Kysely calls
 * it for every query; the same few hundred SQL texts recur, so their
 * statements are kept. A statement is reused only once its last run ended
 * (Kysely runs one query at a time per connection), so sharing is safe.
 *
 * Kysely prepares every statement right before it runs it, so `onWrite` is
 * called just before each statement that may write runs.
 */
export function withStatementCache(
  sqlite: BetterSqlite.Database,
  onWrite: () => void = () => {},
): SqliteDatabase {
  const statements = new Map<string, Prepared>()
  return {
    close: () => {
      statements.clear()
      sqlite.close()
    },
    prepare: (sql: string) => {
      let prepared = statements.get(sql)
      if (!prepared) {
        if (statements.size >= CACHE_LIMIT) statements.clear()
        const statement = sqlite.prepare(sql)
        prepared = {
          statement: statement as unknown as SqliteStatement,
          readonly: statement.readonly,
        }
        statements.set(sql, prepared)
      }
      if (!prepared.readonly) onWrite()
      return prepared.statement
    },
  }
}
