import { type Migration, type MigrationResultSet, Migrator, sql } from 'kysely'
import { type AnyKysely, dialectOf } from './dialect.js'
import { exclusively } from './exclusively.js'
import * as foundation from './migrations/0001-foundation.js'
import * as appointments from './migrations/0002-appointments.js'
import * as slotSearch from './migrations/0003-slot-search.js'
import * as vouchers from './migrations/0004-vouchers.js'
import * as outboxFacts from './migrations/0005-outbox-facts.js'
import * as betaProgrammes from './migrations/0006-beta-programmes.js'
import * as exceptionRequests from './migrations/0007-exception-requests.js'
import * as invitationWaves from './migrations/0008-invitation-waves.js'
import * as withheldResults from './migrations/0009-withheld-results.js'
import * as housekeeping from './migrations/0010-housekeeping.js'
import * as unpaidHolds from './migrations/0011-unpaid-holds.js'
import * as waveWithdrawal from './migrations/0012-wave-withdrawal-and-code-uses.js'
import * as mailHtml from './migrations/0013-mail-html.js'
import * as cancellationMoney from './migrations/0014-cancellation-money.js'
import * as tokenScope from './migrations/0015-token-scope.js'
import * as accounts from './migrations/0016-accounts.js'
import * as codeSecrecy from './migrations/0017-code-secrecy.js'
import * as onBehalf from './migrations/0018-on-behalf.js'
import * as passkeys from './migrations/0019-passkeys.js'
import * as outsideIdentities from './migrations/0020-outside-identities.js'
import * as emailChanges from './migrations/0021-email-changes.js'
import * as staffConsole from './migrations/0022-staff-console.js'
import * as reports from './migrations/0023-reports.js'
import * as writtenChannels from './migrations/0024-written-channels.js'
import * as reportDayCounts from './migrations/0025-report-day-counts.js'

/**
 * Every migration, in order, imported statically rather than read from a
 * folder, so that the same code runs from `src` under tsx and from `dist`.
 * Add a new migration here as well as in `migrations/`.
 */
export const MIGRATIONS = {
  '0001-foundation': foundation,
  '0002-appointments': appointments,
  '0003-slot-search': slotSearch,
  '0004-vouchers': vouchers,
  '0005-outbox-facts': outboxFacts,
  '0006-beta-programmes': betaProgrammes,
  '0007-exception-requests': exceptionRequests,
  '0008-invitation-waves': invitationWaves,
  '0009-withheld-results': withheldResults,
  '0010-housekeeping': housekeeping,
  '0011-unpaid-holds': unpaidHolds,
  '0012-wave-withdrawal-and-code-uses': waveWithdrawal,
  '0013-mail-html': mailHtml,
  '0014-cancellation-money': cancellationMoney,
  '0015-token-scope': tokenScope,
  '0016-accounts': accounts,
  '0017-code-secrecy': codeSecrecy,
  '0018-on-behalf': onBehalf,
  '0019-passkeys': passkeys,
  '0020-outside-identities': outsideIdentities,
  '0021-email-changes': emailChanges,
  '0022-staff-console': staffConsole,
  '0023-reports': reports,
  '0024-written-channels': writtenChannels,
  '0025-report-day-counts': reportDayCounts,
} as const

/**
 * Kysely runs SQLite migrations outside a transaction (its adapter reports no
 * transactional DDL, though SQLite has it), so a crash could leave half a
 * migration behind. Each one is wrapped in its own transaction unless the
 * Migrator already opened one (PostgreSQL).
 */
function inTransaction(migration: Migration & { readonly rebuildsTables?: boolean }): Migration {
  const { up, down } = migration
  return {
    up: (db) => {
      if (db.isTransaction) return up(db)
      if (migration.rebuildsTables === true) return withoutForeignKeys(db, up)
      return db.transaction().execute((trx) => up(trx))
    },
    ...(down === undefined
      ? {}
      : {
          down: (db: AnyKysely) =>
            db.isTransaction ? down(db) : db.transaction().execute((trx) => down(trx)),
        }),
  }
}

