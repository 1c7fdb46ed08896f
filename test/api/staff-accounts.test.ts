import { describe, expect, it } from 'vitest'
import { DEMO_SIGN_IN } from '../../src/demo/demo-accounts.js'
import { testDatabases } from '../support/databases.js'
import { call, expectOk, expectProblem, useApi } from './api-harness.js'
import { asBrowser, signIn } from './sign-in-world.js'

interface AccountsPage {
  readonly items: readonly { id: string; role: string; email: string }[]
  readonly total: number
}

describe.each(testDatabases())('staff accounts, for the console ($name)', ({ open }) => {
  const world = useApi(open)

  it('lists only staff accounts when asked, or only candidates’, each counted apart', async () => {
    expectOk(
      await call(world(), 'POST', '/v1/admin/accounts', {
        role: 'support',
        displayName: 'Maya Okafor',
        email: 'maya.okafor@examdesk.example',
      }),
      201,
    )
    const staff = expectOk<AccountsPage>(
      await call(world(), 'GET', '/v1/admin/accounts?kind=staff&limit=200'),
    )
    // Made at the same instant as the demo's (the clock stands still): compared in any order.
    expect(staff.items.map((account) => [account.email, account.role]).sort()).toEqual([
      [DEMO_SIGN_IN.admin, 'admin'],
      ['maya.okafor@examdesk.example', 'support'],
      [DEMO_SIGN_IN.support, 'support'],
    ])
    expect(staff.total).toBe(3)

    const candidates = expectOk<AccountsPage>(
      await call(world(), 'GET', '/v1/admin/accounts?kind=candidate&limit=200'),
    )
    expect(candidates.items.every((account) => account.role === 'candidate')).toBe(true)
    expect(candidates.items.map((account) => account.email)).toContain(DEMO_SIGN_IN.candidate)
    const everyone = expectOk<AccountsPage>(await call(world(), 'GET', '/v1/admin/accounts'))
    expect(everyone.total).toBe(staff.total + candidates.total)

    expectProblem(
      await call(world(), 'GET', '/v1/admin/accounts?kind=robot'),
      400,
      'VALIDATION_FAILED',
    )
  })

  it('lets support, signed in as Rosa, neither list, make nor re-address a staff account', async () => {
    const rosa = await signIn(world(), DEMO_SIGN_IN.support)
    const henrik = expectOk<AccountsPage>(
      await call(world(), 'GET', '/v1/admin/accounts?kind=staff'),
    ).items.find((account) => account.role === 'admin')!

    expectProblem(
      await asBrowser(world(), rosa, 'GET', '/v1/admin/accounts?kind=staff'),
      403,
      'FORBIDDEN',
    )
    expectProblem(
      await asBrowser(world(), rosa, 'POST', '/v1/admin/accounts', {
        body: { role: 'admin', displayName: 'Rosa Again', email: 'rosa.again@examdesk.example' },
      }),
      403,
      'FORBIDDEN',
    )
    expectProblem(
      await asBrowser(world(), rosa, 'POST', `/v1/admin/accounts/${henrik.id}/email`, {
        body: { email: 'someone.else@examdesk.example' },
      }),
      403,
      'FORBIDDEN',
    )
    expectProblem(await asBrowser(world(), rosa, 'GET', '/v1/admin/tokens'), 403, 'FORBIDDEN')

    // Nothing was made: the staff are as they were.
    expect(
      expectOk<AccountsPage>(await call(world(), 'GET', '/v1/admin/accounts?kind=staff')).total,
    ).toBe(2)
  })
})
