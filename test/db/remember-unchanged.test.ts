import { sql } from 'kysely'
import { beforeEach, describe, expect, it } from 'vitest'
import { runInTransaction } from '../../src/db/engine/group-commit.js'
import { unchangedReads } from '../../src/db/engine/remember-unchanged.js'
import { openAnotherConnection } from '../support/another-connection.js'
import { testDatabases, useFreshDatabase } from '../support/databases.js'

describe.each(testDatabases())(
  'remembered reads while nothing changed ($name)',
  ({ name, open }) => {
    const db = useFreshDatabase(open, { migrate: false })
    const remembers = name === 'sqlite'
    beforeEach(async () => {
      await sql`create table probe (n integer not null)`.execute(db())
    })

    /** Counts the reads made; each returns the current number of probe rows. */
    const counter = () => {
      let reads = 0
      const read = () =>
        unchangedReads(db()).remember('probe', 'all', async () => {
          reads++
          const { rows } = await sql<{ n: number }>`select count(*) as n from probe`.execute(db())
          return Number(rows[0]!.n)
        })
      return { read, reads: () => reads }
    }

    const addRow = (n: number) => sql`insert into probe (n) values (${n})`

    it('reads once while nothing is written (on SQLite only)', async () => {
      const { read, reads } = counter()
      expect(await read()).toBe(0)
      expect(await read()).toBe(0)
      expect(reads()).toBe(remembers ? 1 : 2)
    })

    it('answers a remembered read at once, not in a promise, once it has arrived (on SQLite only)', async () => {
      const { read } = counter()
      const first = read()
      expect(first).toBeInstanceOf(Promise)
      expect(await first).toBe(0)
      const second = read()
      expect(second instanceof Promise).toBe(!remembers)
      expect(await second).toBe(0)
    })

    it('reads again after a write through the same database, in or out of a transaction', async () => {
      const { read } = counter()
      const before = await read()
      await addRow(1).execute(db())
      expect(await read()).toBe(before + 1)
      await db()
        .transaction()
        .execute((trx) => addRow(2).execute(trx))
      expect(await read()).toBe(before + 2)
      await runInTransaction(db(), (trx) => addRow(3).execute(trx))
      expect(await read()).toBe(before + 3)
    })

    it('reads again after a commit by another connection, from the next turn of the event loop', async () => {
      const { read } = counter()
      const before = await read()
      const other = await openAnotherConnection(db())
      try {
        await addRow(4).execute(other.db)
      } finally {
        await other.close()
      }
      await new Promise((resolve) => setImmediate(resolve))
      expect(await read()).toBe(before + 1)
    })

    it('never remembers inside a transaction', async () => {
      let reads = 0
      await db()
        .transaction()
        .execute(async (trx) => {
          for (let i = 0; i < 2; i++) {
            await unchangedReads(trx).remember('k', 'k', async () => {
              reads++
              return 1
            })
          }
        })
      expect(reads).toBe(2)
    })

    it('does not remember a failed read', async () => {
      const reads = unchangedReads(db())
      await expect(
        reads.remember('k', 'k', () => Promise.reject(new Error('no'))),
      ).rejects.toThrow()
      expect(await reads.remember('k', 'k', async () => 'yes')).toBe('yes')
    })
  },
)
