import { describe, expect, it } from 'vitest'
import { testDatabases } from '../support/databases.js'
import { call, expectOk, expectProblem, NOW, useApi } from './api-harness.js'
import {
  anonymous,
  asBrowser,
  latestSignInMail,
  requestSignIn,
  sessionCookieOf,
  signInMails,
} from './sign-in-world.js'

const ANA = 'ana.tupou@example.com'
const NEWCOMER = {
  firstName: 'Nadia',
  lastName: 'Haddad',
  email: 'nadia.haddad@example.org',
  country: 'LB',
  timeZone: 'Asia/Beirut',
}

interface Me {
  readonly account: {
    readonly id: string
    readonly role: string
    readonly candidateId: string | null
    readonly displayName: string
    readonly email: string
    readonly emailVerifiedAt: string | null
  }
  readonly sessionId: string
  readonly csrfToken: string
}

describe.each(testDatabases())('signing in by email ($name)', ({ open }) => {
  const world = useApi(open)

  it('makes a candidate account whose email is verified, and candidate record made, only at the first sign-in', async () => {
    const made = await anonymous(world(), 'POST', '/v1/accounts', NEWCOMER)
    expect(made.statusCode).toBe(202)
    const account = await world()
      .db.selectFrom('accounts')
      .selectAll()
      .where('email', '=', NEWCOMER.email)
      .executeTakeFirstOrThrow()
    expect(account).toMatchObject({
      role: 'candidate',
      candidate_id: null,
      email_verified_at: null,
    })
    const mail = await latestSignInMail(world().db, NEWCOMER.email)
    expect(mail.subject).toMatch(/Confirm your email/)
    expect(mail.link).toBe(`http://127.0.0.1:3000/sign-in/${mail.secret}`)
    expect(mail.code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/)
    // The dedupe key is also the Message-ID, which mail relays log: it names the request, no secret.
    const outbox = await world()
      .db.selectFrom('outbox')
      .select('dedupe_key')
      .where('recipient', '=', NEWCOMER.email)
      .executeTakeFirstOrThrow()
    expect(outbox.dedupe_key).toMatch(/^sign-in:[0-9a-f-]{36}$/)
    const stored = await world().db.selectFrom('sign_in_requests').selectAll().execute()
    expect(JSON.stringify(stored)).not.toContain(mail.secret)
    expect(JSON.stringify(stored)).not.toContain(mail.code.replace('-', ''))

    // Typed in lower case and without its dash, as a person might.
    const code = mail.code.toLowerCase().replace('-', '')
    const signedIn = await anonymous(world(), 'POST', '/v1/sign-in/code', {
      email: NEWCOMER.email.toUpperCase(),
      code,
    })
    const body = expectOk<{ account: Me['account']; csrfToken: string }>(signedIn)
    expect(body.account).toMatchObject({
      role: 'candidate',
      displayName: 'Nadia Haddad',
      emailVerifiedAt: '2026-06-15T12:00:00.000Z',
      candidateId: expect.any(String),
    })
    const candidate = expectOk<{ firstName: string; email: string; timeZone: string }>(
      await call(world(), 'GET', `/v1/candidates/${body.account.candidateId}`),
    )
    expect(candidate).toMatchObject({
      firstName: 'Nadia',
      email: NEWCOMER.email,
      timeZone: 'Asia/Beirut',
    })

    const setCookie = String(signedIn.headers['set-cookie'])
    expect(setCookie).toMatch(
      /^__Host-examdesk-session=[^;]+; Max-Age=43200; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    )
    const cookie = sessionCookieOf(signedIn)!
    const me = expectOk<Me>(
      await asBrowser(world(), { cookie, csrfToken: body.csrfToken }, 'GET', '/v1/me'),
    )
    expect(me.account).toEqual(body.account)
    expect(me.csrfToken).toBe(body.csrfToken)
  })

  it('claims the candidate record with the email only once the email is verified', async () => {
    expect(
      (await anonymous(world(), 'POST', '/v1/accounts', { ...NEWCOMER, email: ANA })).statusCode,
    ).toBe(202)
    const before = await world()
      .db.selectFrom('accounts')
      .select(['candidate_id', 'email_verified_at'])
      .where('email', '=', ANA)
      .executeTakeFirstOrThrow()
    expect(before).toEqual({ candidate_id: null, email_verified_at: null })

    const mail = await latestSignInMail(world().db, ANA)
    const signedIn = await anonymous(world(), 'POST', `/sign-in/${mail.secret}`, '', {
      'content-type': 'application/x-www-form-urlencoded',
    })
    expect(signedIn.statusCode).toBe(303)
    expect(signedIn.headers.location).toBe('/')
    const cookie = sessionCookieOf(signedIn)!
    const me = expectOk<Me>(await asBrowser(world(), { cookie, csrfToken: '' }, 'GET', '/v1/me'))
    expect(me.account.candidateId).toBe('cand-ana')
    // The account goes by the claimed record's name, not by what the sign-up typed.
    expect(me.account.displayName).toBe('Ana Tupou')
    // The record was claimed, not copied: there is still one candidate with the email.
    const records = await world()
      .db.selectFrom('candidates')
      .select('id')
      .where('email', '=', ANA)
      .execute()
    expect(records).toEqual([{ id: 'cand-ana' }])
  })

  it("makes a new candidate's record from the sign-up that verified the email, not from whoever typed it first", async () => {
    const impostor = {
      ...NEWCOMER,
      firstName: 'Mallory',
      lastName: 'Impostor',
      country: 'US',
      timeZone: 'America/New_York',
    }
    expect((await anonymous(world(), 'POST', '/v1/accounts', impostor)).statusCode).toBe(202)
    expect((await anonymous(world(), 'POST', '/v1/accounts', NEWCOMER)).statusCode).toBe(202)
    const mail = await latestSignInMail(world().db, NEWCOMER.email)
    const signedIn = expectOk<{ account: Me['account'] }>(
      await anonymous(world(), 'POST', '/v1/sign-in/code', {
        email: NEWCOMER.email,
        code: mail.code,
      }),
    )
    expect(signedIn.account.displayName).toBe('Nadia Haddad')
    const candidate = expectOk<{ firstName: string; lastName: string; timeZone: string }>(
      await call(world(), 'GET', `/v1/candidates/${signedIn.account.candidateId}`),
    )
    expect(candidate).toMatchObject({
      firstName: 'Nadia',
      lastName: 'Haddad',
      timeZone: 'Asia/Beirut',
    })
  })

  it('answers the same for an email with and without an account, and mails only the one that has one', async () => {
    await anonymous(world(), 'POST', '/v1/accounts', { ...NEWCOMER, email: ANA })
    const sentBefore = (await signInMails(world().db, ANA)).length
    const known = await anonymous(world(), 'POST', '/v1/sign-in/email', { email: ANA })
    const unknown = await anonymous(world(), 'POST', '/v1/sign-in/email', {
      email: 'nobody.here@example.org',
    })
    expect(known.statusCode).toBe(202)
    expect(unknown.statusCode).toBe(202)
    expect(unknown.body).toBe(known.body)
    expect(unknown.headers['set-cookie']).toBeUndefined()
    expect((await signInMails(world().db, ANA)).length).toBe(sentBefore + 1)
    expect(await signInMails(world().db, 'nobody.here@example.org')).toEqual([])

    // Making an account with an email that has one answers the same, and mails a sign-in to the one it has.
    const again = await anonymous(world(), 'POST', '/v1/accounts', {
      ...NEWCOMER,
      email: 'ANA.TUPOU@example.com',
    })
    expect(again.statusCode).toBe(202)
    expect(again.body).toBe(known.body)
    expect((await latestSignInMail(world().db, ANA)).subject).toMatch(
      /already have an examdesk account/,
    )
    const accounts = await world()
      .db.selectFrom('accounts')
      .select('id')
      .where('email', 'like', '%tupou%')
      .execute()
    expect(accounts).toHaveLength(1)
  })

  it('shows a page for a link opened by GET and spends nothing; the button signs in once', async () => {
    await anonymous(world(), 'POST', '/v1/accounts', NEWCOMER)
    const mail = await latestSignInMail(world().db, NEWCOMER.email)
    for (let i = 0; i < 3; i++) {
      const page = await anonymous(world(), 'GET', `/sign-in/${mail.secret}`)
      expect(page.statusCode).toBe(200)
      expect(page.headers['content-type']).toMatch(/^text\/html/)
      expect(page.body).toContain('<form method="post">')
      expect(page.body).not.toContain(mail.secret)
      expect(page.headers['set-cookie']).toBeUndefined()
      expect(page.headers['referrer-policy']).toBe('no-referrer')
    }
    const request = await world()
      .db.selectFrom('sign_in_requests')
      .select(['spent_at'])
      .executeTakeFirstOrThrow()
    expect(request.spent_at).toBeNull()
    const account = await world()
      .db.selectFrom('accounts')
      .select('email_verified_at')
      .where('email', '=', NEWCOMER.email)
      .executeTakeFirstOrThrow()
    expect(account.email_verified_at).toBeNull()

    const form = { 'content-type': 'application/x-www-form-urlencoded' }
    expect((await anonymous(world(), 'POST', `/sign-in/${mail.secret}`, '', form)).statusCode).toBe(
      303,
    )
    const again = await anonymous(world(), 'POST', `/sign-in/${mail.secret}`, '', form)
    expectProblem(again, 400, 'SIGN_IN_LINK_INVALID')
    expect(again.headers['set-cookie']).toBeUndefined()
    // The code of a spent request is spent too.
    expectProblem(
      await anonymous(world(), 'POST', '/v1/sign-in/code', {
        email: NEWCOMER.email,
        code: mail.code,
      }),
      400,
      'SIGN_IN_CODE_INVALID',
    )
  })

  it("refuses a link's button pressed on another site's page, spending nothing", async () => {
    await anonymous(world(), 'POST', '/v1/accounts', NEWCOMER)
    const mail = await latestSignInMail(world().db, NEWCOMER.email)
    const press = (site: string) =>
      anonymous(world(), 'POST', `/sign-in/${mail.secret}`, '', {
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-site': site,
      })
    expectProblem(await press('cross-site'), 403, 'SIGN_IN_CROSS_SITE')
    expectProblem(await press('same-site'), 403, 'SIGN_IN_CROSS_SITE')
    expect((await press('same-origin')).statusCode).toBe(303)
  })

  it("answers a browser pressing a spent, expired or cross-site link's button with a page saying where to ask again, status kept", async () => {
    await anonymous(world(), 'POST', '/v1/accounts', NEWCOMER)
    const mail = await latestSignInMail(world().db, NEWCOMER.email)
    const browser = {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    }
    const press = (headers: Record<string, string>) =>
      anonymous(world(), 'POST', `/sign-in/${mail.secret}`, '', headers)
    const expectPage = (
      response: Awaited<ReturnType<typeof press>>,
      status: number,
      code: string,
      says: RegExp,
    ) => {
      expect(response.statusCode, response.body).toBe(status)
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(response.headers['cache-control']).toBe('no-store')
      expect(response.headers['set-cookie']).toBeUndefined()
      expect(response.body).toMatch(says)
      expect(response.body).toContain('<a href="/sign-in">Ask for a new sign-in link</a>')
      expect(response.body).toContain(`<code>${code}</code>`)
      expect(response.body).not.toContain(mail.secret)
    }

    expectPage(
      await press({ ...browser, 'sec-fetch-site': 'cross-site' }),
      403,
      'SIGN_IN_CROSS_SITE',
      /another site/,
    )
    expect((await press({ ...browser, 'sec-fetch-site': 'same-origin' })).statusCode).toBe(303)
    expectPage(await press(browser), 400, 'SIGN_IN_LINK_INVALID', /was used already/)
    // An API client asking for JSON, or for anything, gets the problem as before.
    expectProblem(
      await press({ ...browser, accept: 'application/json' }),
      400,
      'SIGN_IN_LINK_INVALID',
    )
    expectProblem(await press({ ...browser, accept: '*/*' }), 400, 'SIGN_IN_LINK_INVALID')

    await requestSignIn(world(), NEWCOMER.email)
    const later = await latestSignInMail(world().db, NEWCOMER.email)
    world().clock.set(NOW + 15 * 60_000)
    const expired = await anonymous(world(), 'POST', `/sign-in/${later.secret}`, '', browser)
    expect(expired.statusCode).toBe(400)
    expect(expired.body).toMatch(/has expired/)
    expect(expired.body).toContain('href="/sign-in"')
  })

  it('signs in once when the same code is sent twice at the same moment', async () => {
    await anonymous(world(), 'POST', '/v1/accounts', NEWCOMER)
    const mail = await latestSignInMail(world().db, NEWCOMER.email)
    const body = { email: NEWCOMER.email, code: mail.code }
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => anonymous(world(), 'POST', '/v1/sign-in/code', body)),
    )
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 400, 400, 400])
    const sessions = await world().db.selectFrom('sessions').select('id').execute()
    expect(sessions).toHaveLength(1)
    const candidates = await world()
      .db.selectFrom('candidates')
      .select('id')
      .where('email', '=', NEWCOMER.email)
      .execute()
    expect(candidates).toHaveLength(1)
  })

  it('takes a code once, and neither a code nor a link past its 15 minutes', async () => {
    await anonymous(world(), 'POST', '/v1/accounts', NEWCOMER)
    const first = await latestSignInMail(world().db, NEWCOMER.email)
    const body = { email: NEWCOMER.email, code: first.code }
    expect((await anonymous(world(), 'POST', '/v1/sign-in/code', body)).statusCode).toBe(200)
    expectProblem(
      await anonymous(world(), 'POST', '/v1/sign-in/code', body),
      400,
      'SIGN_IN_CODE_INVALID',
    )

    await requestSignIn(world(), NEWCOMER.email)
    const second = await latestSignInMail(world().db, NEWCOMER.email)
    world().clock.set(NOW + 15 * 60_000)
    expectProblem(
      await anonymous(world(), 'POST', '/v1/sign-in/code', {
        email: NEWCOMER.email,
        code: second.code,
      }),
      400,
      'SIGN_IN_CODE_INVALID',
    )
    expectProblem(
      await anonymous(world(), 'POST', `/sign-in/${second.secret}`, '', {
        'content-type': 'application/x-www-form-urlencoded',
      }),
      400,
      'SIGN_IN_LINK_INVALID',
    )
    world().clock.set(NOW + 15 * 60_000 - 1)
    expect(
      (
        await anonymous(world(), 'POST', '/v1/sign-in/code', {
          email: NEWCOMER.email,
          code: second.code,
        })
      ).statusCode,
    ).toBe(200)
  })

  it('kills a request at its fifth wrong code: its right code and its link stop working', async () => {
    await anonymous(world(), 'POST', '/v1/accounts', NEWCOMER)
    const mail = await latestSignInMail(world().db, NEWCOMER.email)
    const wrong = mail.code.startsWith('2') ? '3333-3333' : '2222-2222'
    for (let i = 0; i < 5; i++) {
      expectProblem(
        await anonymous(world(), 'POST', '/v1/sign-in/code', {
          email: NEWCOMER.email,
          code: wrong,
        }),
        400,
        'SIGN_IN_CODE_INVALID',
      )
    }
    expectProblem(
      await anonymous(world(), 'POST', '/v1/sign-in/code', {
        email: NEWCOMER.email,
        code: mail.code,
      }),
      400,
      'SIGN_IN_CODE_INVALID',
    )
    expectProblem(
      await anonymous(world(), 'POST', `/sign-in/${mail.secret}`, '', {
        'content-type': 'application/x-www-form-urlencoded',
      }),
      400,
      'SIGN_IN_LINK_INVALID',
    )
    const sessions = await world().db.selectFrom('sessions').select('id').execute()
    expect(sessions).toEqual([])
  })

  it('locks an address out of typing codes after 20 wrong ones, with Retry-After, for every email', async () => {
    for (let i = 0; i < 20; i++) {
      expectProblem(
        await anonymous(world(), 'POST', '/v1/sign-in/code', {
          email: `guess${i}@example.org`,
          code: '2222-2222',
        }),
        400,
        'SIGN_IN_CODE_INVALID',
      )
    }
    await anonymous(world(), 'POST', '/v1/accounts', NEWCOMER)
    const mail = await latestSignInMail(world().db, NEWCOMER.email)
    const locked = await anonymous(world(), 'POST', '/v1/sign-in/code', {
      email: NEWCOMER.email,
      code: mail.code,
    })
    const problem = expectProblem(locked, 429, 'TOO_MANY_ATTEMPTS', 'code')
    expect(problem.lockedFor).toBe('address')
    expect(locked.headers['retry-after']).toBe('3600')
    // The locked-out guess spent nothing: from another address the code still works.
    const elsewhere = await world().app.inject({
      method: 'POST',
      url: '/v1/sign-in/code',
      payload: { email: NEWCOMER.email, code: mail.code },
      remoteAddress: '203.0.113.9',
    })
    expect(elsewhere.statusCode).toBe(200)
  })

  it('limits sign-in mails to 5 an email per 15 minutes, with Retry-After', async () => {
    for (let i = 0; i < 5; i++) await requestSignIn(world(), 'someone@example.org')
    const refused = await anonymous(world(), 'POST', '/v1/sign-in/email', {
      email: 'Someone@Example.org',
    })
    const problem = expectProblem(refused, 429, 'SIGN_IN_THROTTLED')
    expect(problem.lockedFor).toBe('email')
    expect(refused.headers['retry-after']).toBe('900')
    world().clock.set(NOW + 15 * 60_000)
    await requestSignIn(world(), 'someone@example.org')
  })
})
