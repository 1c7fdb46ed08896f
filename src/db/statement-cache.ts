import type BetterSqlite from 'better-sqlite3'
import type { SqliteDatabase, SqliteStatement } from 'kysely'

const CACHE_LIMIT = 500

/**
 * better-sqlite3 compiles SQL each time `prepare` is called, and Kysely calls
 * it for every query; the same few hundred SQL texts recur, so their
 * statements are kept. A statement is reused only once its last run ended
 * (Kysely runs one query at a time per connection), so sharing is safe.
 */
export function withStatementCache(sqlite: BetterSqlite.Database): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>()
  return {
    close: () => {
      statements.clear()
      sqlite.close()
    },
    prepare: (sql: string) => {
      let statement = statements.get(sql)
      if (!statement) {
        if (statements.size >= CACHE_LIMIT) statements.clear()
        statement = sqlite.prepare(sql) as unknown as SqliteStatement
        statements.set(sql, statement)
      }
      return statement
    },
  }
}
