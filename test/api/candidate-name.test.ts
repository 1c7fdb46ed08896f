import { describe, expect, it } from 'vitest'
import { DEMO_SIGN_IN } from '../../src/demo/demo-accounts.js'
import { testDatabases } from '../support/databases.js'
import { call, expectOk, useApi } from './api-harness.js'
import { asBrowser, type Browser, signIn } from './sign-in-world.js'

interface Me {
  readonly account: { readonly displayName: string; readonly candidateId: string | null }
}

describe.each(testDatabases())("a candidate's name and their account's ($name)", ({ open }) => {
  const world = useApi(open)

  const nameOf = async (browser: Browser) =>
    expectOk<Me>(await asBrowser(world(), browser, 'GET', '/v1/me')).account.displayName

  it('is one name: changed on the profile by the candidate or by support, the account goes by it at once', async () => {
    const chloe = await signIn(world(), DEMO_SIGN_IN.candidate)
    expect(await nameOf(chloe)).toBe('Chloe Nguyen')

    expectOk(
      await asBrowser(world(), chloe, 'PATCH', '/v1/candidates/cand-chloe', {
        body: { firstName: 'Chloé' },
      }),
    )
    expect(await nameOf(chloe)).toBe('Chloé Nguyen')

    expectOk(
      await call(
        world(),
        'PATCH',
        '/v1/candidates/cand-chloe',
        {
          lastName: 'Nguyen-Martin',
          channel: 'phone',
          onBehalfReason: 'Married in May',
        },
        'support',
      ),
    )
    expect(await nameOf(chloe)).toBe('Chloé Nguyen-Martin')
    // Staff see the account by the same name.
    const accounts = expectOk<{ items: { id: string; displayName: string }[] }>(
      await call(world(), 'GET', '/v1/admin/accounts?limit=200'),
    ).items
    expect(accounts.find((account) => account.id === 'acct-chloe')?.displayName).toBe(
      'Chloé Nguyen-Martin',
    )

    const trail = await world()
      .db.selectFrom('audit_log')
      .select(['actor_role', 'detail'])
      .where('subject_id', '=', 'acct-chloe')
      .where('action', '=', 'display-name-changed')
      .orderBy('at')
      .execute()
    expect(trail.map((entry) => [entry.actor_role, JSON.parse(String(entry.detail))])).toEqual([
      ['candidate', { from: 'Chloe Nguyen', to: 'Chloé Nguyen' }],
      ['support', { from: 'Chloé Nguyen', to: 'Chloé Nguyen-Martin' }],
    ])
  })

  it('leaves the account alone when only the time zone changes, and a record without an account changes alone', async () => {
    expectOk(
      await call(world(), 'PATCH', '/v1/candidates/cand-chloe', { timeZone: 'Europe/Paris' }),
    )
    expectOk(await call(world(), 'PATCH', '/v1/candidates/cand-ana', { firstName: 'Anna' }))
    const renamed = await world()
      .db.selectFrom('audit_log')
      .select('subject_id')
      .where('action', '=', 'display-name-changed')
      .execute()
    expect(renamed).toEqual([])
    const chloe = await world()
      .db.selectFrom('accounts')
      .select('display_name')
      .where('id', '=', 'acct-chloe')
      .executeTakeFirstOrThrow()
    expect(chloe.display_name).toBe('Chloe Nguyen')
  })
})
