import { randomBytes } from 'node:crypto'
import { createToken } from '../../src/app/access/api-tokens.js'
import { fixedClock } from '../../src/app/clock.js'
import { loadDemo } from '../../src/app/operations/load-demo.js'
import type { Database } from '../../src/db/engine/database.js'
import { migrateOrThrow } from '../../src/db/engine/migrate.js'
import { parseInstant } from '../../src/domain/instant.js'
import { TOKEN_ROLES as ROLES, type TokenRole as Role } from '../../src/domain/principal.js'

/**
 * What a test database starts with: `migrated` (the tables, empty),
 * `programme` (the programme installed as at PREPARED_AT, and a token per
 * role) or `demo` (the programme, the demo catalogue and a token per role).
 */
export type PreparedContent = 'migrated' | 'programme' | 'demo'

/** The "now" the programme and the demo are installed at: the API tests' Monday 15 June 2026, 12:00 UTC. */
export const PREPARED_AT_TEXT = '2026-06-15T12:00:00Z'
const PREPARED_AT = parseInstant(PREPARED_AT_TEXT)!

/**
 * Who the prepared tokens speak for: a token per role, the provider's bound
 * to `PREPARED_PROVIDER`, and `otherProvider`, a provider token bound to
 * `OTHER_PROVIDER`, for what one provider may not do to another's objects.
 */
export type PreparedCaller = Role | 'otherProvider'

/** The provider the prepared provider token acts for. */
export const PREPARED_PROVIDER = 'prometric'
/** The provider `otherProvider` acts for. */
export const OTHER_PROVIDER = 'pearson-vue'

const CALLERS: readonly PreparedCaller[] = [...ROLES, 'otherProvider']

/** The secret of each prepared caller's token in a `programme` or `demo` database. */
export type PreparedTokens = Readonly<Record<PreparedCaller, string>>

/**
 * Databases built once per test run, which each test copies instead of
 * migrating and installing its own. Here a copy takes milliseconds on
 * SQLite instead of about 0.3 s, and about 0.1 s on PostgreSQL instead of
 * 0.7 s.
 */
export interface PreparedDatabases {
  /** SQLite: closed database files, by content. */
  readonly sqlite: Readonly<Record<PreparedContent, string>>
  /** PostgreSQL: schemas in the test database, by content, and the script that copies one (`copySchemaStatements`); null when PostgreSQL is not reachable. */
  readonly postgres: {
    readonly schemas: Readonly<Record<PreparedContent, string>>
    readonly script: string
  } | null
  readonly tokens: PreparedTokens
}

declare module 'vitest' {
  export interface ProvidedContext {
    preparedDatabases: PreparedDatabases
  }
}

/** A new secret for each prepared caller. */
export function newPreparedTokens(): PreparedTokens {
  const tokens = {} as Record<PreparedCaller, string>
  for (const caller of CALLERS) tokens[caller] = `exd_${randomBytes(32).toString('base64url')}`
  return tokens
}

/** Migrates an empty database and fills it with `content`. */
export async function fillDatabase(
  database: Database,
  content: PreparedContent,
  tokens: PreparedTokens,
): Promise<void> {
  await migrateOrThrow(database.db)
  if (content === 'migrated') return
  const deps = { db: database.db, clock: fixedClock(PREPARED_AT) }
  await loadDemo(deps, content === 'demo')
  for (const role of ROLES) {
    const providerId = role === 'provider' ? PREPARED_PROVIDER : null
    await createToken(deps, { role, label: `api test ${role}`, secret: tokens[role], providerId })
  }
  await createToken(deps, {
    role: 'provider',
    label: `api test provider ${OTHER_PROVIDER}`,
    secret: tokens.otherProvider,
    providerId: OTHER_PROVIDER,
  })
}
