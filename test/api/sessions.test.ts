import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { buildExamdeskApp } from '../../src/http/examdesk-app.js'
import { openServerLog } from '../../src/http/server-log.js'
import { openAnotherConnection } from '../support/another-connection.js'
import { testDatabases } from '../support/databases.js'
import { call, expectOk, expectProblem, NOW, useApi } from './api-harness.js'
import {
  anonymous,
  asBrowser,
  type Browser,
  latestSignInMail,
  sessionCookieOf,
  signIn,
} from './sign-in-world.js'

const ANA = 'ana.tupou@example.com'
const MINUTE = 60_000

interface SessionOut {
  readonly id: string
  readonly current: boolean
  readonly endedAt: string | null
  readonly endedReason: string | null
}

describe.each(testDatabases())('sessions ($name)', ({ open }) => {
  const world = useApi(open)

  /** Ana makes her account (which claims cand-ana) and signs in. */
  async function anaSignsIn(): Promise<Browser> {
    await anonymous(world(), 'POST', '/v1/accounts', {
      firstName: 'Ana',
      lastName: 'Tupou',
      email: ANA,
      country: 'NZ',
      timeZone: 'Pacific/Auckland',
    })
    const mail = await latestSignInMail(world().db, ANA)
    const response = await anonymous(world(), 'POST', '/v1/sign-in/code', {
      email: ANA,
      code: mail.code,
    })
    const body = expectOk<{ csrfToken: string }>(response)
    return { cookie: sessionCookieOf(response)!, csrfToken: body.csrfToken }
  }

  const sessionsOf = async (browser: Browser) =>
    expectOk<{ items: SessionOut[] }>(await asBrowser(world(), browser, 'GET', '/v1/me/sessions'))
      .items

  it('gives a new session secret and CSRF token at every sign-in, and ends the session the browser came with', async () => {
    const first = await anaSignsIn()
    const mail = await (async () => {
      await anonymous(world(), 'POST', '/v1/sign-in/email', { email: ANA })
      return latestSignInMail(world().db, ANA)
    })()
    // The browser signs in again while it still holds the first session's cookie.
    const again = await world().app.inject({
      method: 'POST',
      url: '/v1/sign-in/code',
      payload: { email: ANA, code: mail.code },
      cookies: { '__Host-examdesk-session': first.cookie },
    })
    const second: Browser = {
      cookie: sessionCookieOf(again)!,
      csrfToken: expectOk<{ csrfToken: string }>(again).csrfToken,
    }
    expect(second.cookie).not.toBe(first.cookie)
    expect(second.csrfToken).not.toBe(first.csrfToken)
    expectProblem(await asBrowser(world(), first, 'GET', '/v1/me'), 401, 'UNAUTHENTICATED')
    const sessions = await sessionsOf(second)
    expect(sessions.map((s) => [s.current, s.endedReason])).toEqual([
      [true, null],
      [false, 'signed-out'],
    ])
  })

  it("changes nothing for a request with the cookie but without the CSRF token, or with another session's", async () => {
    const phone = await anaSignsIn()
    const laptop = await signIn(world(), ANA)
    const [, phoneSession] = await sessionsOf(laptop)
    const end = `/v1/me/sessions/${phoneSession!.id}/end`

    expectProblem(
      await asBrowser(world(), laptop, 'POST', end, { csrf: null }),
      403,
      'CSRF_TOKEN_INVALID',
    )
    expectProblem(
      await asBrowser(world(), laptop, 'POST', end, { csrf: phone.csrfToken }),
      403,
      'CSRF_TOKEN_INVALID',
    )
    expectProblem(
      await asBrowser(world(), laptop, 'POST', '/v1/sign-out', { csrf: 'x' }),
      403,
      'CSRF_TOKEN_INVALID',
    )
    // Both sessions still work, and nothing was ended.
    expectOk(await asBrowser(world(), phone, 'GET', '/v1/me', { csrf: null }))
    expect((await sessionsOf(laptop)).every((s) => s.endedAt === null)).toBe(true)

    const ended = expectOk<SessionOut>(await asBrowser(world(), laptop, 'POST', end))
    expect(ended).toMatchObject({ id: phoneSession!.id, endedReason: 'ended', current: false })
    expectProblem(await asBrowser(world(), phone, 'GET', '/v1/me'), 401, 'UNAUTHENTICATED')
    // A bearer token sends no CSRF token: a page of another site cannot make a browser send one.
    expectOk(
      await call(world(), 'POST', '/v1/candidates/cand-ana/sessions/end', undefined, 'support'),
    )
  })

  it('takes a sign-out and a remote end at once on a second app on the same database', async () => {
    const other = await openAnotherConnection(world().db)
    let second: FastifyInstance | undefined
    try {
      second = await buildExamdeskApp({ db: other.db, clock: world().clock })
      const laptop = await anaSignsIn()
      const phone = await signIn(world(), ANA)
      expectOk(await asBrowser({ app: second }, laptop, 'GET', '/v1/me'))
      expectOk(await asBrowser({ app: second }, phone, 'GET', '/v1/me'))

      const out = await asBrowser(world(), laptop, 'POST', '/v1/sign-out')
      expect(out.statusCode).toBe(204)
      expect(String(out.headers['set-cookie'])).toMatch(/^__Host-examdesk-session=;/)
      expectProblem(
        await asBrowser({ app: second }, laptop, 'GET', '/v1/me'),
        401,
        'UNAUTHENTICATED',
      )
      expectOk(await asBrowser({ app: second }, phone, 'GET', '/v1/me'))

      // Support ends every session of cand-ana's account (a lost phone) through the first app.
      const ended = expectOk<{ ended: number }>(
        await call(world(), 'POST', '/v1/candidates/cand-ana/sessions/end', undefined, 'support'),
      )
      expect(ended).toEqual({ ended: 1 })
      expectProblem(
        await asBrowser({ app: second }, phone, 'GET', '/v1/me'),
        401,
        'UNAUTHENTICATED',
      )
    } finally {
      await second?.close()
      await other.close()
    }
  })

  it('ends a session left idle for 30 minutes, and any session 12 hours after sign-in', async () => {
    const browser = await anaSignsIn()
    // Used every 25 minutes, it lives on; each use is written (at most once a minute).
    for (let minutes = 25; minutes < 12 * 60; minutes += 25) {
      world().clock.set(NOW + minutes * MINUTE)
      expectOk(await asBrowser(world(), browser, 'GET', '/v1/me'))
    }
    world().clock.set(NOW + 12 * 60 * MINUTE)
    expectProblem(await asBrowser(world(), browser, 'GET', '/v1/me'), 401, 'UNAUTHENTICATED')

    const idle = await signIn(world(), ANA)
    world().clock.set(NOW + 12 * 60 * MINUTE + 29 * MINUTE)
    expectOk(await asBrowser(world(), idle, 'GET', '/v1/me'))
    world().clock.set(NOW + 12 * 60 * MINUTE + 59 * MINUTE)
    expectProblem(await asBrowser(world(), idle, 'GET', '/v1/me'), 401, 'UNAUTHENTICATED')

    const fresh = await signIn(world(), ANA)
    const reasons = (await sessionsOf(fresh)).map((s) => s.endedReason)
    expect(reasons).toEqual([null, 'idle', 'expired'])
  })

  it('answers who is signed in, and refuses a machine token the routes of a person', async () => {
    const browser = await anaSignsIn()
    const me = expectOk<{ account: Record<string, unknown>; csrfToken: string }>(
      await asBrowser(world(), browser, 'GET', '/v1/me', { csrf: null }),
    )
    expect(me.account).toMatchObject({
      role: 'candidate',
      candidateId: 'cand-ana',
      displayName: 'Ana Tupou',
      email: ANA,
    })
    expect(me.csrfToken).toBe(browser.csrfToken)
    expectProblem(await call(world(), 'GET', '/v1/me', undefined, 'admin'), 403, 'ACCOUNT_REQUIRED')
    expectProblem(
      await call(world(), 'POST', '/v1/sign-out', undefined, 'support'),
      403,
      'ACCOUNT_REQUIRED',
    )
    expectProblem(await anonymous(world(), 'GET', '/v1/me'), 401, 'UNAUTHENTICATED')
  })

  it('lets an admin make staff accounts, who sign in by mail and act in their role', async () => {
    const made = expectOk<{ id: string; role: string; emailVerifiedAt: string | null }>(
      await call(world(), 'POST', '/v1/admin/accounts', {
        role: 'support',
        displayName: 'Maya Okafor',
        email: 'maya.okafor@examdesk.example',
      }),
      201,
    )
    expect(made).toMatchObject({ role: 'support', emailVerifiedAt: null })
    expectProblem(
      await call(world(), 'POST', '/v1/admin/accounts', {
        role: 'admin',
        displayName: 'Someone Else',
        email: 'MAYA.OKAFOR@examdesk.example',
      }),
      409,
      'ACCOUNT_EMAIL_TAKEN',
      'email',
    )
    expectProblem(
      await call(
        world(),
        'POST',
        '/v1/admin/accounts',
        { role: 'support', displayName: 'X', email: 'x@example.org' },
        'support',
      ),
      403,
      'FORBIDDEN',
    )

    const maya = await signIn(world(), 'maya.okafor@examdesk.example')
    const me = expectOk<{ account: { role: string; candidateId: string | null } }>(
      await asBrowser(world(), maya, 'GET', '/v1/me'),
    )
    expect(me.account).toMatchObject({ role: 'support', candidateId: null })
    expectOk(await asBrowser(world(), maya, 'POST', '/v1/candidates/cand-ana/sessions/end'))
    expectProblem(await asBrowser(world(), maya, 'GET', '/v1/admin/accounts'), 403, 'FORBIDDEN')

    const page = expectOk<{
      items: { email: string; emailVerifiedAt: string | null }[]
      total: number
    }>(await call(world(), 'GET', '/v1/admin/accounts?limit=200'))
    expect(page.total).toBe(page.items.length)
    expect(page.items.find((item) => item.email === 'maya.okafor@examdesk.example')).toMatchObject({
      emailVerifiedAt: '2026-06-15T12:00:00.000Z',
    })
    const first = expectOk<{ items: unknown[]; total: number }>(
      await call(world(), 'GET', '/v1/admin/accounts?limit=1'),
    )
    expect(first).toMatchObject({ items: [expect.anything()], total: page.total })
  })
})

