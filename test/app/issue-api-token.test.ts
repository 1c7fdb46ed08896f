import { describe, expect, it } from 'vitest'
import { authenticate } from '../../src/app/access/api-tokens.js'
import { issueApiToken } from '../../src/app/access/issue-api-token.js'
import { listApiTokens } from '../../src/app/access/list-api-tokens.js'
import { revokeApiToken } from '../../src/app/access/revoke-api-token.js'
import { type Actor, operatorPrincipal } from '../../src/app/actor.js'
import { createProvider } from '../factories/catalogue.js'
import { testDatabases } from '../support/databases.js'
import { days, iso, NOW, refusalOf, useApp } from './scenario.js'

const ADMIN: Actor = {
  tokenId: 'token-admin',
  role: 'admin',
  channel: 'api',
  principal: operatorPrincipal('token-admin'),
}

describe.each(testDatabases())('issuing and revoking API tokens on $name', ({ open }) => {
  const { deps, clock } = useApp(open)

  it('binds a provider token to its provider, for a year unless told, and audits it without its secret', async () => {
    await createProvider(deps().db, { id: 'prometric', name: 'Prometric' })
    const { token, secret } = await issueApiToken(deps(), ADMIN, {
      role: 'provider',
      label: 'Prometric booking',
      provider: 'prometric',
    })
    expect(token).toMatchObject({
      role: 'provider',
      providerId: 'prometric',
      createdAt: NOW,
      expiresAt: NOW + days(365),
      lastUsedAt: null,
      revokedAt: null,
    })
    expect(await authenticate(deps(), secret)).toMatchObject({
      tokenId: token.id,
      accountId: null,
      candidateId: null,
      role: 'provider',
      providerId: 'prometric',
    })
    const audit = await deps().db.selectFrom('audit_log').selectAll().execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({
      actor_id: 'token-admin',
      subject_type: 'api-token',
      subject_id: token.id,
      action: 'token-created',
    })
    expect(JSON.stringify(audit)).not.toContain(secret)

    const support = await issueApiToken(deps(), ADMIN, {
      role: 'support',
      label: 'desk',
      expiresInDays: 30,
    })
    expect(support.token.expiresAt).toBe(NOW + days(30))
    const until = await issueApiToken(deps(), ADMIN, {
      role: 'admin',
      label: 'ops',
      expiresAt: '2026-07-01T00:00:00+02:00',
    })
    expect(iso(until.token.expiresAt)).toBe('2026-06-30T22:00:00.000Z')
  })

  it('refuses a provider token without a provider, a provider elsewhere, an unknown one and a bad expiry', async () => {
    await createProvider(deps().db, { id: 'pearson', name: 'Pearson VUE' })
    const refused = (input: Parameters<typeof issueApiToken>[2]) =>
      refusalOf(issueApiToken(deps(), ADMIN, input))
    expect(await refused({ role: 'provider', label: 'x' })).toMatchObject({
      code: 'TOKEN_PROVIDER_REQUIRED',
      field: 'provider',
    })
    expect(await refused({ role: 'support', label: 'x', provider: 'pearson' })).toMatchObject({
      code: 'TOKEN_PROVIDER_NOT_ALLOWED',
      field: 'provider',
    })
    expect(await refused({ role: 'provider', label: 'x', provider: 'vue' })).toMatchObject({
      code: 'PROVIDER_UNKNOWN',
      field: 'provider',
    })
    expect(
      await refused({ role: 'admin', label: 'x', expiresAt: '2026-06-15T12:00:00Z' }),
    ).toMatchObject({ code: 'TOKEN_EXPIRY_INVALID', field: 'expiresAt' })
    expect(await refused({ role: 'admin', label: 'x', expiresAt: 'tomorrow' })).toMatchObject({
      code: 'INSTANT_INVALID',
      field: 'expiresAt',
    })
    for (const expiresInDays of [0, 3651, 1.5])
      expect(await refused({ role: 'admin', label: 'x', expiresInDays })).toMatchObject({
        code: 'TOKEN_EXPIRY_INVALID',
        field: 'expiresInDays',
      })
    expect(
      await refused({
        role: 'admin',
        label: 'x',
        expiresAt: '2027-01-01T00:00:00Z',
        expiresInDays: 3,
      }),
    ).toMatchObject({ code: 'TOKEN_EXPIRY_INVALID' })
    expect((await listApiTokens(deps(), {})).total).toBe(0)
  })

  it('refuses an expired token, and a revoked one; revoking twice changes nothing, an unknown id is not found', async () => {
    const { token, secret } = await issueApiToken(deps(), ADMIN, {
      role: 'support',
      label: 'desk',
      expiresInDays: 1,
    })
    clock.set(NOW + days(1) - 1)
    expect(await authenticate(deps(), secret)).not.toBeNull()
    clock.set(NOW + days(1))
    expect(await authenticate(deps(), secret)).toBeNull()

    clock.set(NOW)
    const other = await issueApiToken(deps(), ADMIN, { role: 'support', label: 'other' })
    const revoked = await revokeApiToken(deps(), ADMIN, other.token.id)
    expect(revoked).toMatchObject({ revokedNow: true, token: { revokedAt: NOW } })
    expect(await authenticate(deps(), other.secret)).toBeNull()
    clock.set(NOW + 1000)
    expect(await revokeApiToken(deps(), ADMIN, other.token.id)).toMatchObject({
      revokedNow: false,
      token: { revokedAt: NOW },
    })
    expect(await refusalOf(revokeApiToken(deps(), ADMIN, 'no-such-token'))).toMatchObject({
      code: 'TOKEN_NOT_FOUND',
    })
    const actions = await deps()
      .db.selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', other.token.id)
      .execute()
    expect(actions.map((a) => a.action)).toEqual(['token-created', 'token-revoked'])

    const page = await listApiTokens(deps(), { limit: 1, offset: 1 })
    expect(page.total).toBe(2)
    expect(page.items.map((t) => t.id)).toEqual([other.token.id])
    expect(token.id).not.toBe(other.token.id)
  })
})
