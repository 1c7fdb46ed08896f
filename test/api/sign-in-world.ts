import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import type { Kysely } from 'kysely'
import { expect } from 'vitest'
import type { DB } from '../../src/db/engine/schema.js'
import { SECURE_SESSION_COOKIE } from '../../src/http/session-cookie.js'
import { type ApiWorld, expectOk } from './api-harness.js'

/** What a sign-in mail carries, read from the outbox as the person would read it. */
export interface SignInMail {
  readonly subject: string
  readonly link: string
  /** The link's secret: the last part of its path. */
  readonly secret: string
  /** As shown: `XXXX-XXXX`. */
  readonly code: string
  readonly body: string
}

/** The newest sign-in mail sent to `email`; fails when there is none. */
export async function latestSignInMail(db: Kysely<DB>, email: string): Promise<SignInMail> {
  const mails = await signInMails(db, email)
  const mail = mails.at(-1)
  if (mail === undefined) throw new Error(`no sign-in mail to ${email}`)
  return mail
}

/** Every sign-in mail sent to `email`, oldest first. */
export async function signInMails(db: Kysely<DB>, email: string): Promise<SignInMail[]> {
  const rows = await db
    .selectFrom('outbox')
    .select(['subject', 'body_text'])
    .where('kind', '=', 'sign-in')
    .where('recipient', '=', email)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map((row) => {
    const link = /Sign-in link: +(\S+)/.exec(row.body_text)?.[1]
    const code = /Or type code: +(\S+)/.exec(row.body_text)?.[1]
    if (link === undefined || code === undefined)
      throw new Error(`not a sign-in mail: ${row.body_text}`)
    return {
      subject: row.subject,
      link,
      secret: link.split('/').at(-1)!,
      code,
      body: row.body_text,
    }
  })
}

/** A signed-in browser: its cookie's secret and the session's CSRF token. */
export interface Browser {
  readonly cookie: string
  readonly csrfToken: string
}

/** The session secret a response sets, if it sets one. */
export function sessionCookieOf(response: LightMyRequestResponse): string | undefined {
  const cookies = response.cookies as { name: string; value: string }[]
  return cookies.find((cookie) => cookie.name === SECURE_SESSION_COOKIE.name)?.value || undefined
}

/** Asks for a sign-in mail for `email` and answers with its code, as a browser would. */
export async function signIn(world: Pick<ApiWorld, 'app' | 'db'>, email: string): Promise<Browser> {
  await requestSignIn(world, email)
  const mail = await latestSignInMail(world.db, email)
  const response = await anonymous(world, 'POST', '/v1/sign-in/code', { email, code: mail.code })
  const body = expectOk<{ csrfToken: string }>(response)
  const cookie = sessionCookieOf(response)
  if (cookie === undefined) throw new Error('the sign-in set no session cookie')
  return { cookie, csrfToken: body.csrfToken }
}

export async function requestSignIn(world: Pick<ApiWorld, 'app'>, email: string): Promise<void> {
  const response = await anonymous(world, 'POST', '/v1/sign-in/email', { email })
  expect(response.statusCode, response.body).toBe(202)
}

/** A request with no token and no cookie. */
export function anonymous(
  world: Pick<ApiWorld, 'app'>,
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return world.app.inject({
    method,
    url,
    headers,
    ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
  })
}

/** A request made by a signed-in browser: its cookie, and its CSRF token unless `csrf` says otherwise. */
export function asBrowser(
  world: Pick<ApiWorld, 'app'>,
  browser: Browser,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  options: { readonly body?: unknown; readonly csrf?: string | null } = {},
): Promise<LightMyRequestResponse> {
  const csrf = options.csrf === undefined ? browser.csrfToken : options.csrf
  return world.app.inject({
    method,
    url,
    cookies: { [SECURE_SESSION_COOKIE.name]: browser.cookie },
    headers: csrf === null ? {} : { 'x-csrf-token': csrf },
    ...(options.body === undefined ? {} : { payload: options.body as InjectOptions['payload'] }),
  })
}
