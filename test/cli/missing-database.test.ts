import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fixedClock } from '../../src/app/clock.js'
import { parseInstant } from '../../src/domain/instant.js'
import { describeRun, runCli } from './run-cli.js'

/**
 * A command run in a folder where there is no database. Only SQLite can be
 * "not there" by a path: a PostgreSQL URL names a server, which says itself
 * when a database does not exist.
 */
describe('a command run where its database is not', () => {
  let folder: string
  const clock = fixedClock(parseInstant('2026-06-15T12:00:00Z')!)
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'examdesk-nowhere-'))
  })
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  const examdesk = (args: readonly string[], env: Record<string, string> = {}) =>
    runCli(args, env, { cwd: folder, clock })

  it('is refused, naming the file it looked for and how to point at one, and creates nothing', async () => {
    const byPhone = ['--agent-email', 'rosa.delgado@examdesk.example', '--reason', 'On a call']
    const commands = [
      ['eligibility', '--candidate', 'cand-ana', '--exam', '70-620'],
      ['register', '--candidate', 'cand-ana', '--exam', '70-620', '--slot', 'slot-1', ...byPhone],
      ['registrations', 'list', '--candidate', 'cand-ana'],
      ['cancel', '--registration', 'K7QM-2X9P-4RTC', ...byPhone],
      [
        'account',
        'change-email',
        'rosa.delgado@examdesk.example',
        '--email',
        'rosa@examdesk.example',
      ],
      ['token', 'create', '--role', 'admin'],
      ['token', 'list'],
      ['vouchers', 'issue', '--offer', 'study-book-15', '--count', '1', '--batch', 'b'].concat([
        '--out',
        'codes.csv',
      ]),
      ['holds', 'release-expired'],
      ['beta', 'release-results'],
      ['waves', 'show', '--wave', 'w-1'],
    ]
    for (const command of commands) {
      const run = await examdesk(command)
      expect(run.code, `${command.join(' ')}\n${describeRun(run)}`).toBe(1)
      expect(run.stdout).toBe('')
      expect(run.stderr).toBe(
        [
          `examdesk: There is no database at ${join(folder, 'data', 'examdesk.db')} (sqlite:./data/examdesk.db, used when DATABASE_URL is not set); nothing was created.`,
          'Point examdesk at your database with DATABASE_URL=… or --database URL (sqlite:PATH or postgres://…),',
          'or run `examdesk migrate` (an empty database) or `examdesk demo` (the demo programme) to create one there.',
          '',
        ].join('\n'),
      )
    }
    expect(await readdir(folder)).toEqual([])
  })

  it('names the database that DATABASE_URL or --database points at', async () => {
    const fromEnv = await examdesk(['token', 'list'], { DATABASE_URL: 'sqlite:elsewhere/x.db' })
    expect(fromEnv.code).toBe(1)
    expect(fromEnv.stderr).toContain(
      `There is no database at ${join(folder, 'elsewhere', 'x.db')} (sqlite:elsewhere/x.db, from DATABASE_URL)`,
    )
    const fromOption = await examdesk(['token', 'list', '--database', 'sqlite:other.db'], {
      DATABASE_URL: 'sqlite:elsewhere/x.db',
    })
    expect(fromOption.code).toBe(1)
    expect(fromOption.stderr).toContain(
      `There is no database at ${join(folder, 'other.db')} (sqlite:other.db, from --database)`,
    )
    expect(await readdir(folder)).toEqual([])
  })

  it('is created on purpose by migrate or demo, and then found by the others', async () => {
    const migrated = await examdesk(['migrate'])
    expect(migrated.code, describeRun(migrated)).toBe(0)
    expect(await readdir(join(folder, 'data'))).toContain('examdesk.db')

    const demo = await examdesk(['--database', 'sqlite:demo.db', 'demo'])
    expect(demo.code, describeRun(demo)).toBe(0)
    const ana = await examdesk(['eligibility', '--candidate', 'cand-ana', '--exam', '70-620'], {
      DATABASE_URL: 'sqlite:demo.db',
    })
    expect(ana.stdout).toMatch(/^NOT ELIGIBLE +RETAKE_TOO_SOON$/m)
  })
})
