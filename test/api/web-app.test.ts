import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { fixedClock } from '../../src/app/clock.js'
import type { Database } from '../../src/db/engine/database.js'
import { DEMO_SIGN_IN } from '../../src/demo/demo-accounts.js'
import { buildExamdeskApp } from '../../src/http/examdesk-app.js'
import { SECURE_SESSION_COOKIE } from '../../src/http/session-cookie.js'
import { openTestDatabase } from '../support/databases.js'
import { NOW, readProblem } from './api-harness.js'
import { signIn } from './sign-in-world.js'

describe('the web app, served on the API’s origin', () => {
  let database: Database
  let app: FastifyInstance
  beforeAll(async () => {
    database = await openTestDatabase('sqlite', { content: 'demo' })
    app = await buildExamdeskApp(
      { db: database.db, clock: fixedClock(NOW) },
      { webApp: inject('webApp') },
    )
  })
  afterAll(async () => {
    await app.close()
    await database.close()
  })

  it.each(['/', '/sign-in', '/registrations/reg-123', '/exams/070-620'])(
    '%s answers the page, never cached, allowed only this server’s scripts and framed nowhere',
    async (url) => {
      const page = await app.inject({ method: 'GET', url })
      expect(page.statusCode).toBe(200)
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(page.headers['cache-control']).toBe('private, no-cache')
      expect(page.headers.vary).toContain('cookie')
      const policy = String(page.headers['content-security-policy'])
      expect(policy).toContain("script-src 'self'")
      expect(policy).toContain("frame-ancestors 'none'")
      expect(policy).not.toContain('unsafe-inline')
      expect(page.body).toContain('<div id="root"></div>')
    },
  )

  it('each page asks for its own script at once, beside the app’s entry, and for no other page’s', async () => {
    const preloaded = async (url: string) => {
      const page = await app.inject({ method: 'GET', url })
      return [...page.body.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map(
        (found) => found[1]!,
      )
    }
    const booking = await preloaded('/book?exam=070-620&slot=slot-1')
    expect(booking.some((href) => /^\/assets\/book-page-[\w-]+\.js$/.test(href))).toBe(true)
    expect(booking.some((href) => href.includes('seats-page'))).toBe(false)
    const exam = await preloaded('/exams/070-620')
    expect(exam.some((href) => /^\/assets\/exam-page-[\w-]+\.js$/.test(href))).toBe(true)
    for (const href of [...booking, ...exam]) {
      const file = await app.inject({ method: 'GET', url: href })
      expect(file.statusCode, href).toBe(200)
    }
  })

  it('a signed-in candidate’s page asks at once for the answers it starts with; no one else’s names any', async () => {
    const db = database.db
    const asked = async (url: string, cookie?: string) => {
      const page = await app.inject({
        method: 'GET',
        url,
        ...(cookie === undefined ? {} : { cookies: { [SECURE_SESSION_COOKIE.name]: cookie } }),
      })
      return [...page.body.matchAll(/<link rel="preload"[^>]* href="([^"]+)"/g)].map(
        (found) => found[1]!,
      )
    }
    const chloe = await signIn({ app, db }, DEMO_SIGN_IN.candidate)
    const home = await asked('/', chloe.cookie)
    expect(home).toEqual(
      expect.arrayContaining([
        '/v1/me',
        '/v1/candidates/cand-chloe',
        '/v1/candidates/cand-chloe/registrations?limit=200',
        '/v1/candidates/cand-chloe/codes',
      ]),
    )
    // Each is an address she may read, answered as the page's own question would be.
    for (const url of home) {
      const answer = await app.inject({
        method: 'GET',
        url,
        cookies: { [SECURE_SESSION_COOKIE.name]: chloe.cookie },
      })
      expect(answer.statusCode, url).toBe(200)
    }
    expect(await asked('/seats?exam=070-622', chloe.cookie)).toContain('/v1/candidates/cand-chloe')

    // Nobody signed in, and staff, who are no candidate: only who is signed in is asked.
    const rosa = await signIn({ app, db }, DEMO_SIGN_IN.support)
    expect(await asked('/')).toEqual(['/v1/me'])
    expect(await asked('/', rosa.cookie)).toEqual(['/v1/me'])
    expect(await asked('/', 'not-a-session')).toEqual(['/v1/me'])
  })

  it('its files are named by their content and kept a year', async () => {
    const [script] = readdirSync(join(inject('webApp'), 'assets')).filter((name) =>
      name.endsWith('.js'),
    )
    const file = await app.inject({ method: 'GET', url: `/assets/${script}` })
    expect(file.statusCode).toBe(200)
    expect(file.headers['content-type']).toMatch(/javascript/)
    expect(file.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  it('an address that is no page, and an unknown API route, answer a 404 problem as before', async () => {
    for (const url of ['/no-such-page', '/v1/no-such-route', '/assets/missing.js']) {
      const answer = await app.inject({ method: 'GET', url })
      expect(answer.statusCode, url).toBe(404)
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/)
      expect(readProblem(answer).code).toBe('ROUTE_NOT_FOUND')
    }
  })

  it('the API keeps its own headers: no page policy on /v1', async () => {
    const answer = await app.inject({ method: 'GET', url: '/healthz' })
    expect(answer.headers['content-security-policy']).toBeUndefined()
  })
})
