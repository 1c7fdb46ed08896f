import type { FastifyInstance } from 'fastify'
import { type Kysely, sql } from 'kysely'
import { findTokenHolder } from '../app/access/api-tokens.js'
import { cacheAuthentication } from '../app/access/token-cache.js'
import { recordLastUse } from '../app/access/token-last-use.js'
import type { Clock } from '../app/clock.js'
import { readOperations } from '../app/operations/read-operations.js'
import { readConfig } from '../config.js'
import type { DB } from '../db/engine/schema.js'
import { operationPolicy } from '../domain/access-policy.js'
import { type MailSettings, readMailSettings } from '../mail/mail-settings.js'
import { apiRoutes } from './api-routes.js'
import { type BuildAppOptions, buildApp } from './build-app.js'

/** A revoked token stops working within this long on every process. */
export const TOKEN_CACHE_MS = 10_000

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
  },
  options: BuildAppOptions = {},
): Promise<FastifyInstance> {
  const deps = { ...base, mail: base.mail ?? readMailSettings(readConfig({})) }
  // The app's logger exists once the app does; a last use is recorded only after a request came in.
  let app: FastifyInstance | null = null
  const lastUse = recordLastUse(deps, (error, tokenId) =>
    app?.log.warn({ err: error, tokenId }, 'could not record when a token was last used'),
  )
  app = await buildApp(
    {
      authenticate: cacheAuthentication(
        (token) => findTokenHolder(deps, token),
        deps.clock,
        TOKEN_CACHE_MS,
        lastUse,
      ),
      policyOf: operationPolicy,
      checkHealth: async () => {
        await sql`select 1`.execute(deps.db)
      },
      routes: apiRoutes(deps),
      operations: readOperations(deps),
    },
    options,
  )
  return app
}
