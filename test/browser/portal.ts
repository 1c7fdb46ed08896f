import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest'
import { type Clock, fixedClock } from '../../src/app/clock.js'
import type { Database } from '../../src/db/engine/database.js'
import type { DialectName } from '../../src/db/engine/dialect.js'
import type { DB } from '../../src/db/engine/schema.js'
import type { Instant } from '../../src/domain/instant.js'
import { buildExamdeskApp } from '../../src/http/examdesk-app.js'
import { sessionCookieFor } from '../../src/http/session-cookie.js'
import { NOW } from '../api/api-harness.js'
import { latestSignInMail } from '../api/sign-in-world.js'
import { openTestDatabase, preparedTokens } from '../support/databases.js'

/**
 * Browser tests: Debian's Chromium, driven by playwright-core, against the
 * real server (the whole app and the built web app, listening on loopback)
 * on a fresh demo database at the API tests' "now".
 */

const CHROMIUM = '/usr/bin/chromium'

export const chromiumAvailable = existsSync(CHROMIUM)
if (!chromiumAvailable)
  console.warn(`${CHROMIUM} not found (apt-get install -y chromium): browser tests are skipped`)

/** Where the tests leave a picture of every page, in both viewports, for a reviewer. */
export const SCREENSHOTS = new URL('../../docs/screenshots/', import.meta.url).pathname

export const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const
export type ViewportName = keyof typeof VIEWPORTS

export interface Portal {
  /** `http://localhost:<port>`: the public address, the passkeys' RP ID included. */
  readonly url: string
  readonly db: Kysely<DB>
  /** The server's clock, at the API tests' "now" to start with; a page opened after a `set` shares it. */
  readonly clock: Clock & { set(at: Instant): void }
  /** A fresh browser context (no cookies) with one page, as a person opening the address. */
  open(options?: { viewport?: ViewportName; locale?: string; timezoneId?: string }): Promise<Page>
}

/** Chromium for the file, and a server on a fresh demo database for each test. */
export function usePortal(engine: DialectName = 'sqlite'): () => Portal {
  let browser: Browser | undefined
  let database: Database | undefined
  let app: FastifyInstance | undefined
  let portal: Portal | undefined
  let contexts: BrowserContext[] = []
  let pageErrors: string[] = []

  // Playwright gives each launch a fresh, empty profile folder of its own and removes it after.
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    })
    await mkdir(SCREENSHOTS, { recursive: true })
  })
  afterAll(async () => {
    await browser?.close()
  })

  beforeEach(async () => {
    const webApp = inject('webApp')
    database = await openTestDatabase(engine, { content: 'demo' })
    let url = ''
    const clock = fixedClock(NOW)
    app = await buildExamdeskApp(
      {
        db: database.db,
        clock,
        publicUrl: () => url,
        sessionCookie: sessionCookieFor('127.0.0.1', 'http://localhost'),
      },
      { webApp },
    )
    await app.listen({ host: '127.0.0.1', port: 0 })
    const address = app.server.address()
    if (address === null || typeof address === 'string') throw new Error('not listening')
    // Reached by name, as people open it: browsers refuse passkeys on an IP address.
    url = `http://localhost:${address.port}`
    const db = database.db
    portal = {
      url,
      db,
      clock,
      async open(options = {}) {
        const context = await browser!.newContext({
          baseURL: url,
          viewport: VIEWPORTS[options.viewport ?? 'desktop'],
          locale: options.locale ?? 'en-GB',
          timezoneId: options.timezoneId ?? 'Europe/Berlin',
        })
        contexts.push(context)
        // Well inside the test's own limit, so that a missing element fails naming what was awaited.
        context.setDefaultTimeout(10_000)
        // The browser's clock is the server's: deadlines read the same on both sides.
        await context.clock.setFixedTime(clock.now())
        const page = await context.newPage()
        page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`))
        return page
      },
    }
  })
  afterEach(async () => {
    try {
      // First the browsers, whose kept-alive connections would hold the server's close.
      await Promise.all(contexts.map((context) => context.close()))
      contexts = []
      // A script that failed in the page is a fault even when the test's steps passed.
      expect(pageErrors, 'errors thrown in the page').toEqual([])
      pageErrors = []
      await app?.close()
    } finally {
      await database?.close()
      app = undefined
      database = undefined
      portal = undefined
    }
  })

  return () => {
    if (portal === undefined) throw new Error('The portal exists only inside a test')
    return portal
  }
}

/** The axe-core source @axe-core/playwright injects by default: that of the copy it depends on. */
const AXE_SOURCE: string = createRequire(
  createRequire(import.meta.url).resolve('@axe-core/playwright'),
)('axe-core').source

/** Fails on any serious or critical axe-core finding against WCAG 2.2 A and AA, naming each. */
export async function expectAccessible(page: Page): Promise<void> {
  // axe-core is put into a page once and stays until it navigates: AxeBuilder on its own
  // evaluates its half-megabyte source twice per check, most of a check's time. It is then
  // given no source of its own to inject.
  if ((await page.evaluate('typeof window.axe')) === 'undefined') await page.evaluate(AXE_SOURCE)
  // One axe.run in the page: the default runs each frame apart and then joins the parts in a
  // blank page of its own, twice the time, for frames from other sites, which the app has none of.
  const result = await new AxeBuilder({ page, axeSource: ';' })
    .setLegacyMode()
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze()
  const grave = result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    )
  expect(grave, `axe on ${page.url()}`).toEqual([])
}

/** A picture of the whole page, named for what it shows and the viewport, for the README's folder. */
export async function screenshot(page: Page, name: string, viewport: ViewportName): Promise<void> {
  // From the top, so that the sticky header is drawn where a reader sees it, not mid-page.
  await page.evaluate('window.scrollTo(0, 0)')
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-${viewport}.png`), fullPage: true })
}

/** Signs in on the page as `email` by typing the code of the mail the form asked for. */
export async function signInByCode(page: Page, db: Kysely<DB>, email: string): Promise<void> {
  await page.goto('/sign-in')
  await page.getByLabel('Email').fill(email)
  await page.getByRole('button', { name: 'Send me a sign-in mail' }).click()
  await page.getByLabel('Code from the mail').waitFor()
  const mail = await latestSignInMail(db, email)
  await page.getByLabel('Code from the mail').fill(mail.code)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await page.getByRole('heading', { level: 1, name: /^Hello,/ }).waitFor()
}

/**
 * Signs `email` in through the API the sign-in form calls, then opens `path` as signed in.
 * The form itself is driven by the sign-in journeys (`signInByCode`); a test about anything
 * else starts signed in without spending seconds on it.
 */
export async function signIn(page: Page, db: Kysely<DB>, email: string, path = '/'): Promise<void> {
  const asked = await page.request.post('/v1/sign-in/email', { data: { email } })
  expect(asked.status(), await asked.text()).toBe(202)
  const mail = await latestSignInMail(db, email)
  const signed = await page.request.post('/v1/sign-in/code', { data: { email, code: mail.code } })
  expect(signed.status(), await signed.text()).toBe(200)
  await page.goto(path)
  if (path === '/') await page.getByRole('heading', { level: 1, name: /^Hello,/ }).waitFor()
}

declare module 'vitest' {
  export interface ProvidedContext {
    webApp: string
  }
}

/** A call to the server's API as a staff token (admin by default), for a test's set-up. */
export async function asStaff<T>(
  portal: Portal,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${portal.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${preparedTokens().admin}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(method === 'POST' ? { 'idempotency-key': crypto.randomUUID() } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`)
  return JSON.parse(text) as T
}
