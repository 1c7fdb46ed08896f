import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { authenticate } from '../../src/app/access/api-tokens.js'
import { fixedClock } from '../../src/app/clock.js'
import { parseInstant } from '../../src/domain/instant.js'
import { type CliDatabase, cliEngines, openCliDatabase } from './cli-database.js'
import { describeRun, runCli } from './run-cli.js'

const NOW = parseInstant('2026-06-15T12:00:00Z')!

describe.each(cliEngines())('examdesk token create, list and revoke on %s', (engine) => {
  let database: CliDatabase
  const clock = fixedClock(NOW)

  beforeAll(async () => {
    database = await openCliDatabase(engine)
  })
  afterAll(async () => {
    await database?.close()
  })

  const token = (...args: string[]) =>
    runCli(['token', ...args], { DATABASE_URL: database.url }, { clock })

  it('lists every token without its secret, revokes one by id, and refuses an unknown id', async () => {
    expect((await token('list')).stdout).toBe('No tokens.\n')
    const desk = await token('create', '--role', 'support', '--label', 'help desk')
    clock.set(NOW + 60_000)
    const partner = await token('create', '--role', 'provider', '--label', 'pearson booking')
    const secrets = [desk.stdout.trim(), partner.stdout.trim()]
    const [deskId, partnerId] = [desk, partner].map(
      (run) => /Created \w+ token (\S+);/.exec(run.stderr)![1]!,
    )

    const listed = await token('list')
    expect(listed.code, describeRun(listed)).toBe(0)
    expect(listed.stdout).toBe(
      [
        `${deskId}  support   created 2026-06-15T12:00:00.000Z  active  help desk`,
        `${partnerId}  provider  created 2026-06-15T12:01:00.000Z  active  pearson booking`,
        '',
      ].join('\n'),
    )
    for (const secret of secrets) expect(listed.stdout).not.toContain(secret)

    clock.set(NOW + 120_000)
    const revoked = await token('revoke', partnerId!)
    expect(revoked.code, describeRun(revoked)).toBe(0)
    expect(revoked.stdout).toMatch(
      new RegExp(
        `^Revoked provider token ${partnerId} \\(pearson booking\\) at 2026-06-15T12:02:00\\.000Z;`,
      ),
    )
    expect(await authenticate({ db: database.db }, secrets[1]!)).toBeNull()
    expect(await authenticate({ db: database.db }, secrets[0]!)).toMatchObject({ role: 'support' })
    expect((await token('list')).stdout).toContain(
      `${partnerId}  provider  created 2026-06-15T12:01:00.000Z  revoked 2026-06-15T12:02:00.000Z  pearson booking\n`,
    )

    const again = await token('revoke', partnerId!)
    expect(again.code, describeRun(again)).toBe(0)
    expect(again.stdout).toBe(
      `Token ${partnerId} (pearson booking) was already revoked at 2026-06-15T12:02:00.000Z.\n`,
    )
    const unknown = await token('revoke', 'no-such-token')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toBe(
      'examdesk: There is no token no-such-token; `examdesk token list` shows them.\n',
    )
  })
})
