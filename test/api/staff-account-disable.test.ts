import { describe, expect, it } from 'vitest'
import { DEMO_SIGN_IN } from '../../src/demo/demo-accounts.js'
import { testDatabases } from '../support/databases.js'
import { call, expectOk, expectProblem, NOW, useApi } from './api-harness.js'
import { anonymous, asBrowser, requestSignIn, signIn, signInMails } from './sign-in-world.js'

interface AccountOut {
  readonly id: string
  readonly role: string
  readonly email: string
  readonly disabledAt: string | null
}

const REASON = 'Left the support team on 30 November'

describe.each(testDatabases())('disabling a staff account ($name)', ({ open }) => {
  const world = useApi(open)

  async function accountOf(email: string): Promise<AccountOut> {
    const { items } = expectOk<{ items: AccountOut[] }>(
      await call(world(), 'GET', '/v1/admin/accounts?limit=200'),
    )
    return items.find((account) => account.email === email)!
  }

  it('ends Rosa’s sessions at once, refuses her sign-in plainly, and audits who and why', async () => {
    const rosa = await signIn(world(), DEMO_SIGN_IN.support)
    const henrik = await signIn(world(), DEMO_SIGN_IN.admin)
    expectOk(await asBrowser(world(), rosa, 'GET', '/v1/me'))
    const id = (await accountOf(DEMO_SIGN_IN.support)).id

    const disabled = expectOk<AccountOut>(
      await asBrowser(world(), henrik, 'POST', `/v1/admin/accounts/${id}/disable`, {
        body: { reason: REASON },
      }),
    )
    expect(disabled.disabledAt).not.toBeNull()
    // Her open session answers as none at its very next request.
    expectProblem(await asBrowser(world(), rosa, 'GET', '/v1/me'), 401, 'UNAUTHENTICATED')
    const sessions = await world()
      .db.selectFrom('sessions')
      .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
      .select(['sessions.ended_at'])
      .where('accounts.id', '=', id)
      .execute()
    expect(sessions.length).toBeGreaterThan(0)
    expect(sessions.every((session) => session.ended_at !== null)).toBe(true)

    // Asking for a sign-in answers as for anyone; the mail says why no code comes.
    const codesBefore = (await signInMails(world().db, DEMO_SIGN_IN.support)).length
    await requestSignIn(world(), DEMO_SIGN_IN.support)
    expect((await signInMails(world().db, DEMO_SIGN_IN.support)).length).toBe(codesBefore)
    const refused = await world()
      .db.selectFrom('outbox')
      .select(['subject', 'body_text'])
      .where('kind', '=', 'sign-in-refused')
      .where('recipient', '=', DEMO_SIGN_IN.support)
      .execute()
    expect(refused.map((mail) => mail.subject)).toEqual(['Your examdesk account is disabled'])
    expect(refused[0]?.body_text).toContain('Your account is disabled, so it cannot sign in')
    // A code mailed before she was disabled opens nothing either.
    const before = (await signInMails(world().db, DEMO_SIGN_IN.support)).at(-1)!
    expectProblem(
      await anonymous(world(), 'POST', '/v1/sign-in/code', {
        email: DEMO_SIGN_IN.support,
        code: before.code,
      }),
      400,
      'SIGN_IN_CODE_INVALID',
    )

    const audit = await world()
      .db.selectFrom('audit_log')
      .select(['action', 'actor_name', 'actor_role', 'reason', 'detail'])
      .where('subject_type', '=', 'account')
      .where('subject_id', '=', id)
      .where('action', '=', 'account-disabled')
      .execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({
      actor_name: 'Henrik Lund',
      actor_role: 'admin',
      reason: REASON,
    })
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ sessionsEnded: 1 })

    // Again: nothing changes, nothing more is audited.
    const again = expectOk<AccountOut>(
      await asBrowser(world(), henrik, 'POST', `/v1/admin/accounts/${id}/disable`, {
        body: { reason: REASON },
      }),
    )
    expect(again.disabledAt).toBe(disabled.disabledAt)
    const entries = await world()
      .db.selectFrom('audit_log')
      .select('id')
      .where('subject_id', '=', id)
      .where('action', '=', 'account-disabled')
      .execute()
    expect(entries).toHaveLength(1)
  })

  it('lets her sign in again once enabled, audited with the reason', async () => {
    const henrik = await signIn(world(), DEMO_SIGN_IN.admin)
    const id = (await accountOf(DEMO_SIGN_IN.support)).id
    const body = { body: { reason: REASON } }
    expectOk(await asBrowser(world(), henrik, 'POST', `/v1/admin/accounts/${id}/disable`, body))
    const enabled = expectOk<AccountOut>(
      await asBrowser(world(), henrik, 'POST', `/v1/admin/accounts/${id}/enable`, {
        body: { reason: 'Back on the team' },
      }),
    )
    expect(enabled.disabledAt).toBeNull()
    const rosa = await signIn(world(), DEMO_SIGN_IN.support)
    expectOk(await asBrowser(world(), rosa, 'GET', '/v1/me'))
    const audit = await world()
      .db.selectFrom('audit_log')
      .select(['action', 'reason'])
      .where('subject_id', '=', id)
      .where('action', 'in', ['account-disabled', 'account-enabled'])
      .orderBy('id')
      .execute()
    expect(audit).toEqual([
      { action: 'account-disabled', reason: REASON },
      { action: 'account-enabled', reason: 'Back on the team' },
    ])
  })

  it('refuses a candidate’s account, the admin’s own, an unknown one and a blank reason, changing nothing', async () => {
    const henrik = await signIn(world(), DEMO_SIGN_IN.admin)
    const chloe = await accountOf(DEMO_SIGN_IN.candidate)
    const own = await accountOf(DEMO_SIGN_IN.admin)
    const rosa = await accountOf(DEMO_SIGN_IN.support)
    const disable = (id: string, reason = REASON) =>
      asBrowser(world(), henrik, 'POST', `/v1/admin/accounts/${id}/disable`, { body: { reason } })

    expectProblem(await disable(chloe.id), 409, 'ACCOUNT_NOT_STAFF')
    expectProblem(await disable(own.id), 409, 'ACCOUNT_DISABLE_OWN')
    expectProblem(await disable('no-such-account'), 404, 'ACCOUNT_NOT_FOUND')
    expectProblem(await disable(rosa.id, '   '), 400, 'VALIDATION_FAILED')
    expectProblem(
      await asBrowser(world(), henrik, 'POST', `/v1/admin/accounts/${rosa.id}/disable`, {
        body: {},
      }),
      400,
      'VALIDATION_FAILED',
    )
    for (const email of [DEMO_SIGN_IN.candidate, DEMO_SIGN_IN.admin, DEMO_SIGN_IN.support])
      expect((await accountOf(email)).disabledAt).toBeNull()
  })

  it('asks an admin whose sign-in is old to sign in again first', async () => {
    const henrik = await signIn(world(), DEMO_SIGN_IN.admin)
    const rosa = await accountOf(DEMO_SIGN_IN.support)
    world().clock.set(NOW + 11 * 60_000)
    expectProblem(
      await asBrowser(world(), henrik, 'POST', `/v1/admin/accounts/${rosa.id}/disable`, {
        body: { reason: REASON },
      }),
      403,
      'REAUTHENTICATION_REQUIRED',
    )
    expect((await accountOf(DEMO_SIGN_IN.support)).disabledAt).toBeNull()
  })

  it('lets support, signed in as Rosa, neither disable nor enable anyone', async () => {
    const rosa = await signIn(world(), DEMO_SIGN_IN.support)
    const henrik = await accountOf(DEMO_SIGN_IN.admin)
    for (const action of ['disable', 'enable'])
      expectProblem(
        await asBrowser(world(), rosa, 'POST', `/v1/admin/accounts/${henrik.id}/${action}`, {
          body: { reason: REASON },
        }),
        403,
        'FORBIDDEN',
      )
    expect((await accountOf(DEMO_SIGN_IN.admin)).disabledAt).toBeNull()
  })
})
