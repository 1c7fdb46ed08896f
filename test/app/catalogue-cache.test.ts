import { describe, expect, it } from 'vitest'
import { readExam, readPolicyVersions } from '../../src/app/catalogue/catalogue-cache.js'
import { fixedClock } from '../../src/app/clock.js'
import { loadDemo } from '../../src/app/operations/load-demo.js'
import { testDatabases, useFreshDatabase } from '../support/databases.js'

describe.each(testDatabases())('the remembered catalogue on $name', ({ open }) => {
  const db = useFreshDatabase(open)

  it('serves a transaction while a read outside it waits for the connection', async () => {
    const clock = fixedClock(Date.UTC(2026, 5, 15, 12))
    await loadDemo({ db: db(), clock }, true)
    const outside = { db: db(), clock }
    const seen = await db()
      .transaction()
      .execute(async (trx) => {
        // On SQLite this read queues behind the transaction's connection…
        const waiting = readExam(outside, '070-620')
        // …and the transaction's own read must not wait for it.
        const inside = { db: db(), clock, reader: trx }
        const [exam, policies] = await Promise.all([
          readExam(inside, '070-620'),
          readPolicyVersions(inside, 'general'),
        ])
        return { exam, policies, waiting }
      })
    expect(seen.exam?.number).toBe('070-620')
    expect(seen.policies.length).toBeGreaterThan(0)
    expect((await seen.waiting)?.number).toBe('070-620')
  })
})
