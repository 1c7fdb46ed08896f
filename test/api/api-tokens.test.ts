import { describe, expect, it, vi } from 'vitest'
import { buildExamdeskApp } from '../../src/http/examdesk-app.js'
import { openAnotherHandle, testDatabases } from '../support/databases.js'
import { call, expectOk, expectProblem, NOW, useApi } from './api-harness.js'

interface TokenOut {
  readonly id: string
  readonly role: string
  readonly label: string
  readonly provider: string | null
  readonly createdAt: string
  readonly expiresAt: string | null
  readonly lastUsedAt: string | null
  readonly revokedAt: string | null
  readonly state: string
  readonly secret?: string
}

describe.each(testDatabases())('machine tokens over HTTP ($name)', ({ open }) => {
  const world = useApi(open)
  const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` })
  const asToken = (secret: string, url = '/v1/exams') =>
    call(world(), 'GET', url, undefined, null, bearer(secret))

  it('makes a provider token bound to its provider that works at once, its secret shown once', async () => {
    const created = expectOk<TokenOut>(
      await call(world(), 'POST', '/v1/admin/tokens', {
        role: 'provider',
        label: 'Prometric booking',
        provider: 'prometric',
        expiresInDays: 90,
      }),
      201,
    )
    expect(created).toEqual({
      id: expect.any(String),
      role: 'provider',
      label: 'Prometric booking',
      provider: 'prometric',
      createdAt: '2026-06-15T12:00:00.000Z',
      expiresAt: '2026-09-13T12:00:00.000Z',
      lastUsedAt: null,
      revokedAt: null,
      state: 'active',
      secret: expect.stringMatching(/^exd_/),
    })
    expect((await asToken(created.secret!)).statusCode).toBe(200)

    const list = async () =>
      expectOk<{ items: TokenOut[]; total: number }>(
        await call(world(), 'GET', '/v1/admin/tokens?limit=200'),
      )
    // The last use is written beside the request, not before its answer: it shows a moment later.
    await vi.waitFor(async () =>
      expect((await list()).items.find((token) => token.id === created.id)?.lastUsedAt).toEqual(
        expect.any(String),
      ),
    )
    const page = await list()
    const listed = page.items.find((token) => token.id === created.id)
    const { secret, ...withoutSecret } = created
    expect(listed).toMatchObject({ ...withoutSecret, lastUsedAt: expect.any(String) })
    expect(JSON.stringify(page)).not.toContain(secret)
    expect(JSON.stringify(page)).not.toMatch(/hash/i)
    expect(page.total).toBe(page.items.length)
  })

  it('lives a year unless told, and is refused from its expiry on, at once', async () => {
    const created = expectOk<TokenOut>(
      await call(world(), 'POST', '/v1/admin/tokens', { role: 'support', label: 'desk' }),
      201,
    )
    expect(created.expiresAt).toBe('2027-06-15T12:00:00.000Z')
    const hour = expectOk<TokenOut>(
      await call(world(), 'POST', '/v1/admin/tokens', {
        role: 'support',
        label: 'an hour',
        expiresAt: '2026-06-15T14:00:00+01:00',
      }),
      201,
    )
    expect(hour.expiresAt).toBe('2026-06-15T13:00:00.000Z')
    expect((await asToken(hour.secret!)).statusCode).toBe(200)
    world().clock.set(NOW + 3_600_000)
    try {
      const refused = expectProblem(await asToken(hour.secret!), 401, 'UNAUTHENTICATED')
      expect(refused.detail).toContain('Bearer')
      const page = expectOk<{ items: TokenOut[] }>(
        await call(world(), 'GET', '/v1/admin/tokens?limit=200'),
      )
      expect(page.items.find((token) => token.id === hour.id)?.state).toBe('expired')
    } finally {
      world().clock.set(NOW)
    }
  })

  it('refuses a provider token without its provider, a provider for another role, an unknown provider and a past expiry', async () => {
    const post = (body: unknown) => call(world(), 'POST', '/v1/admin/tokens', body)
    expect(
      expectProblem(await post({ role: 'provider', label: 'x' }), 422, 'TOKEN_PROVIDER_REQUIRED')
        .field,
    ).toBe('provider')
    expectProblem(
      await post({ role: 'admin', label: 'x', provider: 'pearson' }),
      422,
      'TOKEN_PROVIDER_NOT_ALLOWED',
    )
    expectProblem(
      await post({ role: 'provider', label: 'x', provider: 'nobody' }),
      422,
      'PROVIDER_UNKNOWN',
    )
    expectProblem(
      await post({ role: 'support', label: 'x', expiresAt: '2026-01-01T00:00:00Z' }),
      422,
      'TOKEN_EXPIRY_INVALID',
    )
    expectProblem(
      await post({ role: 'support', label: 'x', expiresInDays: 0 }),
      400,
      'VALIDATION_FAILED',
    )
    expectProblem(
      await post({ role: 'support', label: 'x', expiresAt: 'next week' }),
      400,
      'INSTANT_INVALID',
    )
  })

  it('a token revoked through one process is refused by another on the same database at once', async () => {
    const created = expectOk<TokenOut>(
      await call(world(), 'POST', '/v1/admin/tokens', { role: 'support', label: 'desk' }),
      201,
    )
    const other = await openAnotherHandle(world().db)
    const elsewhere = await buildExamdeskApp({ db: other.db, clock: world().clock })
    try {
      const inOther = () =>
        elsewhere.inject({ method: 'GET', url: '/v1/exams', headers: bearer(created.secret!) })
      // The other process has seen the token and remembers it.
      expect((await inOther()).statusCode).toBe(200)
      expect((await inOther()).statusCode).toBe(200)
      expectOk(await call(world(), 'POST', `/v1/admin/tokens/${created.id}/revoke`))
      // No clock moves: only the revocation's notice (PostgreSQL) or commit (SQLite) tells it.
      await vi.waitFor(async () => expect((await inOther()).statusCode).toBe(401), {
        timeout: 1_000,
        interval: 10,
      })
    } finally {
      await elsewhere.close()
      await other.close()
    }
  })

  it('revokes a token, answering it as it now stands, and again without a change; an unknown id is 404', async () => {
    const created = expectOk<TokenOut>(
      await call(world(), 'POST', '/v1/admin/tokens', { role: 'support', label: 'to revoke' }),
      201,
    )
    world().clock.set(NOW + 1000)
    try {
      const revoked = expectOk<TokenOut>(
        await call(world(), 'POST', `/v1/admin/tokens/${created.id}/revoke`),
      )
      expect(revoked).toMatchObject({ revokedAt: '2026-06-15T12:00:01.000Z', state: 'revoked' })
      expect(revoked).not.toHaveProperty('secret')
      world().clock.set(NOW + 2000)
      expect(
        expectOk<TokenOut>(await call(world(), 'POST', `/v1/admin/tokens/${created.id}/revoke`)),
      ).toMatchObject({ revokedAt: '2026-06-15T12:00:01.000Z' })
      // Refused from the next request, with no time passing.
      expectProblem(await asToken(created.secret!), 401, 'UNAUTHENTICATED')
      expectProblem(
        await call(world(), 'POST', '/v1/admin/tokens/no-such-token/revoke'),
        404,
        'TOKEN_NOT_FOUND',
      )
      const trail = await world()
        .db.selectFrom('audit_log')
        .select(['action', 'actor_role'])
        .where('subject_id', '=', created.id)
        .orderBy('at')
        .execute()
      expect(trail).toEqual([
        { action: 'token-created', actor_role: 'admin' },
        { action: 'token-revoked', actor_role: 'admin' },
      ])
    } finally {
      world().clock.set(NOW)
    }
  })

  it('pages the list like other lists', async () => {
    for (const label of ['a', 'b', 'c'])
      expectOk(await call(world(), 'POST', '/v1/admin/tokens', { role: 'support', label }), 201)
    const all = expectOk<{ items: TokenOut[]; total: number }>(
      await call(world(), 'GET', '/v1/admin/tokens'),
    )
    const page = expectOk<{ items: TokenOut[]; total: number }>(
      await call(world(), 'GET', '/v1/admin/tokens?limit=2&offset=1'),
    )
    expect(page.total).toBe(all.total)
    expect(page.items.map((token) => token.id)).toEqual(all.items.slice(1, 3).map((t) => t.id))
  })

  it('records a token’s last use to the minute, not once a request', async () => {
    const created = expectOk<TokenOut>(
      await call(world(), 'POST', '/v1/admin/tokens', { role: 'support', label: 'busy' }),
      201,
    )
    const lastUsed = async () =>
      (
        await world()
          .db.selectFrom('api_tokens')
          .select('last_used_at')
          .where('id', '=', created.id)
          .executeTakeFirstOrThrow()
      ).last_used_at
    await asToken(created.secret!)
    await expect.poll(lastUsed).not.toBeNull()
    const first = await lastUsed()
    world().clock.set(NOW + 30_000)
    try {
      await asToken(created.secret!)
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(await lastUsed()).toEqual(first)
      world().clock.set(NOW + 61_000)
      await asToken(created.secret!)
      await expect.poll(lastUsed).not.toEqual(first)
    } finally {
      world().clock.set(NOW)
    }
  })

  it('is for admins only', async () => {
    for (const role of ['support', 'provider'] as const) {
      expectProblem(
        await call(world(), 'GET', '/v1/admin/tokens', undefined, role),
        403,
        'FORBIDDEN',
      )
      expectProblem(
        await call(world(), 'POST', '/v1/admin/tokens', { role: 'admin', label: 'me' }, role),
        403,
        'FORBIDDEN',
      )
    }
  })
})
