import { CamelCasePlugin, sql } from 'kysely'
import { describe, expect, it, vi } from 'vitest'
import {
  reusableInsert,
  reusableQuery,
  reusableStatement,
} from '../../src/db/engine/reusable-query.js'
import { createCandidate } from '../factories/catalogue.js'
import { testDatabases, useFreshDatabase } from '../support/databases.js'

describe.each(testDatabases())('reusableQuery on $name', ({ name, open }) => {
  const db = useFreshDatabase(open)

  it('compiles once for a database and all its transactions, and runs with each call’s values', async () => {
    const ana = await createCandidate(db())
    const ben = await createCandidate(db())
    const build = vi.fn()
    const emailOf = reusableQuery((on, id: string) => {
      build()
      return on.selectFrom('candidates').select('email').where('id', '=', id)
    })

    expect(await emailOf(db(), ana.id)).toEqual([{ email: ana.email }])
    for (const candidate of [ana, ben]) {
      const rows = await db()
        .transaction()
        .execute((trx) => emailOf(trx, candidate.id))
      expect(rows).toEqual([{ email: candidate.email }])
    }
    expect(await emailOf(db(), 'nobody')).toEqual([])
    expect(build).toHaveBeenCalledTimes(1)
  })

  it('compiles again for other plugins, which change the SQL', async () => {
    const ana = await createCandidate(db())
    const firstNameOf = reusableQuery((on, id: string) =>
      on.selectFrom('candidates').select('first_name').where('id', '=', id),
    )
    expect(await firstNameOf(db(), ana.id)).toEqual([{ first_name: ana.firstName }])
    const camel = db().withPlugin(new CamelCasePlugin())
    expect(await firstNameOf(camel, ana.id)).toEqual([{ firstName: ana.firstName }])
    expect(await firstNameOf(db(), ana.id)).toEqual([{ first_name: ana.firstName }])
  })

  it.runIf(name === 'postgres')(
    'keeps its statement prepared on each PostgreSQL connection that runs it',
    async () => {
      const ana = await createCandidate(db())
      const emailOf = reusableQuery((on, id: string) =>
        on.selectFrom('candidates').select('email').where('id', '=', id),
      )
      const text = db().selectFrom('candidates').select('email').where('id', '=', '').compile().sql
      await db()
        .connection()
        .execute(async (connection) => {
          for (let run = 0; run < 3; run++) {
            expect(await emailOf(connection, ana.id)).toEqual([{ email: ana.email }])
          }
          const { rows } = await sql<{
            statement: string
          }>`select statement from pg_prepared_statements`.execute(connection)
          expect(rows.filter((row) => row.statement === text)).toHaveLength(1)
        })
    },
  )

  it.runIf(name === 'postgres')(
    'prepares a statement again once its table gained a column under it',
    async () => {
      const ana = await createCandidate(db())
      const everything = reusableQuery((on, id: string) =>
        on.selectFrom('candidates').selectAll().where('id', '=', id),
      )
      await db()
        .connection()
        .execute(async (connection) => {
          expect(await everything(connection, ana.id)).toEqual([
            expect.objectContaining({ email: ana.email }),
          ])
          await sql`alter table candidates add column nickname text`.execute(connection)
          // PostgreSQL refuses to run a prepared `select *` whose columns changed, once.
          const met = await everything(connection, ana.id).catch((error: unknown) => error)
          expect(met).toBeInstanceOf(Error)
          expect(met).toMatchObject({ code: '0A000' })
          expect(await everything(connection, ana.id)).toEqual([
            expect.objectContaining({ email: ana.email, nickname: null }),
          ])
        })
    },
  )

  it('inserts rows with one compiled statement per set of columns, and skips a repeated unique value when told', async () => {
    const insert = reusableInsert('outbox', { ignoreConflictOn: 'dedupe_key' })
    const row = (id: string, dedupeKey: string) => ({
      id,
      dedupe_key: dedupeKey,
      kind: 'probe',
      candidate_id: null,
      recipient: 'probe@example.test',
      subject: 'Probe',
      body_text: 'text',
      attachments: '[]',
      status: 'pending' as const,
      tries: 0,
      available_at: '2026-06-15T12:00:00.000Z',
      created_at: '2026-06-15T12:00:00.000Z',
    })
    expect(await insert(db(), row('m1', 'probe:1'))).toBe(1)
    // Left out, not bound: the column takes its default (null).
    expect(await insert(db(), { ...row('m2', 'probe:2'), last_error: undefined })).toBe(1)
    expect(
      await db()
        .transaction()
        .execute((trx) => insert(trx, row('m3', 'probe:1'))),
    ).toBe(0)
    const stored = await db()
      .selectFrom('outbox')
      .select(['id', 'last_error'])
      .where('kind', '=', 'probe')
      .orderBy('id')
      .execute()
    expect(stored).toEqual([
      { id: 'm1', last_error: null },
      { id: 'm2', last_error: null },
    ])
  })

  it('answers how many rows an UPDATE changed', async () => {
    const ana = await createCandidate(db())
    const rename = reusableStatement((on, id: string, firstName: string) =>
      on.updateTable('candidates').set({ first_name: firstName }).where('id', '=', id),
    )
    expect((await rename(db(), ana.id, 'Anna')).numAffectedRows).toBe(1n)
    expect((await rename(db(), 'nobody', 'Anna')).numAffectedRows).toBe(0n)
    const stored = await db()
      .selectFrom('candidates')
      .select('first_name')
      .where('id', '=', ana.id)
      .executeTakeFirst()
    expect(stored?.first_name).toBe('Anna')
  })
})
