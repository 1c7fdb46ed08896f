import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openIdClient } from '../../src/app/accounts/oidc-client.js'
import { fixedClock } from '../../src/app/clock.js'
import type { Database } from '../../src/db/engine/database.js'
import { DEMO_SIGN_IN } from '../../src/demo/demo-accounts.js'
import type { AccountRole } from '../../src/domain/account.js'
import { buildExamdeskApp } from '../../src/http/examdesk-app.js'
import { SECURE_SESSION_COOKIE } from '../../src/http/session-cookie.js'
import { preparedTokens, type TestDatabase, testDatabases } from '../support/databases.js'
import {
  followIssuer,
  startTestIssuer,
  TEST_OIDC_CLIENT,
  type TestIssuer,
} from '../support/oidc-issuer.js'
import { type ApiWorld, expectOk, expectProblem, NOW } from './api-harness.js'
import { signIn } from './sign-in-world.js'

const SESSION = SECURE_SESSION_COOKIE.name
const FLOW = '__Host-examdesk-oidc'
const STAFF_ONLY: readonly AccountRole[] = ['support', 'admin']
const EVERYONE: readonly AccountRole[] = ['candidate', 'support', 'admin']

let issuer: TestIssuer
beforeAll(async () => {
  issuer = await startTestIssuer()
})
afterAll(() => issuer.close())

/** A browser at examdesk: the cookies it was given, sent back with every request. */
class Browser {
  readonly cookies = new Map<string, string>()
  constructor(private readonly app: () => FastifyInstance) {}

  async send(
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const response = await this.app().inject({
      method,
      url,
      headers,
      cookies: Object.fromEntries(this.cookies),
    })
    for (const cookie of response.cookies as { name: string; value: string; maxAge?: number }[]) {
      if (cookie.value === '' || cookie.maxAge === 0) this.cookies.delete(cookie.name)
      else this.cookies.set(cookie.name, cookie.value)
    }
    return response
  }
}

