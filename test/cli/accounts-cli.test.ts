import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../src/app/clock.js'
import { parseInstant } from '../../src/domain/instant.js'
import { type CliDatabase, cliEngines, openCliDatabase } from './cli-database.js'
import { describeRun, runCli } from './run-cli.js'

const NOW = parseInstant('2026-06-15T12:00:00Z')!

describe.each(cliEngines())('examdesk account create and list on %s', (engine) => {
  let database: CliDatabase
  const clock = fixedClock(NOW)

  beforeAll(async () => {
    database = await openCliDatabase(engine)
  })
  afterAll(async () => {
    await database?.close()
  })

  const account = (...args: string[]) =>
    runCli(['account', ...args], { DATABASE_URL: database.url }, { clock })

  it('makes staff accounts, lists them oldest first, and refuses an email that has one', async () => {
    expect((await account('list')).stdout).toBe('No accounts.\n')
    const rosa = await account(
      'create',
      '--role',
      'support',
      '--name',
      'Rosa Delgado',
      '--email',
      'rosa.delgado@examdesk.example',
    )
    expect(rosa.code, describeRun(rosa)).toBe(0)
    expect(rosa.stderr).toContain('/v1/sign-in/email')
    clock.set(NOW + 60_000)
    const henrik = await account(
      'create',
      '--role',
      'admin',
      '--name',
      'Henrik Lund',
      '--email',
      'henrik.lund@examdesk.example',
    )
    const [rosaId, henrikId] = [rosa, henrik].map((run) => run.stdout.trim())

    const listed = await account('list')
    expect(listed.stdout).toBe(
      [
        `${rosaId}  support    rosa.delgado@examdesk.example  email not verified  Rosa Delgado`,
        `${henrikId}  admin      henrik.lund@examdesk.example  email not verified  Henrik Lund`,
        '',
      ].join('\n'),
    )

    const again = await account(
      'create',
      '--role',
      'admin',
      '--name',
      'Rosa Again',
      '--email',
      'Rosa.Delgado@examdesk.example',
    )
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('has an account already')
    const candidate = await account(
      'create',
      '--role',
      'candidate',
      '--name',
      'X',
      '--email',
      'x@example.org',
    )
    expect(candidate.code).not.toBe(0)
    expect(candidate.stderr).toContain('must be one of support, admin')
    const audited = await database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('subject_type', '=', 'account')
      .execute()
    expect(audited).toEqual([
      { action: 'account-created', actor_id: expect.stringMatching(/^cli:/) },
      { action: 'account-created', actor_id: expect.stringMatching(/^cli:/) },
    ])
  })
})
