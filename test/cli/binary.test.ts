import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemClock } from '../../src/app/clock.js'
import { loadDemo } from '../../src/app/operations/load-demo.js'
import { openDatabase } from '../../src/db/engine/database.js'
import { migrateOrThrow } from '../../src/db/engine/migrate.js'
import { describeRun, REPO_ROOT, spawnCli } from './run-cli.js'

/**
 * The `examdesk` program as its own process: what the process exits with
 * and prints. Everything else is tested in-process; these few runs start
 * Node and compile TypeScript, seconds each on an idle machine, so they
 * run at once and are given minutes.
 */
describe('the examdesk process', () => {
  let folder: string
  let databaseUrl: string

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'examdesk-binary-'))
    databaseUrl = `sqlite:${join(folder, 'demo', 'examdesk.db')}`
    const database = await openDatabase(databaseUrl)
    try {
      await migrateOrThrow(database.db)
      // The process reads the machine's clock, so the demo is built around it too.
      await loadDemo({ db: database.db, clock: systemClock }, true)
    } finally {
      await database.close()
    }
  })
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  it('exits 0 with --version, 3 for "not eligible", 1 with a sentence where there is no database', async () => {
    const empty = await mkdtemp(join(folder, 'empty-'))
    const [version, notEligible, nowhere] = await Promise.all([
      spawnCli(['--version'], {}, folder),
      spawnCli(
        ['eligibility', '--candidate', 'cand-ana', '--exam', '70-620'],
        { DATABASE_URL: databaseUrl },
        folder,
      ),
      spawnCli(['token', 'list'], {}, empty),
    ])
    const { version: expected } = JSON.parse(await readFile(`${REPO_ROOT}package.json`, 'utf8'))
    expect(version.code, describeRun(version)).toBe(0)
    expect(version.stdout).toBe(`${expected}\n`)

    expect(notEligible.code, describeRun(notEligible)).toBe(3)
    expect(notEligible.stdout).toMatch(/^NOT ELIGIBLE +RETAKE_TOO_SOON$/m)

    expect(nowhere.code, describeRun(nowhere)).toBe(1)
    expect(nowhere.stderr).toContain(
      `There is no database at ${join(empty, 'data', 'examdesk.db')}`,
    )
    expect(await readdir(empty)).toEqual([])
  }, 180_000)
})