/**
 * A SQLite migration that builds a table again, as SQLite's own procedure
 * for a change ALTER TABLE cannot make asks: with foreign keys off (which
 * can only be switched outside a transaction), so that dropping the old
 * table deletes nothing it is referenced by, and every reference checked
 * before the transaction commits.
 */
async function withoutForeignKeys(db: AnyKysely, up: (db: AnyKysely) => Promise<void>) {
  await sql`pragma foreign_keys = off`.execute(db)
  try {
    await db.transaction().execute(async (trx) => {
      await up(trx)
      const broken = await sql`pragma foreign_key_check`.execute(trx)
      if (broken.rows.length > 0)
        throw new Error(`a rebuilt table left ${broken.rows.length} references broken`)
    })
  } finally {
    await sql`pragma foreign_keys = on`.execute(db)
  }
}

async function migratorFor(db: AnyKysely): Promise<Migrator> {
  const migrations = Object.fromEntries(
    Object.entries(MIGRATIONS).map(([name, migration]) => [name, inTransaction(migration)]),
  )
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(dialectOf(db) === 'postgres' ? { migrationTableSchema: await currentSchema(db) } : {}),
  })
}

/**
 * The schema PostgreSQL creates tables in. Kysely's Migrator looks for its
 * own tables in every schema unless told one, so a second examdesk schema in
 * the same database (one per test, or per tenant) would look migrated already.
 */
async function currentSchema(db: AnyKysely): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(
    db,
  )
  const schema = rows[0]?.schema
  if (!schema) throw new Error('PostgreSQL has no current schema: check the search_path')
  return schema
}

/**
 * Brings the database to the latest migration. A failure is returned in the
 * result set, not thrown (as Kysely's `Migrator` does); already applied
 * migrations are skipped, so running it again is a no-op.
 */
export function migrateToLatest(db: AnyKysely): Promise<MigrationResultSet> {
  // Several processes starting together on one PostgreSQL: one migrates, the
  // others wait, then find nothing left to do.
  return exclusively(db, 'migrate', () => migrateUnderLock(db))
}

/** How often the Migrator's listing of every schema's tables is tried before its error is returned. */
const LISTING_TRIES = 10

async function migrateUnderLock(db: AnyKysely): Promise<MigrationResultSet> {
  for (let tries = 1; ; tries++) {
    const resultSet = await (await migratorFor(db)).migrateToLatest()
    // Kysely's Migrator lists the tables of every schema to find its own; a
    // schema, table or column dropped by someone else during that listing
    // fails it before any migration ran, although nothing of ours went
    // wrong, so it is asked again. Where schemas come and go several times a
    // second (the test suite's, a worker per core) three tries fell short.
    const listingRaced = resultSet.results === undefined && isChangedUnderListing(resultSet.error)
    if (!listingRaced || tries === LISTING_TRIES) return resultSet
  }
}

/** SQLSTATE of a schema (3F000), table (42P01) or column (42703) that is no longer there. */
function isChangedUnderListing(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code
  return code === '3F000' || code === '42P01' || code === '42703'
}

/** `migrateToLatest` for start-up: throws when a migration failed, naming it. */
export async function migrateOrThrow(db: AnyKysely): Promise<MigrationResultSet> {
  const resultSet = await migrateToLatest(db)
  if (resultSet.error !== undefined) {
    const failed = resultSet.results?.find((result) => result.status === 'Error')
    const cause = resultSet.error
    const detail = cause instanceof Error ? cause.message : String(cause)
    throw new Error(
      failed
        ? `Migration ${failed.migrationName} failed: ${detail}`
        : `Migrating failed: ${detail}`,
      { cause },
    )
  }
  return resultSet
}
