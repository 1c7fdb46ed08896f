import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { openDatabase, redactUrl } from '../../src/db/engine/database.js'
import { dialectOf } from '../../src/db/engine/dialect.js'
import { migrateOrThrow, migrateToLatest } from '../../src/db/engine/migrate.js'
import { testDatabases } from '../support/databases.js'

const TABLES = [
  'accounts',
  'api_tokens',
  'attempts',
  'audit_log',
  'beta_programmes',
  'beta_registrations',
  'beta_roster',
  'candidate_search_terms',
  'candidates',
  'certification_exams',
  'certifications',
  'code_throttles',
  'email_change_requests',
  'exam_families',
  'exam_prices',
  'exams',
  'exception_requests',
  'family_prefixes',
  'idempotency_keys',
  'invitation_wave_intervals',
  'invitation_waves',
  'offers',
  'oidc_flows',
  'outbox',
  'outside_identities',
  'passkeys',
  'payments',
  'policy_versions',
  'provider_exams',
  'providers',
  'refunds',
  'registrations',
  'report_count_marks',
  'report_counted_days',
  'report_day_counts',
  'sessions',
  'sign_in_requests',
  'slots',
  'test_centres',
  'voucher_uses',
  'vouchers',
  'waivers',
  'wave_invitations',
  'webauthn_challenges',
  'withheld_results',
]

describe.each(testDatabases())('migrations on $name', ({ name, open }) => {
  it('create every table on an empty database, then re-run as a no-op', async () => {
    const database = await open({ migrate: false })
    try {
      const first = await migrateToLatest(database.db)
      expect(first.error).toBeUndefined()
      expect(first.results?.map((r) => [r.migrationName, r.status])).toEqual([
        ['0001-foundation', 'Success'],
        ['0002-appointments', 'Success'],
        ['0003-slot-search', 'Success'],
        ['0004-vouchers', 'Success'],
        ['0005-outbox-facts', 'Success'],
        ['0006-beta-programmes', 'Success'],
        ['0007-exception-requests', 'Success'],
        ['0008-invitation-waves', 'Success'],
        ['0009-withheld-results', 'Success'],
        ['0010-housekeeping', 'Success'],
        ['0011-unpaid-holds', 'Success'],
        ['0012-wave-withdrawal-and-code-uses', 'Success'],
        ['0013-mail-html', 'Success'],
        ['0014-cancellation-money', 'Success'],
        ['0015-token-scope', 'Success'],
        ['0016-accounts', 'Success'],
        ['0017-code-secrecy', 'Success'],
        ['0018-on-behalf', 'Success'],
        ['0019-passkeys', 'Success'],
        ['0020-outside-identities', 'Success'],
        ['0021-email-changes', 'Success'],
        ['0022-staff-console', 'Success'],
        ['0023-reports', 'Success'],
        ['0024-written-channels', 'Success'],
        ['0025-report-day-counts', 'Success'],
      ])
      // PostgreSQL has every test's schema; ours are the tables in the current one.
      const own =
        name === 'postgres'
          ? await currentSchemaTables(database.db)
          : await database.db.introspection.getTables()
      expect(own.map((t) => t.name).sort()).toEqual(TABLES)

      const again = await migrateToLatest(database.db)
      expect(again.error).toBeUndefined()
      expect(again.results).toEqual([])
      await expect(migrateOrThrow(database.db)).resolves.toEqual({ results: [] })
    } finally {
      await database.close()
    }
  })

  it('tells the dialect of the database and of a transaction on it', async () => {
    const database = await open()
    try {
      expect(database.dialect).toBe(name)
      expect(dialectOf(database.db)).toBe(name)
      await database.db.transaction().execute(async (trx) => {
        expect(dialectOf(trx)).toBe(name)
      })
    } finally {
      await database.close()
    }
  })
})

/**
 * The current schema's tables but Kysely's own, asked of that schema alone:
 * Kysely's introspection lists every schema's, and fails when a test
 * running beside this one drops its schema meanwhile.
 */
async function currentSchemaTables(db: Parameters<typeof dialectOf>[0]) {
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
     where table_schema = current_schema() and table_name not like 'kysely%'`.execute(db)
  return rows
}

describe('openDatabase', () => {
  it('refuses a URL it does not know, naming the forms it does (password hidden)', async () => {
    await expect(openDatabase('mysql://root:secret@localhost/x')).rejects.toThrow(
      'Unsupported database URL "mysql://root:***@localhost/x": use sqlite:PATH',
    )
    expect(redactUrl('postgres://u:p@h:5432/d')).toBe('postgres://u:***@h:5432/d')
    expect(redactUrl('postgres://u@h/d')).toBe('postgres://u@h/d')
  })

  it('opens SQLite in WAL with durable commits, foreign keys and in-memory journals for savepoints, creating the folder', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'examdesk-open-'))
    const path = join(directory, 'nested', 'deeper', 'examdesk.db')
    const database = await openDatabase(`sqlite:${path}`)
    try {
      expect(database.dialect).toBe('sqlite')
      const pragma = async (name: string) =>
        Object.values((await sql.raw(`pragma ${name}`).execute(database.db)).rows[0] as object)[0]
      expect(await pragma('journal_mode')).toBe('wal')
      expect(await pragma('synchronous')).toBe(2) // FULL
      expect(await pragma('foreign_keys')).toBe(1)
      expect(await pragma('busy_timeout')).toBe(5000)
      expect(await pragma('temp_store')).toBe(2) // MEMORY
      expect(existsSync(path)).toBe(true)
    } finally {
      await database.close()
      await rm(directory, { recursive: true, force: true })
    }
  })

  it('lets go of an SQLite file when closed, even if no query ran on it', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'examdesk-open-'))
    try {
      const database = await openDatabase(`sqlite:${join(directory, 'examdesk.db')}`)
      await database.close()
      await expect(sql`select 1`.execute(database.db)).rejects.toThrow()
    } finally {
      await rm(directory, { recursive: true, force: true })
    }
  })

  it('opens SQLite in memory', async () => {
    const database = await openDatabase('sqlite::memory:')
    try {
      await migrateOrThrow(database.db)
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(database.db)
      expect(rows).toEqual([{ one: 1 }])
    } finally {
      await database.close()
    }
  })
})
