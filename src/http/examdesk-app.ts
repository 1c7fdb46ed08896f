import type { FastifyInstance } from 'fastify'
import { type Kysely, sql } from 'kysely'
import { authenticate } from '../app/access/api-tokens.js'
import { cacheAuthentication } from '../app/access/token-cache.js'
import type { Clock } from '../app/clock.js'
import { readOperations } from '../app/operations/read-operations.js'
import { readConfig } from '../config.js'
import type { DB } from '../db/engine/schema.js'
import { type MailSettings, readMailSettings } from '../mail/mail-settings.js'
import { apiRoutes } from './api-routes.js'
import { type BuildAppOptions, buildApp } from './build-app.js'

/** A revoked token stops working within this long on every process. */
export const TOKEN_CACHE_MS = 10_000

/**
 * The whole examdesk API on one database: what `serve` listens with and API
 * tests inject into. Mail settings default to those of an empty environment.
 */
export function buildExamdeskApp(
  base: {
    readonly db: Kysely<DB>
    readonly clock: Clock
    readonly mail?: MailSettings
    readonly holdMinutes?: number
  },
  options: BuildAppOptions = {},
): Promise<FastifyInstance> {
  const deps = { ...base, mail: base.mail ?? readMailSettings(readConfig({})) }
  return buildApp(
    {
      authenticate: cacheAuthentication(
        (token) => authenticate(deps, token),
        deps.clock,
        TOKEN_CACHE_MS,
      ),
      checkHealth: async () => {
        await sql`select 1`.execute(deps.db)
      },
      routes: apiRoutes(deps),
      operations: readOperations(deps),
    },
    options,
  )
}
