import { CamelCasePlugin } from 'kysely'
import { describe, expect, it, vi } from 'vitest'
import { reusableQuery } from '../../src/db/reusable-query.js'
import { createCandidate } from '../factories/catalogue.js'
import { testDatabases, useFreshDatabase } from '../support/databases.js'

describe.each(testDatabases())('reusableQuery on $name', ({ open }) => {
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
})