describe.each(testDatabases())('OpenID Connect sign-in ($name)', ({ open }: TestDatabase) => {
  let database: Database
  let app: FastifyInstance
  let logs: string[]
  const clock = fixedClock(NOW)

  /** The app on this test's database, with OpenID Connect on for `roles`, or off. */
  async function serve(roles: readonly AccountRole[] | null): Promise<void> {
    await app?.close()
    logs = []
    app = await buildExamdeskApp(
      {
        db: database.db,
        clock,
        oidc:
          roles === null
            ? null
            : openIdClient({
                issuer: issuer.issuer,
                clientId: TEST_OIDC_CLIENT.clientId,
                clientSecret: TEST_OIDC_CLIENT.clientSecret,
                roles,
              }),
      },
      { logger: { level: 'info', stream: { write: (line: string) => logs.push(line) } } },
    )
  }

  beforeEach(async () => {
    clock.set(NOW)
    database = await open({ content: 'demo' })
    await serve(STAFF_ONLY)
  })
  afterEach(async () => {
    await app.close()
    await database.close()
  })

  const world = (): ApiWorld => ({ app, db: database.db, clock, tokens: preparedTokens() })
  const browser = () => new Browser(() => app)

  /** A browser signed in by mail as `email`. */
  async function signedIn(email: string): Promise<Browser> {
    const session = await signIn(world(), email)
    const signed = browser()
    signed.cookies.set(SESSION, session.cookie)
    signed.cookies.set('csrf', session.csrfToken)
    return signed
  }

  /** Starts a link in a signed-in browser and signs in at the issuer as `subject`; the callback's address. */
  async function linkAtIssuer(signed: Browser, subject: string): Promise<URL> {
    const started = expectOk<{ authorizationUrl: string }>(
      await signed.send('POST', '/v1/me/identities/oidc/link', {
        'x-csrf-token': signed.cookies.get('csrf')!,
      }),
    )
    issuer.loginAs(subject)
    return followIssuer(started.authorizationUrl, TEST_OIDC_CLIENT.redirectUri)
  }

  async function link(signed: Browser, subject: string): Promise<void> {
    const back = await linkAtIssuer(signed, subject)
    const linked = await signed.send('GET', back.pathname + back.search)
    expect(linked.statusCode, linked.body).toBe(200)
    expect(linked.body).toContain('Identity linked')
  }

  /** Starts a sign-in in `at` and signs in at the issuer as `subject`; the callback's address. */
  async function signInAtIssuer(at: Browser, subject: string, tamper?: (url: URL) => void) {
    const started = await at.send('GET', '/sign-in/oidc')
    expect(started.statusCode, started.body).toBe(303)
    const authorization = new URL(String(started.headers.location))
    expect(authorization.origin).toBe(issuer.issuer)
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256')
    expect(authorization.searchParams.get('redirect_uri')).toBe(TEST_OIDC_CLIENT.redirectUri)
    tamper?.(authorization)
    issuer.loginAs(subject)
    return followIssuer(authorization.href, TEST_OIDC_CLIENT.redirectUri)
  }

  const sessionsOf = async (accountId: string) =>
    (
      await database.db
        .selectFrom('sessions')
        .select('id')
        .where('account_id', '=', accountId)
        .execute()
    ).length

  function expectPage(response: LightMyRequestResponse, status: number, code: string): void {
    expect(response.statusCode, response.body).toBe(status)
    expect(response.headers['content-type']).toMatch(/^text\/html/)
    expect(response.body).toContain(code)
    expect(response.body).toContain('href="/sign-in/oidc"')
    expect(response.body).not.toMatch(/ at .*\.(ts|js):\d+/)
  }

  it('is switched off unless an issuer is set: every entry answers 404 OIDC_NOT_ENABLED', async () => {
    await serve(null)
    expectPage(await browser().send('GET', '/sign-in/oidc'), 404, 'OIDC_NOT_ENABLED')
    expectPage(
      await browser().send('GET', '/sign-in/oidc/callback?code=x&state=y'),
      404,
      'OIDC_NOT_ENABLED',
    )
    const rosa = await signedIn(DEMO_SIGN_IN.support)
    expectProblem(
      await rosa.send('POST', '/v1/me/identities/oidc/link', {
        'x-csrf-token': rosa.cookies.get('csrf')!,
      }),
      404,
      'OIDC_NOT_ENABLED',
    )
  })

  it('signs nobody in with an identity no account has linked, even one whose email is an account’s', async () => {
    const before = await sessionsOf('acct-rosa')
    const visitor = browser()
    // The issuer gives this person rosa.delgado@examdesk.example, Rosa's email at examdesk.
    const back = await signInAtIssuer(visitor, 'rosa.delgado')
    const answer = await visitor.send('GET', back.pathname + back.search)
    expectPage(answer, 403, 'OIDC_IDENTITY_NOT_LINKED')
    expect(answer.body).toMatch(/Sign in by email once, then link it/)
    expect(visitor.cookies.has(SESSION)).toBe(false)
    expect(await sessionsOf('acct-rosa')).toBe(before)
  })

  it('links an identity for the signed-in person, which then signs in to that account; unlinked, it signs in nobody', async () => {
    const rosa = await signedIn(DEMO_SIGN_IN.support)
    await link(rosa, 'staff-4711')
    const listed = expectOk<{ items: { id: string; issuer: string; subject: string }[] }>(
      await rosa.send('GET', '/v1/me/identities'),
    )
    expect(listed.items).toEqual([
      expect.objectContaining({ issuer: issuer.issuer, subject: 'staff-4711', lastUsedAt: null }),
    ])
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['actor_account_id', 'subject_id'])
      .where('action', '=', 'identity-linked')
      .execute()
    expect(audit).toEqual([{ actor_account_id: 'acct-rosa', subject_id: 'acct-rosa' }])

    const laptop = browser()
    const back = await signInAtIssuer(laptop, 'staff-4711')
    const answer = await laptop.send('GET', back.pathname + back.search)
    expect(answer.statusCode, answer.body).toBe(303)
    expect(answer.headers.location).toBe('/')
    expect(String(answer.headers['set-cookie'])).toMatch(
      /__Host-examdesk-session=[^;]+; Max-Age=43200; Path=\/; HttpOnly; Secure; SameSite=Lax/,
    )
    const me = expectOk<{ account: { id: string; email: string } }>(
      await laptop.send('GET', '/v1/me'),
    )
    expect(me.account).toMatchObject({ id: 'acct-rosa', email: DEMO_SIGN_IN.support })

    // Removing is a change made with the cookie: without the CSRF token nothing happens.
    const id = listed.items[0]!.id
    expectProblem(await rosa.send('DELETE', `/v1/me/identities/${id}`), 403, 'CSRF_TOKEN_INVALID')
    expect(
      (
        await rosa.send('DELETE', `/v1/me/identities/${id}`, {
          'x-csrf-token': rosa.cookies.get('csrf')!,
        })
      ).statusCode,
    ).toBe(204)
    expect(
      expectOk<{ items: unknown[] }>(await rosa.send('GET', '/v1/me/identities')).items,
    ).toEqual([])
    // Rosa is told of both by mail, on UTC: staff keep no zone.
    const mails = await database.db
      .selectFrom('outbox')
      .select(['kind', 'dedupe_key', 'recipient', 'body_text'])
      .where('kind', 'in', ['identity-linked', 'identity-unlinked'])
      .orderBy('created_at')
      .orderBy('id')
      .execute()
    expect(mails.map((mail) => [mail.kind, mail.dedupe_key, mail.recipient])).toEqual([
      ['identity-linked', `identity-linked:${id}`, DEMO_SIGN_IN.support],
      ['identity-unlinked', `identity-unlinked:${id}`, DEMO_SIGN_IN.support],
    ])
    expect(mails[0]!.body_text).toContain(`  Service:  ${issuer.issuer}`)
    expect(mails[0]!.body_text).toMatch(/When: +Monday 15 June 2026, 12:00 \(UTC, UTC\)/)

    const later = browser()
    const again = await signInAtIssuer(later, 'staff-4711')
    expectPage(
      await later.send('GET', again.pathname + again.search),
      403,
      'OIDC_IDENTITY_NOT_LINKED',
    )
  })

  it('refuses an identity another account has linked', async () => {
    await link(await signedIn(DEMO_SIGN_IN.support), 'shared-1')
    const henrik = await signedIn(DEMO_SIGN_IN.admin)
    const back = await linkAtIssuer(henrik, 'shared-1')
    expectPage(await henrik.send('GET', back.pathname + back.search), 409, 'OIDC_IDENTITY_TAKEN')
  })

  it('refuses a callback whose state is unknown, from another browser, or too late, and a nonce that is not the flow’s', async () => {
    await link(await signedIn(DEMO_SIGN_IN.support), 'staff-9')
    const before = await sessionsOf('acct-rosa')

    const owner = browser()
    const back = await signInAtIssuer(owner, 'staff-9')
    const forged = new URL(back)
    forged.searchParams.set('state', 'a-state-examdesk-never-sent')
    const unknown = await owner.send('GET', forged.pathname + forged.search)
    expectPage(unknown, 400, 'OIDC_CALLBACK_INVALID')
    expect(unknown.body).toMatch(/belongs to no sign-in started here/)
    // The same answer opened in a browser that did not start it (a victim sent the link).
    const victim = await browser().send('GET', back.pathname + back.search)
    expectPage(victim, 400, 'OIDC_CALLBACK_INVALID')
    expect(victim.body).toMatch(/started in another browser/)

    const tampered = browser()
    const noncey = await signInAtIssuer(tampered, 'staff-9', (url) =>
      url.searchParams.set('nonce', 'a-nonce-examdesk-never-sent'),
    )
    const refused = await tampered.send('GET', noncey.pathname + noncey.search)
    expectPage(refused, 400, 'OIDC_CALLBACK_INVALID')
    expect(refused.body).toMatch(/did not pass the checks/)

    const slow = browser()
    const late = await signInAtIssuer(slow, 'staff-9')
    clock.set(NOW + 11 * 60_000)
    const expired = await slow.send('GET', late.pathname + late.search)
    expectPage(expired, 400, 'OIDC_CALLBACK_INVALID')
    expect(expired.body).toMatch(/more than 10 minutes ago/)
    expect(await sessionsOf('acct-rosa')).toBe(before)
  })

  it('links nothing when the person who started the link signed out before coming back, or the provider said no', async () => {
    const rosa = await signedIn(DEMO_SIGN_IN.support)
    const back = await linkAtIssuer(rosa, 'staff-gone')
    expect(
      (await rosa.send('POST', '/v1/sign-out', { 'x-csrf-token': rosa.cookies.get('csrf')! }))
        .statusCode,
    ).toBe(204)
    const answer = await rosa.send('GET', back.pathname + back.search)
    expectPage(answer, 400, 'OIDC_CALLBACK_INVALID')
    expect(answer.body).toMatch(/no longer signed in/)
    expect(await database.db.selectFrom('outside_identities').selectAll().execute()).toEqual([])

    // The person pressed "cancel" at the provider: it answers an error instead of a code.
    const visitor = browser()
    const started = await visitor.send('GET', '/sign-in/oidc')
    const state = new URL(String(started.headers.location)).searchParams.get('state')!
    const cancelled = await visitor.send(
      'GET',
      `/sign-in/oidc/callback?error=access_denied&state=${state}&iss=${encodeURIComponent(issuer.issuer)}`,
    )
    expectPage(cancelled, 400, 'OIDC_CALLBACK_INVALID')
    expect(cancelled.body).toMatch(/refused or was cancelled/)
  })

  it('links only within ten minutes of signing in: the start is refused later, and a link begun in time but finished late links nothing', async () => {
    const rosa = await signedIn(DEMO_SIGN_IN.support)
    clock.set(NOW + 10 * 60_000)
    expectProblem(
      await rosa.send('POST', '/v1/me/identities/oidc/link', {
        'x-csrf-token': rosa.cookies.get('csrf')!,
      }),
      403,
      'REAUTHENTICATION_REQUIRED',
    )

    const again = await signedIn(DEMO_SIGN_IN.support)
    clock.set(NOW + 15 * 60_000)
    const back = await linkAtIssuer(again, 'staff-slow')
    clock.set(NOW + 20 * 60_000)
    const late = await again.send('GET', back.pathname + back.search)
    expectPage(late, 403, 'REAUTHENTICATION_REQUIRED')
    expect(late.body).toMatch(/sign in again first/)
    expect(await database.db.selectFrom('outside_identities').selectAll().execute()).toEqual([])
  })

  it('answers 503 with Retry-After, and starts no flow, while the provider cannot be reached', async () => {
    await app.close()
    app = await buildExamdeskApp({
      db: database.db,
      clock,
      oidc: openIdClient({
        issuer: 'http://127.0.0.1:9',
        clientId: TEST_OIDC_CLIENT.clientId,
        clientSecret: TEST_OIDC_CLIENT.clientSecret,
        roles: STAFF_ONLY,
      }),
    })
    const answer = await browser().send('GET', '/sign-in/oidc')
    expectPage(answer, 503, 'OIDC_PROVIDER_UNAVAILABLE')
    expect(answer.headers['retry-after']).toBe('30')
    expect(await database.db.selectFrom('oidc_flows').selectAll().execute()).toEqual([])
  })

  it('signs in once per answer: the same code replayed starts no second session', async () => {
    await link(await signedIn(DEMO_SIGN_IN.support), 'staff-12')
    const laptop = browser()
    const back = await signInAtIssuer(laptop, 'staff-12')
    const flowCookie = laptop.cookies.get(FLOW)!
    expect((await laptop.send('GET', back.pathname + back.search)).statusCode).toBe(303)
    const sessions = await sessionsOf('acct-rosa')

    const replayer = browser()
    replayer.cookies.set(FLOW, flowCookie)
    const replayed = await replayer.send('GET', back.pathname + back.search)
    expectPage(replayed, 400, 'OIDC_CALLBACK_INVALID')
    expect(replayer.cookies.has(SESSION)).toBe(false)
    expect(await sessionsOf('acct-rosa')).toBe(sessions)
  })

  it('keeps candidates out while the setting allows staff only, and lets them in when it names them', async () => {
    const chloe = await signedIn(DEMO_SIGN_IN.candidate)
    const refused = await chloe.send('POST', '/v1/me/identities/oidc/link', {
      'x-csrf-token': chloe.cookies.get('csrf')!,
    })
    const problem = expectProblem(refused, 403, 'OIDC_ROLE_NOT_ALLOWED')
    expect(problem).toMatchObject({ role: 'candidate', allowedRoles: ['support', 'admin'] })

    await serve(EVERYONE)
    await link(chloe, 'learner-77')
    const phone = browser()
    const back = await signInAtIssuer(phone, 'learner-77')
    expect((await phone.send('GET', back.pathname + back.search)).statusCode).toBe(303)

    await serve(STAFF_ONLY)
    const tablet = browser()
    const again = await signInAtIssuer(tablet, 'learner-77')
    expectPage(
      await tablet.send('GET', again.pathname + again.search),
      403,
      'OIDC_ROLE_NOT_ALLOWED',
    )
    expect(tablet.cookies.has(SESSION)).toBe(false)
  })

  it('writes no secret to the log: not the client secret, a code, a state, or a cookie', async () => {
    const rosa = await signedIn(DEMO_SIGN_IN.support)
    await link(rosa, 'staff-logs')
    const laptop = browser()
    const back = await signInAtIssuer(laptop, 'staff-logs')
    const flow = laptop.cookies.get(FLOW)!
    await laptop.send('GET', back.pathname + back.search)
    const written = logs.join('')
    expect(logs.some((line) => line.includes('/sign-in/oidc/callback'))).toBe(true)
    for (const secret of [
      TEST_OIDC_CLIENT.clientSecret,
      back.searchParams.get('code')!,
      back.searchParams.get('state')!,
      flow,
      laptop.cookies.get(SESSION)!,
    ])
      expect(written).not.toContain(secret)
  })
})
