import { describe, expect, it } from 'vitest'
import { authenticate, createToken, ensureAdminToken } from '../../src/app/access/api-tokens.js'
import { countTokens, revokeToken } from '../../src/db/access/api-tokens.js'
import { testDatabases } from '../support/databases.js'
import { useApp } from './scenario.js'

const PRESET = 'exd_operator-chose-this-secret-for-the-first-start'

describe.each(testDatabases())('api-tokens on $name', ({ open }) => {
  const { deps } = useApp(open)

  it('hands out a secret that authenticates with its role, and stores only its hash', async () => {
    const help = await createToken(deps(), { role: 'support', label: 'help desk' })
    const prometric = await createToken(deps(), { role: 'provider', label: 'Prometric' })
    expect(help.token).toMatch(/^exd_[A-Za-z0-9_-]{43}$/)
    expect(prometric.token).not.toBe(help.token)
    expect(prometric.id).not.toBe(help.id)
    expect(await authenticate(deps(), help.token)).toMatchObject({
      tokenId: help.id,
      accountId: null,
      candidateId: null,
      role: 'support',
      providerId: null,
    })
    expect(await authenticate(deps(), prometric.token)).toMatchObject({
      tokenId: prometric.id,
      accountId: null,
      candidateId: null,
      role: 'provider',
      providerId: null,
    })
    const rows = await deps().db.selectFrom('api_tokens').selectAll().execute()
    expect(JSON.stringify(rows)).not.toContain(help.token)
  })

  it('knows nobody by a wrong, empty or revoked token', async () => {
    const { id, token } = await createToken(deps(), { role: 'admin', label: 'ops' })
    expect(await authenticate(deps(), `${token}x`)).toBeNull()
    expect(await authenticate(deps(), '')).toBeNull()
    await revokeToken(deps().db, id, deps().clock.now())
    expect(await authenticate(deps(), token)).toBeNull()
  })

  it('generates an admin token on first start, and only once', async () => {
    const first = await ensureAdminToken(deps(), undefined)
    expect(first).toEqual({ token: expect.stringMatching(/^exd_/), generated: true })
    expect(await authenticate(deps(), first!.token)).toMatchObject({ role: 'admin' })
    expect(await ensureAdminToken(deps(), undefined)).toBeNull()
    expect(await countTokens(deps().db)).toBe(1)
  })

  it('stores the operator’s preset secret on first start', async () => {
    expect(await ensureAdminToken(deps(), PRESET)).toEqual({ token: PRESET, generated: false })
    expect(await authenticate(deps(), PRESET)).toMatchObject({ role: 'admin' })
    expect(await ensureAdminToken(deps(), PRESET)).toBeNull()
    expect(await countTokens(deps().db)).toBe(1)
  })

  it('adds a preset secret given after the first start', async () => {
    await ensureAdminToken(deps(), undefined)
    expect(await ensureAdminToken(deps(), PRESET)).toBeNull()
    expect(await authenticate(deps(), PRESET)).toMatchObject({ role: 'admin' })
    expect(await countTokens(deps().db)).toBe(2)
  })

  it('starts again after the preset secret was revoked, and keeps it revoked', async () => {
    await ensureAdminToken(deps(), PRESET)
    const principal = await authenticate(deps(), PRESET)
    await revokeToken(deps().db, principal!.id, deps().clock.now())
    expect(await ensureAdminToken(deps(), PRESET)).toBeNull()
    expect(await authenticate(deps(), PRESET)).toBeNull()
    expect(await countTokens(deps().db)).toBe(1)
  })
})
