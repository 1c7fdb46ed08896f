/** The PostgreSQL that database tests use: `DATABASE_URL`, else the local test database. */
export const TEST_POSTGRES_URL =
  process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

/** What the global set-up found when it knocked on PostgreSQL's door. */
export interface PostgresProbe {
  readonly url: string
  readonly reachable: boolean
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: PostgresProbe
  }
}
