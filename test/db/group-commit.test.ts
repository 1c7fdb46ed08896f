import { type Kysely, sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import type { Database } from '../../src/db/engine/database.js'
import { MAX_GROUP, runInTransaction } from '../../src/db/engine/group-commit.js'
import type { DB } from '../../src/db/engine/schema.js'
import { enqueueMail, findMail } from '../../src/db/mail/outbox.js'
import { mailMessage } from '../factories/mail.js'
import { openAnotherConnection } from '../support/another-connection.js'
import { testDatabases, useFreshDatabase } from '../support/databases.js'

describe.each(testDatabases())('runInTransaction on $name', ({ name, open }) => {
  const db = useFreshDatabase(open)
  let other: Promise<Database> | undefined
  afterEach(async () => {
    await (await other)?.close()
    other = undefined
  })

  /** Whether another process would see the mail: only once it is committed. */
  async function committed(id: string): Promise<boolean> {
    other ??= openAnotherConnection(db())
    return (await findMail((await other).db, id)) !== null
  }

  it('answers each of many concurrent transactions once it is committed, with its own result', async () => {
    const messages = Array.from({ length: MAX_GROUP + 10 }, () => mailMessage())
    const seen = await Promise.all(
      messages.map(async (message) => {
        const id = await runInTransaction(db(), async (trx) => {
          await enqueueMail(trx, message)
          return message.id
        })
        return { id, committed: await committed(message.id) }
      }),
    )
    expect(seen).toEqual(messages.map((message) => ({ id: message.id, committed: true })))
  })

  it('rolls back a failing transaction alone; the others beside it are kept', async () => {
    const [kept, dropped, alsoKept] = [mailMessage(), mailMessage(), mailMessage()]
    const outcomes = await Promise.allSettled([
      runInTransaction(db(), (trx) => enqueueMail(trx, kept)),
      runInTransaction(db(), async (trx) => {
        await enqueueMail(trx, dropped)
        throw new Error('refused')
      }),
      runInTransaction(db(), async (trx) => {
        await enqueueMail(trx, alsoKept)
        // A failed statement inside a transaction that goes on (its own mail's
        // key: on PostgreSQL `kept` may not be written yet).
        await expect(enqueueMail(trx, { ...alsoKept, id: 'x' })).resolves.toBe(false)
      }),
    ])
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
    ])
    expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(new Error('refused'))
    expect([
      await committed(kept.id),
      await committed(dropped.id),
      await committed(alsoKept.id),
    ]).toEqual([true, false, true])
  })

  // SQLite's group commit holds every answer until the group is committed; on
  // PostgreSQL transactions run side by side, and a refusal may come first.
  it.runIf(name === 'sqlite')(
    'answers a refusal only once what ran before it is committed',
    async () => {
      const first = mailMessage()
      const order: string[] = []
      await Promise.allSettled([
        runInTransaction(db(), (trx) => enqueueMail(trx, first)),
        runInTransaction(db(), async () => {
          throw new Error('refused')
        }).catch(async (error: unknown) => {
          order.push(`refused, first committed: ${await committed(first.id)}`)
          throw error
        }),
      ])
      expect(order).toEqual(['refused, first committed: true'])
    },
  )

  it.runIf(name === 'sqlite')(
    'fails every member of a group whose commit fails, and keeps none of them',
    async () => {
      const fine = mailMessage()
      const broken = mailMessage({ candidateId: 'nobody' })
      const outcomes = await Promise.allSettled([
        runInTransaction(db(), (trx) => enqueueMail(trx, fine)),
        runInTransaction(db(), async (trx) => {
          // The foreign key is checked at COMMIT, which then fails for the whole group.
          await sql`pragma defer_foreign_keys = on`.execute(trx)
          await enqueueMail(trx, broken)
        }),
      ])
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected'])
      expect(String((outcomes[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/)
      expect([await committed(fine.id), await committed(broken.id)]).toEqual([false, false])
      // The next group starts afresh.
      const after = mailMessage()
      await runInTransaction(db(), (trx) => enqueueMail(trx, after))
      expect(await committed(after.id)).toBe(true)
    },
  )

  it('refuses a transaction in place of the database', async () => {
    await db()
      .transaction()
      .execute(async (trx) => {
        expect(() => runInTransaction(trx as Kysely<DB>, async () => 1)).toThrow(
          'needs the database',
        )
      })
  })
})
