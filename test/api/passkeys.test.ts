import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { describe, expect, it } from 'vitest'
import { purgePasskeyChallenges } from '../../src/app/accounts/purge-passkey-challenges.js'
import { DEFAULT_PUBLIC_URL } from '../../src/app/accounts/sign-in-client.js'
import { buildExamdeskApp } from '../../src/http/examdesk-app.js'
import { openAnotherHandle, testDatabases } from '../support/databases.js'
import { SoftwareAuthenticator } from '../support/software-authenticator.js'
import { type ApiWorld, call, expectOk, expectProblem, NOW, useApi } from './api-harness.js'
import { anonymous, asBrowser, type Browser, sessionCookieOf, signIn } from './sign-in-world.js'

const CHLOE = 'chloe.nguyen@example.com'
const ROSA = 'rosa.delgado@examdesk.example'
const MINUTE = 60_000

interface PasskeyOut {
  readonly id: string
  readonly name: string
  readonly createdAt: string
  readonly lastUsedAt: string | null
  readonly transports: string[]
}

type RegistrationOptions = Parameters<SoftwareAuthenticator['register']>[0]
type SignInOptions = Parameters<SoftwareAuthenticator['assert']>[0]

describe.each(testDatabases())('passkeys ($name)', ({ open }) => {
  const world = useApi(open)

  async function registrationOptions(
    browser: Browser,
    app: Pick<ApiWorld, 'app'> = world(),
  ): Promise<RegistrationOptions & { excludeCredentials?: { id: string }[] }> {
    return expectOk(await asBrowser(app, browser, 'POST', '/v1/me/passkeys/options'))
  }

  /** The signed-in person adds the authenticator's passkey under `name`. */
  async function addPasskey(
    browser: Browser,
    authenticator: SoftwareAuthenticator,
    name = 'Laptop',
  ): Promise<PasskeyOut> {
    const options = await registrationOptions(browser)
    const credential = authenticator.register(options)
    return expectOk<PasskeyOut>(
      await asBrowser(world(), browser, 'POST', '/v1/me/passkeys', { body: { name, credential } }),
      201,
    )
  }

  async function signInOptions(app: Pick<ApiWorld, 'app'> = world()): Promise<SignInOptions> {
    return expectOk(await anonymous(app, 'POST', '/v1/sign-in/passkey/options'))
  }

  function postAssertion(
    assertion: unknown,
    app: Pick<ApiWorld, 'app'> = world(),
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    return anonymous(app, 'POST', '/v1/sign-in/passkey', assertion, headers)
  }

  /** A browser signs in with the authenticator's passkey; answers the browser as a mail's code would. */
  async function signInWith(authenticator: SoftwareAuthenticator): Promise<Browser> {
    const response = await postAssertion(authenticator.assert(await signInOptions()))
    const body = expectOk<{ csrfToken: string; account: { email: string } }>(response)
    const cookie = sessionCookieOf(response)
    if (cookie === undefined) throw new Error('the passkey sign-in set no session cookie')
    return { cookie, csrfToken: body.csrfToken }
  }

  const passkeysOf = async (browser: Browser) =>
    expectOk<{ items: PasskeyOut[] }>(await asBrowser(world(), browser, 'GET', '/v1/me/passkeys'))
      .items

  it('adds a passkey and signs in with it, without an email: a session like a mail sign-in makes', async () => {
    const laptop = await signIn(world(), CHLOE)
    const authenticator = new SoftwareAuthenticator(DEFAULT_PUBLIC_URL)
    const options = await registrationOptions(laptop)
    expect(options.rp.id).toBe('127.0.0.1')
    expect(options).toMatchObject({
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      attestation: 'none',
      excludeCredentials: [],
    })
    const added = expectOk<PasskeyOut>(
      await asBrowser(world(), laptop, 'POST', '/v1/me/passkeys', {
        body: { name: '  Chloe’s laptop ', credential: authenticator.register(options) },
      }),
      201,
    )
    expect(added).toMatchObject({ name: 'Chloe’s laptop', lastUsedAt: null })
    expect(added.transports).toEqual(['internal', 'hybrid'])
    expect(await passkeysOf(laptop)).toEqual([added])

    // Another browser, no cookie and no email: the authenticator offers the passkey.
    const sigInOptions = await signInOptions()
    expect(sigInOptions).toMatchObject({ rpId: '127.0.0.1', userVerification: 'required' })
    expect(sigInOptions).not.toHaveProperty('allowCredentials.0')
    const response = await postAssertion(authenticator.assert(sigInOptions))
    const body = expectOk<{ account: { email: string; role: string }; csrfToken: string }>(response)
    expect(body.account).toMatchObject({ email: CHLOE, role: 'candidate' })
    expect(response.headers['set-cookie']).toMatch(
      /^__Host-examdesk-session=[^;]+; Max-Age=43200; Path=\/; HttpOnly; Secure; SameSite=Lax/,
    )
    const phone: Browser = { cookie: sessionCookieOf(response)!, csrfToken: body.csrfToken }
    expect(phone.cookie).not.toBe(laptop.cookie)
    const me = expectOk<{ account: { email: string }; csrfToken: string }>(
      await asBrowser(world(), phone, 'GET', '/v1/me'),
    )
    expect(me).toMatchObject({ account: { email: CHLOE }, csrfToken: phone.csrfToken })

    // The session is as good for changes (with its CSRF token) as a mail's.
    const other = new SoftwareAuthenticator(DEFAULT_PUBLIC_URL)
    await addPasskey(phone, other, 'Phone')
    expect((await passkeysOf(laptop)).map((p) => [p.name, p.lastUsedAt])).toEqual([
      ['Chloe’s laptop', '2026-06-15T12:00:00.000Z'],
      ['Phone', null],
    ])
    const audit = await world()
      .db.selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('subject_type', '=', 'account')
      .where('action', 'in', ['passkey-added', 'signed-in'])
      .orderBy('at')
      .orderBy('id')
      .execute()
    expect(audit.map((entry) => entry.action)).toEqual([
      'signed-in',
      'passkey-added',
      'signed-in',
      'passkey-added',
    ])
    expect(JSON.parse(audit[2]!.detail)).toMatchObject({ via: 'passkey', passkeyId: added.id })
  })

  it('moves the counter with each sign-in and refuses one whose counter did not move', async () => {
    const browser = await signIn(world(), CHLOE)
    const authenticator = new SoftwareAuthenticator(DEFAULT_PUBLIC_URL)
    await addPasskey(browser, authenticator)
    const counterOf = async () =>
      Number(
        (
          await world()
            .db.selectFrom('passkeys')
            .select('sign_count')
            .where('credential_id', '=', authenticator.credentialId)
            .executeTakeFirstOrThrow()
        ).sign_count,
      )
    expect(await counterOf()).toBe(0)
    await signInWith(authenticator)
    expect(await counterOf()).toBe(1)
    world().clock.set(NOW + MINUTE)
    await signInWith(authenticator)
    expect(await counterOf()).toBe(2)

    // A clone of the authenticator reports a counter already seen: refused, and nothing is stored.
    for (const counter of [2, 1]) {
      const refused = await postAssertion(authenticator.assert(await signInOptions(), { counter }))
      expectProblem(refused, 401, 'PASSKEY_NOT_ACCEPTED')
      expect(sessionCookieOf(refused)).toBeUndefined()
    }
    expect(await counterOf()).toBe(2)
    authenticator.counter = 2
    await signInWith(authenticator)
    expect(await counterOf()).toBe(3)
  })

  it('refuses a replayed answer, a challenge answered twice, an expired one and one for another ceremony', async () => {
    const browser = await signIn(world(), CHLOE)
    const authenticator = new SoftwareAuthenticator(DEFAULT_PUBLIC_URL)
    await addPasskey(browser, authenticator)

    const options = await signInOptions()
    const assertion = authenticator.assert(options)
    expectOk(await postAssertion(assertion))
    // The very answer again (a captured request), and a fresh signature over the spent challenge.
    expectProblem(await postAssertion(assertion), 400, 'PASSKEY_CHALLENGE_INVALID')
    expectProblem(
      await postAssertion(authenticator.assert(options)),
      400,
      'PASSKEY_CHALLENGE_INVALID',
    )

    // A challenge answered after its 5 minutes.
    const late = await signInOptions()
    world().clock.set(NOW + 5 * MINUTE)
    expectProblem(await postAssertion(authenticator.assert(late)), 400, 'PASSKEY_CHALLENGE_INVALID')

    // A registration's challenge does not sign in, nor a made-up one.
    const registration = await registrationOptions(browser)
    expectProblem(
      await postAssertion(authenticator.assert({ challenge: registration.challenge })),
      400,
      'PASSKEY_CHALLENGE_INVALID',
    )
    expectProblem(
      await postAssertion(authenticator.assert({ challenge: 'bm90LWhhbmRlZC1vdXQ' })),
      400,
      'PASSKEY_CHALLENGE_INVALID',
    )
    // A challenge used up by a failed answer stays used up.
    const wrongOrigin = await signInOptions()
    expectProblem(
      await postAssertion(authenticator.assert(wrongOrigin, { origin: 'https://evil.example' })),
      401,
      'PASSKEY_NOT_ACCEPTED',
    )
    expectProblem(
      await postAssertion(authenticator.assert(wrongOrigin)),
      400,
      'PASSKEY_CHALLENGE_INVALID',
    )
  })

  it('takes an answer on another process than the one that handed out its challenge', async () => {
    const other = await openAnotherHandle(world().db)
    let second: FastifyInstance | undefined
    try {
      second = await buildExamdeskApp({ db: other.db, clock: world().clock })
      const browser = await signIn(world(), CHLOE)
      const authenticator = new SoftwareAuthenticator(DEFAULT_PUBLIC_URL)
      // Registration: options from the first process, the answer to the second.
      const options = await registrationOptions(browser)
      expectOk(
        await asBrowser({ app: second }, browser, 'POST', '/v1/me/passkeys', {
          body: { name: 'Laptop', credential: authenticator.register(options) },
        }),
        201,
      )
      // Sign-in: options from the second, the answer to the first, then the same answer to the second.
      const assertion = authenticator.assert(await signInOptions({ app: second }))
      const signedIn = await postAssertion(assertion)
      expectOk(signedIn)
      expectProblem(
        await postAssertion(assertion, { app: second }),
        400,
        'PASSKEY_CHALLENGE_INVALID',
      )
      const phone = { cookie: sessionCookieOf(signedIn)!, csrfToken: '' }
      expectOk(await asBrowser({ app: second }, phone, 'GET', '/v1/me'))
    } finally {
      await second?.close()
      await other.close()
    }
  })

  it('signs in nowhere with a removed passkey, on every process', async () => {
    const other = await openAnotherHandle(world().db)
    let second: FastifyInstance | undefined
    try {
      second = await buildExamdeskApp({ db: other.db, clock: world().clock })
      const browser = await signIn(world(), CHLOE)
      const authenticator = new SoftwareAuthenticator(DEFAULT_PUBLIC_URL)
      const passkey = await addPasskey(browser, authenticator)
      await signInWith(authenticator)
      const pending = authenticator.assert(await signInOptions())

      // Without the CSRF token the removal changes nothing.
      const remove = `/v1/me/passkeys/${passkey.id}/remove`
      expectProblem(
        await asBrowser(world(), browser, 'POST', remove, { csrf: null }),
        403,
        'CSRF_TOKEN_INVALID',
      )
      expect(await passkeysOf(browser)).toHaveLength(1)
      const removed = expectOk<PasskeyOut>(await asBrowser(world(), browser, 'POST', remove))
      expect(removed.id).toBe(passkey.id)
      expect(await passkeysOf(browser)).toEqual([])
      expectProblem(await asBrowser(world(), browser, 'POST', remove), 404, 'PASSKEY_NOT_FOUND')

      // An answer made before the removal, and a new one, on either process.
      expectProblem(await postAssertion(pending, { app: second }), 401, 'PASSKEY_NOT_ACCEPTED')
      expectProblem(
        await postAssertion(authenticator.assert(await signInOptions())),
        401,
        'PASSKEY_NOT_ACCEPTED',
      )
      const audit = await world()
        .db.selectFrom('audit_log')
        .select(['detail'])
        .where('action', '=', 'passkey-removed')
        .execute()
      expect(audit.map((entry) => JSON.parse(entry.detail))).toEqual([
        { passkeyId: passkey.id, name: 'Laptop' },
      ])
    } finally {
      await second?.close()
      await other.close()
    }
  })

  it('tells the person by mail when a passkey is added and when one is removed, once each', async () => {
    const browser = await signIn(world(), CHLOE)
    const authenticator = new SoftwareAuthenticator(DEFAULT_PUBLIC_URL)
    const passkey = await addPasskey(browser, authenticator, 'Work laptop')
    const remove = `/v1/me/passkeys/${passkey.id}/remove`
    expectOk(await asBrowser(world(), browser, 'POST', remove))
    expectProblem(await asBrowser(world(), browser, 'POST', remove), 404, 'PASSKEY_NOT_FOUND')

    const mails = await world()
      .db.selectFrom('outbox')
      .select(['kind', 'dedupe_key', 'recipient', 'subject', 'body_text', 'body_html'])
      .where('kind', 'in', ['passkey-added', 'passkey-removed'])
      .orderBy('created_at')
      .orderBy('id')
      .execute()
    expect(mails.map((mail) => [mail.kind, mail.dedupe_key, mail.recipient])).toEqual([
      ['passkey-added', `passkey-added:${passkey.id}`, CHLOE],
      ['passkey-removed', `passkey-removed:${passkey.id}`, CHLOE],
    ])
    const [added, removed] = mails
    expect(added!.subject).toBe('A passkey was added to your examdesk account')
    expect(added!.body_text).toMatch(/^ {2}Passkey: +Work laptop$/m)
    // Chloe's own clock: the demo has her in Australia/Sydney.
    expect(added!.body_text).toMatch(/^ {2}When: +Monday 15 June 2026, 22:00 \(Australia\/Sydney/m)
    expect(added!.body_text).toContain('If it was not you')
    expect(added!.body_html).toContain('Work laptop')
    expect(removed!.subject).toBe('A passkey was removed from your examdesk account')
  })

  it("keeps one account's passkey out of another's: not added to it, not signing into it, not listed or removed by it", async () => {
    const chloe = await signIn(world(), CHLOE)
    const rosa = await signIn(world(), ROSA)
    const authenticator = new SoftwareAuthenticator(DEFAULT_PUBLIC_URL)
    const chloes = await addPasskey(chloe, authenticator)

    // Rosa adds the same credential (she holds the authenticator): it is Chloe's already.
    const again = authenticator.register(await registrationOptions(rosa))
    expectProblem(
      await asBrowser(world(), rosa, 'POST', '/v1/me/passkeys', {
        body: { name: 'Mine now', credential: again },
      }),
      409,
      'PASSKEY_ALREADY_ADDED',
    )
    // Chloe's own answer, replayed by Rosa's session: its challenge was handed out to Chloe.
    const chloeOptions = await registrationOptions(chloe)
    const fresh = new SoftwareAuthenticator(DEFAULT_PUBLIC_URL)
    expectProblem(
      await asBrowser(world(), rosa, 'POST', '/v1/me/passkeys', {
        body: { name: 'Stolen', credential: fresh.register(chloeOptions) },
      }),
      400,
      'PASSKEY_CHALLENGE_INVALID',
    )
    expect(await passkeysOf(rosa)).toEqual([])

    // Chloe's passkey saying it was made for Rosa's account signs into nobody.
    const rosaHandle = (await registrationOptions(rosa)).user.id
    expectProblem(
      await postAssertion(authenticator.assert(await signInOptions(), { userHandle: rosaHandle })),
      401,
      'PASSKEY_NOT_ACCEPTED',
    )
    const signedIn = await postAssertion(authenticator.assert(await signInOptions()))
    expect(expectOk<{ account: { email: string } }>(signedIn).account.email).toBe(CHLOE)

    // Rosa cannot remove Chloe's passkey, and learns nothing of it: the same 404 as a made-up id.
    for (const id of [chloes.id, '0190aaaa-0000-7000-8000-000000000000']) {
      const refused = expectProblem(
        await asBrowser(world(), rosa, 'POST', `/v1/me/passkeys/${id}/remove`),
        404,
        'PASSKEY_NOT_FOUND',
      )
      expect(refused.passkeyId).toBe(id)
    }
    expect(await passkeysOf(chloe)).toHaveLength(1)
  })

  it('adds no passkey from an answer that does not verify', async () => {
    const browser = await signIn(world(), CHLOE)
    const add = async (credential: unknown) =>
      asBrowser(world(), browser, 'POST', '/v1/me/passkeys', {
        body: { name: 'Laptop', credential },
      })
    const authenticator = new SoftwareAuthenticator(DEFAULT_PUBLIC_URL)
    // Made on another site's page, or without a fingerprint, face or PIN.
    expectProblem(
      await add(
        authenticator.register(await registrationOptions(browser), {
          origin: 'https://evil.example',
        }),
      ),
      400,
      'PASSKEY_REGISTRATION_INVALID',
    )
    expectProblem(
      await add(
        authenticator.register(await registrationOptions(browser), { userVerified: false }),
      ),
      400,
      'PASSKEY_REGISTRATION_INVALID',
    )
    expect(await passkeysOf(browser)).toEqual([])
    // The authenticator once added is excluded from the next options.
    await addPasskey(browser, authenticator)
    const next = await registrationOptions(browser)
    expect(next.excludeCredentials?.map((c) => c.id)).toEqual([authenticator.credentialId])
    expectProblem(await add(authenticator.register(next)), 409, 'PASSKEY_ALREADY_ADDED')
  })

  it('needs a signed-in person to add one, and answers problem+json to a bearer token', async () => {
    expectProblem(
      await anonymous(world(), 'POST', '/v1/me/passkeys/options'),
      401,
      'UNAUTHENTICATED',
    )
    expectProblem(await anonymous(world(), 'GET', '/v1/me/passkeys'), 401, 'UNAUTHENTICATED')
    expectProblem(
      await call(world(), 'POST', '/v1/me/passkeys/options', undefined, 'support'),
      403,
      'ACCOUNT_REQUIRED',
    )
    const browser = await signIn(world(), CHLOE)
    expectProblem(
      await asBrowser(world(), browser, 'POST', '/v1/me/passkeys/options', { csrf: null }),
      403,
      'CSRF_TOKEN_INVALID',
    )
    expectProblem(
      await postAssertion({ id: 'x', rawId: 'x', type: 'public-key' }),
      400,
      'VALIDATION_FAILED',
    )
  })

  it('throttles failed passkey sign-ins per address, with Retry-After', async () => {
    const browser = await signIn(world(), CHLOE)
    const authenticator = new SoftwareAuthenticator(DEFAULT_PUBLIC_URL)
    await addPasskey(browser, authenticator)
    const stranger = new SoftwareAuthenticator(DEFAULT_PUBLIC_URL)
    for (let failure = 1; failure <= 20; failure++) {
      expectProblem(
        await postAssertion(stranger.assert(await signInOptions())),
        401,
        'PASSKEY_NOT_ACCEPTED',
      )
    }
    // Locked for an hour from the twentieth: even the right passkey waits.
    const locked = await postAssertion(authenticator.assert(await signInOptions()))
    expect(expectProblem(locked, 429, 'PASSKEY_THROTTLED')).toMatchObject({
      lockedFor: 'failures',
      retryAfter: 3600,
    })
    expect(locked.headers['retry-after']).toBe('3600')
    expect(sessionCookieOf(locked)).toBeUndefined()
    world().clock.set(NOW + 60 * MINUTE)
    expectOk(await postAssertion(authenticator.assert(await signInOptions())))
  })

  it('throttles asking for sign-in options per address: each is a challenge stored', async () => {
    for (let asked = 1; asked <= 60; asked++) await signInOptions()
    const refused = await anonymous(world(), 'POST', '/v1/sign-in/passkey/options')
    expect(expectProblem(refused, 429, 'PASSKEY_THROTTLED')).toMatchObject({
      lockedFor: 'requests',
      retryAfter: 900,
    })
    expect(refused.headers['retry-after']).toBe('900')
    world().clock.set(NOW + 15 * MINUTE)
    await signInOptions()
  })

  it('forgets challenges an hour after they expired, spent or not', async () => {
    const count = async () =>
      Number(
        (
          await world()
            .db.selectFrom('webauthn_challenges')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    await signInOptions()
    world().clock.set(NOW + 30 * MINUTE)
    const recent = await signInOptions()
    expect(await count()).toBe(2)
    // The first expired 25 minutes ago: kept a while yet.
    expect(await purgePasskeyChallenges(world())).toEqual({ deleted: 0 })
    world().clock.set(NOW + 66 * MINUTE)
    expect(await purgePasskeyChallenges(world())).toEqual({ deleted: 1 })
    expect(await count()).toBe(1)
    // The one kept has expired too: an answer to it signs in nobody.
    expectProblem(
      await postAssertion(new SoftwareAuthenticator(DEFAULT_PUBLIC_URL).assert(recent)),
      400,
      'PASSKEY_CHALLENGE_INVALID',
    )
  })

  it('binds passkeys to the public address: its host is the RP ID, its origin the only one accepted', async () => {
    const site = await buildExamdeskApp({
      db: world().db,
      clock: world().clock,
      publicUrl: () => 'https://exams.example.org',
    })
    try {
      const browser = await signIn({ ...world(), app: site }, CHLOE)
      const options = await registrationOptions(browser, { app: site })
      expect(options.rp).toEqual({ id: 'exams.example.org', name: 'examdesk' })
      const authenticator = new SoftwareAuthenticator('https://exams.example.org')
      expectOk(
        await asBrowser({ app: site }, browser, 'POST', '/v1/me/passkeys', {
          body: { name: 'Laptop', credential: authenticator.register(options) },
        }),
        201,
      )
      const signInOptions = expectOk<SignInOptions>(
        await anonymous({ app: site }, 'POST', '/v1/sign-in/passkey/options'),
      )
      expect(signInOptions.rpId).toBe('exams.example.org')
      // The same passkey answering for a sibling host's RP ID, or from the plain-HTTP origin, signs in nobody.
      expectProblem(
        await anonymous(
          { app: site },
          'POST',
          '/v1/sign-in/passkey',
          authenticator.assert({ challenge: signInOptions.challenge, rpId: 'example.org' }),
        ),
        401,
        'PASSKEY_NOT_ACCEPTED',
      )
      const again = expectOk<SignInOptions>(
        await anonymous({ app: site }, 'POST', '/v1/sign-in/passkey/options'),
      )
      expectProblem(
        await anonymous(
          { app: site },
          'POST',
          '/v1/sign-in/passkey',
          authenticator.assert(again, { origin: 'http://exams.example.org' }),
        ),
        401,
        'PASSKEY_NOT_ACCEPTED',
      )
      const last = expectOk<SignInOptions>(
        await anonymous({ app: site }, 'POST', '/v1/sign-in/passkey/options'),
      )
      expectOk(
        await anonymous({ app: site }, 'POST', '/v1/sign-in/passkey', authenticator.assert(last)),
      )
    } finally {
      await site.close()
    }
  })
})
