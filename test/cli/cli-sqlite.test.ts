import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { authenticate } from '../../src/app/access/api-tokens.js'
import { systemClock } from '../../src/app/clock.js'
import { countExams } from '../../src/db/catalogue/exams.js'
import { openDatabase } from '../../src/db/engine/database.js'
import { describeRun, runCli } from './run-cli.js'

/**
 * The CLI as an operator starts with it, against a SQLite file that `migrate`
 * creates (cli-postgres.test.ts migrates a PostgreSQL schema). The steps
 * build on one another, in order: migrate, demo, token.
 */
describe('examdesk CLI end to end (SQLite only)', () => {
  let directory: string
  let env: Record<string, string>
  let databaseUrl: string

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'examdesk-cli-'))
    databaseUrl = `sqlite:${join(directory, 'examdesk.db')}`
    env = { DATABASE_URL: databaseUrl }
  })
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true })
  })

  /** A direct look into the database the CLI wrote. */
  async function withDatabase<T>(
    read: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>,
  ) {
    const database = await openDatabase(databaseUrl)
    try {
      return await read(database.db)
    } finally {
      await database.close()
    }
  }

  it('migrate brings a new database up to date, and says so when run again', async () => {
    const first = await runCli(['migrate'], env)
    expect(first.code, describeRun(first)).toBe(0)
    expect(first.stdout).toMatch(/^Success +0001-foundation$/m)

    const second = await runCli(['migrate'], env)
    expect(second.code, describeRun(second)).toBe(0)
    expect(second.stdout).toBe('Already up to date.\n')
  })

  it('demo loads the programme and the demo catalogue', async () => {
    const run = await runCli(['demo'], env)
    expect(run.code, describeRun(run)).toBe(0)
    const loaded = /^Loaded (\d+) exams, (\d+) candidates and (\d+) attempts\.$/m.exec(run.stdout)
    expect(loaded, describeRun(run)).not.toBeNull()
    const [, exams, candidates] = loaded!.map(Number)
    expect(candidates).toBeGreaterThanOrEqual(8)
    expect(await withDatabase((db) => countExams(db))).toBe(exams)
  })

  it('token create prints a new token of the role, once', async () => {
    const created = await runCli(
      ['token', 'create', '--role', 'support', '--label', 'cli test'],
      env,
    )
    expect(created.code, describeRun(created)).toBe(0)
    const lines = created.stdout.trim().split('\n')
    expect(lines).toHaveLength(1)
    const token = lines[0]!
    expect(token).toMatch(/^exd_[A-Za-z0-9_-]{40,}$/)
    expect(created.stderr).toMatch(/Created support token .+ not shown again/)
    // The printed secret is a working token of that role.
    expect(
      await withDatabase((db) => authenticate({ db, clock: systemClock }, token)),
    ).toMatchObject({
      role: 'support',
    })
  })
})
