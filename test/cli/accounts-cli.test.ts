import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { confirmEmailChangeWithLink } from '../../src/app/accounts/confirm-email-change.js'
import { fixedClock } from '../../src/app/clock.js'
import { readConfig } from '../../src/config.js'
import { insertAccount } from '../../src/db/accounts/accounts.js'
import { parseInstant } from '../../src/domain/instant.js'
import { readMailSettings } from '../../src/mail/mail-settings.js'
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

  it("changes a staff account's email once its person confirms from the new address, and refuses a candidate's account", async () => {
    const created = await account(
      'create',
      '--role',
      'support',
      '--name',
      'Ines Duarte',
      '--email',
      'ines.duarte@examdesk.example',
    )
    const id = created.stdout.trim()
    const asked = await account(
      'change-email',
      'Ines.Duarte@examdesk.example',
      '--email',
      'ines@examdesk.example',
    )
    expect(asked.code, describeRun(asked)).toBe(0)
    expect(asked.stdout).toBe(
      `Asked to change the email of Ines Duarte (${id}) to ines@examdesk.example: a mail with a link and a code that confirm it is on its way there (each works once, for 15 minutes). The email stays ines.duarte@examdesk.example until Ines Duarte confirms.\n`,
    )
    const mail = await database.db
      .selectFrom('outbox')
      .select('body_text')
      .where('kind', '=', 'email-change')
      .where('recipient', '=', 'ines@examdesk.example')
      .executeTakeFirstOrThrow()
    expect((await account('list')).stdout).toContain(
      `${id}  support    ines.duarte@examdesk.example`,
    )

    const secret = /Confirm link: +(\S+)/.exec(mail.body_text)![1]!.split('/').at(-1)!
    const mailSettings = readMailSettings(readConfig({}))
    await confirmEmailChangeWithLink({ db: database.db, clock, mail: mailSettings }, secret)
    expect((await account('list')).stdout).toContain(`${id}  support    ines@examdesk.example`)
    const audited = await database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('subject_id', '=', id)
      .where('action', '=', 'email-change-asked')
      .execute()
    expect(audited).toEqual([
      { action: 'email-change-asked', actor_id: expect.stringMatching(/^cli:/) },
    ])

    const unchanged = await account('change-email', id, '--email', 'ines@examdesk.example')
    expect(unchanged.code).toBe(1)
    expect(unchanged.stderr).toBe(
      "examdesk: The account's email is ines@examdesk.example already; nothing was sent.\n",
    )

    const unknown = await account(
      'change-email',
      'nobody@examdesk.example',
      '--email',
      'x@examdesk.example',
    )
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toBe(
      'examdesk: No account is nobody@examdesk.example; `examdesk account list` shows every account.\n',
    )

    await insertAccount(database.db, {
      id: `acct-ana-${engine}`,
      role: 'candidate',
      displayName: 'Ana Lima',
      email: 'ana.lima@example.com',
      candidateId: null,
      emailVerifiedAt: NOW,
      createdAt: NOW,
      disabledAt: null,
      signUp: null,
    })
    const candidate = await account(
      'change-email',
      `acct-ana-${engine}`,
      '--email',
      'ana@example.com',
    )
    expect(candidate.code).toBe(1)
    expect(candidate.stderr).toBe(
      "examdesk: This is a candidate's account: a candidate changes their own email, signed in. Nothing was changed.\n",
    )
  })
})
