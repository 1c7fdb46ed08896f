import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { authenticate, createToken } from '../../src/app/access/api-tokens.js'
import { fixedClock } from '../../src/app/clock.js'
import { writeInstant } from '../../src/db/engine/columns.js'
import { parseInstant } from '../../src/domain/instant.js'
import { createProvider } from '../factories/catalogue.js'
import { type CliDatabase, cliEngines, openCliDatabase } from './cli-database.js'
import { describeRun, runCli } from './run-cli.js'

const NOW = parseInstant('2026-06-15T12:00:00Z')!

describe.each(cliEngines())('examdesk token create, list and revoke on %s', (engine) => {
  let database: CliDatabase
  const clock = fixedClock(NOW)

  beforeAll(async () => {
    database = await openCliDatabase(engine)
    await createProvider(database.db, { id: 'pearson', name: 'Pearson VUE' })
    await createProvider(database.db, { id: 'prometric', name: 'Prometric' })
  })
  afterAll(async () => {
    await database?.close()
  })

  const token = (...args: string[]) =>
    runCli(['token', ...args], { DATABASE_URL: database.url }, { clock })
  const idOf = (run: { stderr: string }) => /Created \w+ token (\S+);/.exec(run.stderr)![1]!

  it('lists every token without its secret, revokes one by id, and refuses an unknown id', async () => {
    clock.set(NOW)
    expect((await token('list')).stdout).toBe('No tokens.\n')
    const desk = await token('create', '--role', 'support', '--label', 'help desk')
    clock.set(NOW + 60_000)
    const partner = await token(
      'create',
      '--role',
      'provider',
      '--provider',
      'pearson',
      '--label',
      'pearson booking',
    )
    const secrets = [desk.stdout.trim(), partner.stdout.trim()]
    const [deskId, partnerId] = [desk, partner].map(idOf)

    const listed = await token('list')
    expect(listed.code, describeRun(listed)).toBe(0)
    expect(listed.stdout).toBe(
      [
        `${deskId}  support   created 2026-06-15T12:00:00.000Z  expires 2027-06-15T12:00:00.000Z  never used  active  help desk`,
        `${partnerId}  provider  for pearson  created 2026-06-15T12:01:00.000Z  expires 2027-06-15T12:01:00.000Z  never used  active  pearson booking`,
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
    expect(await authenticate({ db: database.db, clock }, secrets[1]!)).toBeNull()
    expect(await authenticate({ db: database.db, clock }, secrets[0]!)).toMatchObject({
      role: 'support',
    })
    expect((await token('list')).stdout).toContain(
      `${partnerId}  provider  for pearson  created 2026-06-15T12:01:00.000Z  expires 2027-06-15T12:01:00.000Z  never used  revoked 2026-06-15T12:02:00.000Z  pearson booking\n`,
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

  it('binds a provider token to its provider, for the days or until the instant given', async () => {
    clock.set(NOW)
    const days = await token(
      'create',
      '--role',
      'provider',
      '--provider',
      'prometric',
      '--expires-in-days',
      '90',
      '--label',
      'prometric site',
    )
    expect(days.code, describeRun(days)).toBe(0)
    expect(days.stderr).toMatch(
      /^Created provider token \S+; it acts for prometric and expires 2026-09-13T12:00:00\.000Z; the secret above is not shown again\.\n$/,
    )
    expect(await authenticate({ db: database.db, clock }, days.stdout.trim())).toMatchObject({
      tokenId: idOf(days),
      accountId: null,
      candidateId: null,
      role: 'provider',
      providerId: 'prometric',
    })

    const until = await token('create', '--role', 'support', '--expires-at', '2026-07-01T00:00:00Z')
    expect(until.code, describeRun(until)).toBe(0)
    expect(until.stderr).toContain('expires 2026-07-01T00:00:00.000Z;')
    clock.set(parseInstant('2026-07-01T00:00:00Z')!)
    expect(await authenticate({ db: database.db, clock }, until.stdout.trim())).toBeNull()
    expect((await token('list')).stdout).toContain(
      `${idOf(until)}  support   created 2026-06-15T12:00:00.000Z  expires 2026-07-01T00:00:00.000Z  never used  expired 2026-07-01T00:00:00.000Z  cli\n`,
    )
  })

  it('refuses a provider token without a provider, a provider for another role, and an unknown provider', async () => {
    clock.set(NOW)
    const unbound = await token('create', '--role', 'provider')
    expect(unbound.code).toBe(1)
    expect(unbound.stderr).toContain('A provider token acts for one provider: name it (provider).')
    const admin = await token('create', '--role', 'admin', '--provider', 'pearson')
    expect(admin.code).toBe(1)
    expect(admin.stderr).toContain('Only a provider token is bound to a provider, not admin token.')
    const unknown = await token('create', '--role', 'provider', '--provider', 'vue')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('There is no delivery provider "vue".')
    const past = await token('create', '--role', 'support', '--expires-at', '2026-01-01T00:00:00Z')
    expect(past.code).toBe(1)
    expect(past.stderr).toContain('expiresAt must be in the future')
    const both = await token(
      'create',
      '--role',
      'support',
      '--expires-at',
      '2027-01-01T00:00:00Z',
      '--expires-in-days',
      '3',
    )
    expect(both.code).toBe(1)
  })

  it('marks a provider token made before tokens were bound, and shows its last use', async () => {
    clock.set(NOW)
    const old = await createToken(
      { db: database.db, clock },
      { role: 'provider', label: 'old vue' },
    )
    await database.db
      .updateTable('api_tokens')
      .set({ last_used_at: writeInstant(NOW - 60_000) })
      .where('id', '=', old.id)
      .execute()
    expect((await token('list')).stdout).toContain(
      `${old.id}  provider  not bound to a provider  created 2026-06-15T12:00:00.000Z  no expiry  last used 2026-06-15T11:59:00.000Z  active  old vue\n`,
    )
  })
})
