import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { TEST_POSTGRES_URL } from '../support/postgres-url.js'
import { describeRun, runCli } from './run-cli.js'

/**
 * `examdesk migrate` on PostgreSQL, in a fresh schema of its own: the URL
 * carries `options=-c search_path=<schema>`, which pg passes to the server,
 * so the CLI needs no option of its own to work in it. Skipped, like the
 * other PostgreSQL variants, when the global set-up found no server.
 */
const reachable = inject('postgres')?.reachable ?? true

describe.skipIf(!reachable)('examdesk migrate on PostgreSQL (a schema of its own)', () => {
  const schema = `cli_${randomUUID().replaceAll('-', '')}`
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL })

  beforeAll(async () => {
    await admin.connect()
    await admin.query(`create schema "${schema}"`)
  })
  afterAll(async () => {
    await admin.query(`drop schema if exists "${schema}" cascade`)
    await admin.end()
  })

  function urlInSchema(): string {
    const url = new URL(TEST_POSTGRES_URL)
    url.searchParams.set('options', `-c search_path=${schema}`)
    return url.toString()
  }

  it('migrates the schema named in the URL (the second run is checked on SQLite)', async () => {
    const env = { DATABASE_URL: urlInSchema() }
    const first = await runCli(['migrate'], env)
    expect(first.code, describeRun(first)).toBe(0)
    expect(first.stdout).toMatch(/^Success +0001-foundation$/m)

    const { rows } = await admin.query<{ table_name: string }>(
      'select table_name from information_schema.tables where table_schema = $1',
      [schema],
    )
    expect(rows.map((row) => row.table_name)).toEqual(
      expect.arrayContaining(['exams', 'candidates', 'attempts', 'api_tokens', 'kysely_migration']),
    )
  })
})
