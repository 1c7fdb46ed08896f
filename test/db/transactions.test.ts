import { describe, expect, it } from 'vitest'
import { listFamilies } from '../../src/db/catalogue/exam-families.js'
import { findExam } from '../../src/db/catalogue/exams.js'
import { listPolicyVersions } from '../../src/db/retakes/policy-versions.js'
import { createExam, createFamily } from '../factories/catalogue.js'
import { testDatabases, useFreshDatabase } from '../support/databases.js'

describe.each(testDatabases())('query functions in a transaction on $name', ({ open }) => {
  const db = useFreshDatabase(open)

  it('see their own writes, and leave nothing behind when it rolls back', async () => {
    const failure = new Error('refused')
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          await createFamily(trx)
          await createExam(trx, { number: '070-620' })
          expect(await listFamilies(trx)).toHaveLength(1)
          expect(await findExam(trx, '070-620')).not.toBeNull()
          throw failure
        }),
    ).rejects.toBe(failure)
    expect(await listFamilies(db())).toEqual([])
    expect(await listPolicyVersions(db())).toEqual([])
    expect(await findExam(db(), '070-620')).toBeNull()
  })
})
