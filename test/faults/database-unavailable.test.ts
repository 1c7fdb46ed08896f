import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { createToken } from '../../src/app/access/api-tokens.js'
import { fixedClock } from '../../src/app/clock.js'
import { type Database, openDatabase } from '../../src/db/engine/database.js'
import { buildExamdeskApp } from '../../src/http/examdesk-app.js'
import { call, expectOk, expectProblem, LEA, NOW } from '../api/api-harness.js'
import { openAnotherConnection } from '../support/another-connection.js'
import { type TestDatabase, testDatabases } from '../support/databases.js'
import { TEST_POSTGRES_URL } from '../support/postgres-url.js'
import { startTcpCut } from '../support/tcp-cut.js'

/**
 * A database that cannot serve: each request it fails is answered 503
 * DATABASE_UNAVAILABLE with Retry-After, and the same process serves again
 * as soon as the database does, with no restart. On PostgreSQL the network
 * between the server and the database is cut (connections dropped, new
 * ones refused) and restored; on SQLite another process holds the write
 * lock past busy_timeout, or the disk is full.
 */

interface Outage {
  /** The database as the app sees it (through the outage's means). */
  readonly database: Database
  begin(): Promise<void>
  end(): Promise<void>
  close(): Promise<void>
}

/** PostgreSQL: the app reaches its schema through a relay the test can cut. */
async function postgresOutage(open: TestDatabase['open']): Promise<Outage> {
  const own = await open()
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(own.db)
  const target = new URL(TEST_POSTGRES_URL)
  const relay = await startTcpCut({ host: target.hostname, port: Number(target.port || 5432) })
  const through = new URL(TEST_POSTGRES_URL)
  through.hostname = '127.0.0.1'
  through.port = String(relay.port)
  const database = await openDatabase(through.toString(), { searchPath: rows[0]!.schema })
  return {
    database,
    begin: () => relay.cut(),
    end: () => relay.restore(),
    async close() {
      await database.close()
      await relay.close()
      await own.close()
    },
  }
}

/** SQLite: another connection, as another process would, holds the write lock; the app waits 100 ms. */
async function sqliteOutage(open: TestDatabase['open']): Promise<Outage> {
  const database = await open()
  const other = await openAnotherConnection(database.db)
  await sql`pragma busy_timeout = 100`.execute(database.db)
  return {
    database,
    begin: async () => {
      await sql`begin immediate`.execute(other.db)
    },
    end: async () => {
      await sql`rollback`.execute(other.db)
    },
    async close() {
      await other.close()
      await database.close()
    },
  }
}

describe.each(testDatabases())('a database that cannot serve ($name)', ({ name, open }) => {
  const cleanups: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {})
    cleanups.length = 0
  })

  async function world(outage: Outage) {
    cleanups.push(() => outage.close())
    const deps = { db: outage.database.db, clock: fixedClock(NOW) }
    const admin = await createToken(deps, { role: 'admin', label: 'outage' })
    const app = await buildExamdeskApp(deps)
    cleanups.push(() => app.close())
    return { app, db: deps.db, clock: deps.clock, tokens: { admin: admin.token } } as never
  }

  it('answers 503 DATABASE_UNAVAILABLE with Retry-After, then serves again once it can', async () => {
    const outage = await (name === 'postgres' ? postgresOutage(open) : sqliteOutage(open))
    const api = await world(outage)
    const health = () => call(api, 'GET', '/healthz', undefined, null)
    expectOk(await call(api, 'POST', '/v1/candidates', LEA), 201)
    expect(expectOk(await health())).toEqual({ status: 'ok' })

    await outage.begin()
    const refused = await call(api, 'POST', '/v1/candidates', { ...LEA, email: 'b@example.com' })
    expectProblem(refused, 503, 'DATABASE_UNAVAILABLE')
    expect(refused.headers['retry-after']).toBe('1')
    if (name === 'postgres') {
      // Unreachable: the process is alive but degraded (on SQLite reads go on under a write lock).
      const degraded = expectProblem(await health(), 503, 'DATABASE_UNAVAILABLE')
      expect(degraded.health).toBe('degraded')
    }

    await outage.end()
    // The very next requests are served: the dead connections were dropped, not kept.
    expect(expectOk(await health())).toEqual({ status: 'ok' })
    expectOk(await call(api, 'POST', '/v1/candidates', { ...LEA, email: 'c@example.com' }), 201)
    const stored = await outage.database.db.selectFrom('candidates').select('email').execute()
    expect(stored.map((c) => c.email).sort()).toEqual(['c@example.com', LEA.email])
  })

  it.runIf(name === 'sqlite')(
    'answers 503 while the disk is full, and serves again once it is not',
    async () => {
      const database = await open()
      const api = await world({
        database,
        begin: async () => {},
        end: async () => {},
        close: () => database.close(),
      })
      // The file may not grow: as a full disk, SQLite answers SQLITE_FULL.
      const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(database.db)
      await sql.raw(`pragma max_page_count = ${rows[0]!.page_count}`).execute(database.db)
      const big = 'x'.repeat(200)
      let full = null
      for (let i = 0; i < 50 && full === null; i++) {
        const answer = await call(api, 'POST', '/v1/candidates', {
          ...LEA,
          lastName: big.slice(0, 80),
          email: `full-${i}@example.com`,
        })
        if (answer.statusCode !== 201) full = answer
      }
      expect(full, 'the file never filled up').not.toBeNull()
      expectProblem(full!, 503, 'DATABASE_UNAVAILABLE')

      await sql`pragma max_page_count = 1073741823`.execute(database.db)
      expectOk(
        await call(api, 'POST', '/v1/candidates', { ...LEA, email: 'room@example.com' }),
        201,
      )
    },
  )
})
