import type { FastifyInstance } from 'fastify'
import { type Kysely, sql } from 'kysely'
import { authenticateTokens } from '../app/access/token-authentication.js'
import { recordLastUse } from '../app/access/token-last-use.js'
import { authenticateSession } from '../app/accounts/authenticate-session.js'
import type { OidcClient } from '../app/accounts/oidc-client.js'
import type { Clock } from '../app/clock.js'
import { readOperations } from '../app/operations/read-operations.js'
import { readConfig } from '../config.js'
import type { DB } from '../db/engine/schema.js'
import { operationPolicy } from '../domain/access-policy.js'
import type { ExceptionDueRule } from '../domain/exception-due.js'
import type { SessionTimeouts } from '../domain/session.js'
import { type MailSettings, readMailSettings } from '../mail/mail-settings.js'
import { apiRoutes } from './api-routes.js'
import { type BuildAppOptions, buildApp } from './build-app.js'
import { emailChangePageRoutes } from './routes/email-change-page.js'
import { oidcPageRoutes } from './routes/oidc-pages.js'
import { signInPageRoutes } from './routes/sign-in-page.js'
import { SECURE_SESSION_COOKIE, type SessionCookie } from './session-cookie.js'

/**
 * The whole examdesk API on one database: what `serve` listens with and API
 * tests inject into. Mail settings default to those of an empty environment.
 */
export async function buildExamdeskApp(
  base: {
    readonly db: Kysely<DB>
    readonly clock: Clock
    readonly mail?: MailSettings
    readonly holdMinutes?: number
    /** The address people open examdesk at, for sign-in links (and mail's, unless `mail` is given). */
    readonly publicUrl?: () => string
    readonly sessionTimeouts?: SessionTimeouts
    /** How long after signing in a person may make a sensitive change to their account. */
    readonly recentSignInMs?: number
    /** The session cookie; Secure `__Host-examdesk-session` unless served over plain HTTP on loopback. */
    readonly sessionCookie?: SessionCookie
    /** OpenID Connect sign-in, when switched on. */
    readonly oidc?: OidcClient | null
    /** When an exception request is due for review. */
    readonly exceptionDue?: ExceptionDueRule
  },
  options: BuildAppOptions = {},
): Promise<FastifyInstance> {
  const { sessionCookie = SECURE_SESSION_COOKIE, ...rest } = base
  const deps = { ...rest, mail: base.mail ?? readMailSettings(readConfig({}), base.publicUrl) }
  // The app's logger exists once the app does; a last use is recorded only after a request came in.
  let app: FastifyInstance | null = null
  const lastUse = recordLastUse(deps, (error, tokenId) =>
    app?.log.warn({ err: error, tokenId }, 'could not record when a token was last used'),
  )
  const tokens = authenticateTokens(deps, {
    onUse: lastUse,
    onListenerLost: (error) =>
      app?.log.warn(
        { err: error },
        'lost the connection that hears of revoked tokens; reopening it',
      ),
  })
  app = await buildApp(
    {
      authenticate: tokens.authenticate,
      authenticateSession: (secret) => authenticateSession(deps, secret),
      sessionCookie,
      policyOf: operationPolicy,
      checkHealth: async () => {
        await sql`select 1`.execute(deps.db)
      },
      routes: apiRoutes(deps, sessionCookie),
      pages: [
        oidcPageRoutes(deps, sessionCookie),
        signInPageRoutes(deps, sessionCookie),
        emailChangePageRoutes(deps),
      ],
      operations: readOperations(deps),
    },
    options,
  )
  app.addHook('onClose', () => tokens.close())
  return app
}
