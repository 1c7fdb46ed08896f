import { describe, expect, it } from 'vitest'
import { catalogueIn, catalogueOf } from '../../src/app/catalogue/catalogue-cache.js'
import { fixedClock } from '../../src/app/clock.js'
import { loadDemo } from '../../src/app/operations/load-demo.js'
import { testDatabases, useFreshDatabase } from '../support/databases.js'

describe.each(testDatabases())('the remembered catalogue on $name', ({ open }) => {
  const db = useFreshDatabase(open)

  it('serves a transaction while a read outside it waits for the connection', async () => {
    const clock = fixedClock(Date.UTC(2026, 5, 15, 12))
    await loadDemo({ db: db(), clock }, true)
    const outside = catalogueOf({ db: db(), clock })
    const seen = await db()
      .transaction()
      .execute(async (trx) => {
        // On SQLite this read queues behind the transaction's connection…
        const waiting = outside.exam('070-620')
        // …and the transaction's own read must not wait for it.
        const inside = catalogueIn({ db: db(), clock }, trx)
        const [exam, policies] = await Promise.all([
          inside.exam('070-620'),
          inside.policyVersions('general'),
        ])
        return { exam, policies, waiting }
      })
    expect(seen.exam?.number).toBe('070-620')
    expect(seen.policies.length).toBeGreaterThan(0)
    expect((await seen.waiting)?.number).toBe('070-620')
  })
})
