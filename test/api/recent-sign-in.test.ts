import { describe, expect, it } from 'vitest'
import { DEFAULT_PUBLIC_URL } from '../../src/app/accounts/sign-in-client.js'
import { insertOutsideIdentity } from '../../src/db/accounts/outside-identities.js'
import { DEMO_SIGN_IN } from '../../src/demo/demo-accounts.js'
import { formatInstant } from '../../src/domain/instant.js'
import { buildExamdeskApp } from '../../src/http/examdesk-app.js'
import { testDatabases } from '../support/databases.js'
import { SoftwareAuthenticator } from '../support/software-authenticator.js'
import { type ApiWorld, call, expectOk, expectProblem, NOW, useApi } from './api-harness.js'
import { asBrowser, type Browser, signIn } from './sign-in-world.js'

const MINUTE = 60_000
const CHLOE = DEMO_SIGN_IN.candidate

type RegistrationOptions = Parameters<SoftwareAuthenticator['register']>[0]

describe.each(testDatabases())('sensitive changes need a recent sign-in ($name)', ({ open }) => {
  const world = useApi(open)

  /** Signs in at `at`, as a browser does, and leaves the clock there. */
  async function signInAt(email: string, at: number, w: ApiWorld = world()): Promise<Browser> {
    w.clock.set(at)
    return signIn(w, email)
  }

  const refused = (response: Awaited<ReturnType<typeof asBrowser>>, signedInAt: number) => {
    const problem = expectProblem(response, 403, 'REAUTHENTICATION_REQUIRED')
    expect(problem).toMatchObject({ signedInAt: formatInstant(signedInAt), withinMinutes: 10 })
    expect(problem.detail).toContain('sign in again first')
    return problem
  }

  const passkeysOf = async (browser: Browser) =>
    expectOk<{ items: { id: string }[] }>(
      await asBrowser(world(), browser, 'GET', '/v1/me/passkeys'),
    ).items

  it('adds and removes a passkey within ten minutes of signing in; later, only after signing in again, and a refusal changes nothing', async () => {
    const authenticator = new SoftwareAuthenticator(DEFAULT_PUBLIC_URL)
    const first = await signInAt(CHLOE, NOW)
    world().clock.set(NOW + 9 * MINUTE)
    const options = expectOk<RegistrationOptions>(
      await asBrowser(world(), first, 'POST', '/v1/me/passkeys/options'),
    )
    const credential = authenticator.register(options)

    // The options were asked in time; the answer comes at the tenth minute: too late.
    world().clock.set(NOW + 10 * MINUTE)
    refused(
      await asBrowser(world(), first, 'POST', '/v1/me/passkeys', {
        body: { name: 'Laptop', credential },
      }),
      NOW,
    )
    refused(await asBrowser(world(), first, 'POST', '/v1/me/passkeys/options'), NOW)
    expect(await passkeysOf(first)).toEqual([])
    const mails = await world()
      .db.selectFrom('outbox')
      .select('kind')
      .where('kind', '=', 'passkey-added')
      .execute()
    expect(mails).toEqual([])

    const again = await signInAt(CHLOE, NOW + 10 * MINUTE)
    const fresh = expectOk<RegistrationOptions>(
      await asBrowser(world(), again, 'POST', '/v1/me/passkeys/options'),
    )
    const added = expectOk<{ id: string }>(
      await asBrowser(world(), again, 'POST', '/v1/me/passkeys', {
        body: { name: 'Laptop', credential: authenticator.register(fresh) },
      }),
      201,
    )

    world().clock.set(NOW + 25 * MINUTE)
    const remove = `/v1/me/passkeys/${added.id}/remove`
    refused(await asBrowser(world(), again, 'POST', remove), NOW + 10 * MINUTE)
    expect((await passkeysOf(again)).map((passkey) => passkey.id)).toEqual([added.id])
    const third = await signInAt(CHLOE, NOW + 25 * MINUTE)
    expectOk(await asBrowser(world(), third, 'POST', remove))
    expect(await passkeysOf(third)).toEqual([])
  })

  it('asks for a new email and unlinks an outside identity only after a recent sign-in', async () => {
    const browser = await signInAt(CHLOE, NOW)
    await insertOutsideIdentity(world().db, {
      id: 'identity-chloe',
      issuer: 'https://login.example.org',
      subject: 'chloe-at-the-issuer',
      accountId: 'acct-chloe',
      linkedAt: NOW,
      lastUsedAt: null,
    })
    world().clock.set(NOW + 11 * MINUTE)
    refused(
      await asBrowser(world(), browser, 'POST', '/v1/me/email', {
        body: { email: 'chloe@example.org' },
      }),
      NOW,
    )
    refused(await asBrowser(world(), browser, 'DELETE', '/v1/me/identities/identity-chloe'), NOW)
    const asked = await world()
      .db.selectFrom('outbox')
      .select('kind')
      .where('recipient', '=', 'chloe@example.org')
      .execute()
    expect(asked).toEqual([])
    const identities = await world()
      .db.selectFrom('outside_identities')
      .select('id')
      .where('account_id', '=', 'acct-chloe')
      .execute()
    expect(identities).toEqual([{ id: 'identity-chloe' }])

    const again = await signInAt(CHLOE, NOW + 11 * MINUTE)
    expect(
      (
        await asBrowser(world(), again, 'POST', '/v1/me/email', {
          body: { email: 'chloe@example.org' },
        })
      ).statusCode,
    ).toBe(202)
    expect(
      (await asBrowser(world(), again, 'DELETE', '/v1/me/identities/identity-chloe')).statusCode,
    ).toBe(204)
  })

  it('ends another session only after a recent sign-in, while signing out of this one never needs one', async () => {
    const phone = await signInAt(CHLOE, NOW)
    const laptop = await signInAt(CHLOE, NOW + MINUTE)
    const sessions = expectOk<{ items: { id: string; current: boolean }[] }>(
      await asBrowser(world(), laptop, 'GET', '/v1/me/sessions'),
    ).items
    const phoneSession = sessions.find((session) => !session.current)!
    world().clock.set(NOW + 20 * MINUTE)
    refused(
      await asBrowser(world(), laptop, 'POST', `/v1/me/sessions/${phoneSession.id}/end`),
      NOW + MINUTE,
    )
    // The phone is still signed in.
    expectOk(await asBrowser(world(), phone, 'GET', '/v1/me'))
    expect((await asBrowser(world(), laptop, 'POST', '/v1/sign-out')).statusCode).toBe(204)
  })

  it("asks it of an admin's session changing a staff member's email, not of a token", async () => {
    const henrik = await signInAt(DEMO_SIGN_IN.admin, NOW)
    world().clock.set(NOW + 20 * MINUTE)
    const url = '/v1/admin/accounts/acct-rosa/email'
    refused(
      await asBrowser(world(), henrik, 'POST', url, { body: { email: 'rosa@examdesk.example' } }),
      NOW,
    )
    expect((await call(world(), 'POST', url, { email: 'rosa@examdesk.example' })).statusCode).toBe(
      202,
    )
  })

  it('counts the minutes an operator sets', async () => {
    const w = world()
    const app = await buildExamdeskApp({ db: w.db, clock: w.clock, recentSignInMs: 5 * MINUTE })
    try {
      const strict = { ...w, app }
      const browser = await signInAt(CHLOE, NOW, strict)
      w.clock.set(NOW + 4 * MINUTE)
      expectOk(await asBrowser(strict, browser, 'POST', '/v1/me/passkeys/options'))
      w.clock.set(NOW + 5 * MINUTE)
      const problem = expectProblem(
        await asBrowser(strict, browser, 'POST', '/v1/me/passkeys/options'),
        403,
        'REAUTHENTICATION_REQUIRED',
      )
      expect(problem.withinMinutes).toBe(5)
    } finally {
      await app.close()
    }
  })
})
