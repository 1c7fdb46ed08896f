import pg from 'pg'

/** The PostgreSQL the benchmarks use: `BENCH_POSTGRES_URL`, a postgres `DATABASE_URL`, else the local test database. */
export const POSTGRES_URL =
  process.env.BENCH_POSTGRES_URL ??
  (process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined) ??
  'postgres://postgres@127.0.0.1:5432/test'

/** Runs `work` on a connection of its own to `url`, closed afterwards. */
export async function onPostgres(
  url: string,
  work: (client: pg.Client) => Promise<unknown>,
): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await work(client)
  } finally {
    await client.end()
  }
}

/** Whether a PostgreSQL answers at `url` within two seconds. */
export async function postgresAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: 2000,
    query_timeout: 2000,
  })
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