describe.each(testDatabases())('secrets and the log ($name)', ({ open }) => {
  const world = useApi(open, { per: 'test' })

  it('never writes a sign-in link, a code, a session secret or a CSRF token to the log, even at trace', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'examdesk-sign-in-log-'))
    const file = join(dir, 'server.log')
    const log = openServerLog('trace', file)
    const app = await buildExamdeskApp(
      { db: world().db, clock: world().clock },
      { loggerInstance: log.logger },
    )
    try {
      const seen: string[] = []
      const logged = { app }
      await anonymous(logged, 'POST', '/v1/accounts', {
        firstName: 'Nadia',
        lastName: 'Haddad',
        email: 'nadia@example.org',
        country: 'LB',
        timeZone: 'Asia/Beirut',
      })
      const first = await latestSignInMail(world().db, 'nadia@example.org')
      seen.push(first.secret, first.code, first.code.replace('-', ''))
      await anonymous(logged, 'GET', `/sign-in/${first.secret}`)
      const byLink = await anonymous(logged, 'POST', `/sign-in/${first.secret}`, '', {
        'content-type': 'application/x-www-form-urlencoded',
      })
      // Spent: refused, and the refusal is logged too.
      await anonymous(logged, 'POST', `/sign-in/${first.secret}`, '', {
        'content-type': 'application/x-www-form-urlencoded',
      })
      seen.push(sessionCookieOf(byLink)!)

      await anonymous(logged, 'POST', '/v1/sign-in/email', { email: 'nadia@example.org' })
      const second = await latestSignInMail(world().db, 'nadia@example.org')
      seen.push(second.secret, second.code, second.code.replace('-', ''))
      await anonymous(logged, 'POST', '/v1/sign-in/code', {
        email: 'nadia@example.org',
        code: '2222-3333',
      })
      const byCode = await anonymous(logged, 'POST', '/v1/sign-in/code', {
        email: 'nadia@example.org',
        code: second.code,
      })
      const browser: Browser = {
        cookie: sessionCookieOf(byCode)!,
        csrfToken: byCode.json<{ csrfToken: string }>().csrfToken,
      }
      seen.push(browser.cookie, browser.csrfToken)
      await asBrowser(logged, browser, 'GET', '/v1/me')
      await asBrowser(logged, browser, 'POST', '/v1/sign-out', { csrf: 'wrong' })
      await asBrowser(logged, browser, 'POST', '/v1/sign-out')
      await asBrowser(logged, browser, 'GET', '/v1/me')
      await app.close()
      await log.close()

      const text = await readFile(file, 'utf8')
      expect(text.split('\n').filter((line) => line.includes('"msg":"request"')).length).toBe(11)
      for (const secret of seen) expect(text).not.toContain(secret)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe.each(testDatabases())('sign-in mail in the outbox ($name)', ({ open }) => {
  const world = useApi(open, { per: 'test' })

  it("hides a sign-in mail's link and code from staff reading the outbox: support cannot sign in as an admin", async () => {
    await anonymous(world(), 'POST', '/v1/sign-in/email', { email: 'henrik.lund@examdesk.example' })
    const sent = await latestSignInMail(world().db, 'henrik.lund@examdesk.example')
    const listed = expectOk<{ items: { id: string; kind: string }[] }>(
      await call(world(), 'GET', '/v1/admin/mail?limit=200', undefined, 'support'),
    )
    const id = listed.items.find((mail) => mail.kind === 'sign-in')!.id
    const shown = await call(world(), 'GET', `/v1/admin/mail/${id}`, undefined, 'support')
    const mail = expectOk<{ bodyText: string; bodyHtml: string }>(shown)
    expect(mail.bodyText).toContain('Sign-in link:  (shown to the recipient only)')
    expect(mail.bodyText).toContain('Or type code:  (shown to the recipient only)')
    for (const secret of [sent.secret, sent.code, sent.code.replace('-', '')])
      expect(shown.body).not.toContain(secret)
    expect(JSON.stringify(listed)).not.toContain(sent.secret)
  })
})
