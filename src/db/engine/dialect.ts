import { type Kysely, PostgresIntrospector, SqliteIntrospector } from 'kysely'

/**
 * A Kysely instance over any schema: what migrations receive, and what
 * `Kysely<DB>` and a transaction both are. (`Kysely<unknown>` does not accept
 * a `Kysely<DB>`: Kysely's types are invariant in the schema.)
 */
// biome-ignore lint/suspicious/noExplicitAny: any schema is the point here
export type AnyKysely = Kysely<any>

/** The database engines examdesk runs on. */
export type DialectName = 'sqlite' | 'postgres'

/**
 * Which engine a Kysely instance (or a transaction of one) talks to. Read
 * from its introspector, the public part of Kysely that differs per dialect,
 * so that migrations, which receive only a `Kysely`, can branch on it.
 */
export function dialectOf(db: AnyKysely): DialectName {
  const introspector = db.introspection
  if (introspector instanceof PostgresIntrospector) return 'postgres'
  if (introspector instanceof SqliteIntrospector) return 'sqlite'
  throw new Error('examdesk runs on SQLite or PostgreSQL only')
}
