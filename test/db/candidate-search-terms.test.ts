import { describe, expect, it } from 'vitest'
import {
  insertCandidate,
  updateCandidateEmail,
  updateCandidateProfile,
} from '../../src/db/candidates/candidates.js'
import type { Database } from '../../src/db/engine/database.js'
import * as staffConsole from '../../src/db/engine/migrations/0022-staff-console.js'
import type { Candidate } from '../../src/domain/candidate.js'
import { FACTORY_EPOCH } from '../factories/catalogue.js'
import { testDatabases } from '../support/databases.js'
import { migrationsBefore } from '../support/migrations-before.js'

const BEFORE = migrationsBefore('0022-staff-console')

const candidate = (id: string, firstName: string, lastName: string, email: string): Candidate => ({
  id,
  firstName,
  lastName,
  email,
  country: 'PL',
  timeZone: 'Europe/Warsaw',
  createdAt: FACTORY_EPOCH,
})

/** Each candidate's terms, `id: term term …` with the name key, in a stable order. */
async function termsOf(database: Database): Promise<string[]> {
  const rows = await database.db
    .selectFrom('candidate_search_terms')
    .selectAll()
    .orderBy('candidate_id')
    .orderBy('term')
    .execute()
  const byCandidate = new Map<string, string[]>()
  for (const row of rows)
    byCandidate.set(row.candidate_id, [
      ...(byCandidate.get(row.candidate_id) ?? []),
      `${row.term} (${row.name_key})`,
    ])
  return [...byCandidate].map(([id, terms]) => `${id}: ${terms.join(', ')}`)
}

describe.each(testDatabases())("a candidate's search terms on $name", ({ open }) => {
  it('are filled by migration 0022 for the candidates stored before it, more than a page of them', async () => {
    const database = await open({ migrate: false })
    try {
      const { db } = database
      for (const migration of BEFORE) await migration.up(db)
      const rows = Array.from({ length: 5_003 }, (_, i) => ({
        id: `c${String(i).padStart(5, '0')}`,
        first_name: i === 0 ? 'Łukasz' : `First${i}`,
        last_name: i === 0 ? 'Wójcik' : 'Nowak',
        email: i === 0 ? 'l.w@example.pl' : `n${i}@example.pl`,
        country: 'PL',
        time_zone: 'Europe/Warsaw',
        created_at: '2026-01-05T09:00:00.000Z',
      }))
      for (let start = 0; start < rows.length; start += 1000)
        await db
          .insertInto('candidates')
          .values(rows.slice(start, start + 1000))
          .execute()

      await staffConsole.up(db)

      const count = await db
        .selectFrom('candidate_search_terms')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow()
      // Four terms each (first name, last name, the email's one word), three for Łukasz (l, w).
      expect(Number(count.n)).toBe(5_002 * 3 + 4)
      expect((await termsOf(database))[0]).toBe(
        'c00000: l (wojcik lukasz), lukasz (wojcik lukasz), w (wojcik lukasz), wojcik (wojcik lukasz)',
      )
      expect((await termsOf(database)).at(-1)).toBe(
        'c05002: first5002 (nowak first5002), n5002 (nowak first5002), nowak (nowak first5002)',
      )
    } finally {
      await database.close()
    }
  })

  it('follow every write of a name or an email, in the writer’s transaction', async () => {
    const database = await open()
    try {
      const { db } = database
      const zoe = candidate('cand-zoe', 'Zoë', 'Ó Briain', 'zoe@example.ie')
      await db.transaction().execute((trx) => insertCandidate(trx, zoe))
      expect(await termsOf(database)).toEqual([
        'cand-zoe: briain (o briain zoe), o (o briain zoe), zoe (o briain zoe)',
      ])
      await db
        .transaction()
        .execute((trx) => updateCandidateProfile(trx, { ...zoe, lastName: 'Murphy' }))
      expect(await termsOf(database)).toEqual(['cand-zoe: murphy (murphy zoe), zoe (murphy zoe)'])
      await db
        .transaction()
        .execute((trx) =>
          updateCandidateEmail(trx, { ...zoe, lastName: 'Murphy' }, 'z.m@example.ie'),
        )
      expect(await termsOf(database)).toEqual([
        'cand-zoe: m (murphy zoe), murphy (murphy zoe), z (murphy zoe), zoe (murphy zoe)',
      ])
      const words = await db
        .selectFrom('candidate_search_terms')
        .select('words')
        .distinct()
        .execute()
      expect(words).toEqual([{ words: ' m murphy z zoe ' }])
      // A write that fails takes its terms with it.
      await expect(
        db.transaction().execute(async (trx) => {
          await updateCandidateProfile(trx, { ...zoe, firstName: 'Aoife', lastName: 'Murphy' })
          throw new Error('the use case failed after writing')
        }),
      ).rejects.toThrow('the use case failed')
      expect(await termsOf(database)).toEqual([
        'cand-zoe: m (murphy zoe), murphy (murphy zoe), z (murphy zoe), zoe (murphy zoe)',
      ])
    } finally {
      await database.close()
    }
  })
})
