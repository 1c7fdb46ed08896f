import type { Insertable, Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import { insertToken } from '../../src/db/access/api-tokens.js'
import { writeInstant } from '../../src/db/engine/columns.js'
import type { DB } from '../../src/db/engine/schema.js'
import { parseInstant } from '../../src/domain/instant.js'
import {
  createAttempt,
  createCandidate,
  createExam,
  createFamily,
  FACTORY_EPOCH,
} from '../factories/catalogue.js'
import { testDatabases, useFreshDatabase } from '../support/databases.js'

const NOW = writeInstant(FACTORY_EPOCH)

// Both engines name the kind of constraint in their messages:
// SQLite `CHECK constraint failed`, PostgreSQL `violates check constraint`.
const CHECK = /check constraint/i
const FOREIGN_KEY = /foreign key constraint/i
const UNIQUE = /unique constraint/i

/** A value the column's TypeScript type forbids, to show the database refuses it too. */
const forbidden = <T>(value: unknown) => value as T

/** An exam, a candidate and an attempt, for rows that point at them. */
async function scene(db: Kysely<DB>) {
  await createFamily(db)
  const exam = await createExam(db, { number: '070-620' })
  const candidate = await createCandidate(db, { id: 'candidate-1' })
  const attempt = await createAttempt(db, {
    id: 'attempt-1',
    candidateId: candidate.id,
    exam: exam.number,
  })
  return { exam, candidate, attempt }
}

const examRow = (overrides: Partial<DB['exams']> = {}): DB['exams'] => ({
  number: '070-999',
  title: 'Exam',
  family_id: 'general',
  status: 'live',
  price_class: 'regular',
  beta_of: null,
  beta_start: null,
  beta_end: null,
  created_at: NOW,
  ...overrides,
})

const waiverRow = (overrides: Partial<DB['waivers']> = {}): DB['waivers'] => ({
  id: 'waiver-1',
  candidate_id: 'candidate-1',
  exam_number: '070-620',
  waives_wait: 1,
  waives_limit: 0,
  granted_at: NOW,
  note: '',
  used_by_attempt_id: null,
  held_by_registration_id: null,
  ...overrides,
})

const attemptRow = (
  overrides: Partial<Insertable<DB['attempts']>> = {},
): Insertable<DB['attempts']> => ({
  id: 'attempt-2',
  candidate_id: 'candidate-1',
  exam_number: '070-620',
  provider_id: 'pearson',
  taken_at: NOW,
  outcome: 'fail',
  recorded_at: NOW,
  updated_at: NOW,
  ...overrides,
})

describe.each(testDatabases())('constraints on $name', ({ open }) => {
  const db = useFreshDatabase(open)

  it('accept the well-formed rows the refusals below are variations of', async () => {
    await scene(db())
    await db().insertInto('exams').values(examRow()).execute()
    await db()
      .insertInto('waivers')
      .values(waiverRow({ used_by_attempt_id: 'attempt-1' }))
      .execute()
    await db().insertInto('attempts').values(attemptRow()).execute()
  })

  it('check exam status and that a beta period ends after it starts', async () => {
    await scene(db())
    const insert = (row: DB['exams']) => db().insertInto('exams').values(row).execute()
    await expect(insert(examRow({ status: forbidden('draft') }))).rejects.toThrow(CHECK)
    const start = parseInstant('2026-03-01T00:00:00Z')!
    await expect(
      insert(examRow({ beta_start: writeInstant(start), beta_end: writeInstant(start) })),
    ).rejects.toThrow(CHECK)
    await expect(
      insert(examRow({ beta_start: writeInstant(start), beta_end: writeInstant(start - 1) })),
    ).rejects.toThrow(CHECK)
    await insert(examRow({ beta_start: writeInstant(start), beta_end: writeInstant(start + 1) }))
  })

  it('check attempt outcomes, token roles, policy kinds and 0/1 flags', async () => {
    await scene(db())
    await expect(
      db()
        .insertInto('attempts')
        .values(attemptRow({ outcome: forbidden('maybe') }))
        .execute(),
    ).rejects.toThrow(CHECK)
    await expect(
      insertToken(db(), {
        id: 'token-1',
        tokenHash: 'h',
        role: forbidden('root'),
        label: 'x',
        createdAt: FACTORY_EPOCH,
      }),
    ).rejects.toThrow(CHECK)
    await expect(
      db()
        .insertInto('policy_versions')
        .values({
          policy_id: 'general',
          version: 2,
          name: 'x',
          effective_from: NOW,
          kind: forbidden('lenient'),
          wait_hours: '[]',
          attempt_limit: null,
          period_months: 12,
          retake_after_pass: 0,
        })
        .execute(),
    ).rejects.toThrow(CHECK)
    await expect(
      db()
        .insertInto('policy_versions')
        .values({
          policy_id: 'general',
          version: 2,
          name: 'x',
          effective_from: NOW,
          kind: 'standard',
          wait_hours: '[]',
          attempt_limit: null,
          period_months: 12,
          retake_after_pass: 2,
        })
        .execute(),
    ).rejects.toThrow(CHECK)
    await expect(
      db()
        .insertInto('waivers')
        .values(waiverRow({ waives_wait: 2 }))
        .execute(),
    ).rejects.toThrow(CHECK)
    await expect(
      db()
        .insertInto('waivers')
        .values(waiverRow({ waives_limit: -1 }))
        .execute(),
    ).rejects.toThrow(CHECK)
  })

  it('keep token hashes unique and key rows by their ids', async () => {
    await scene(db())
    const token = {
      id: 'token-1',
      tokenHash: 'same',
      role: 'admin',
      label: 'a',
      createdAt: 0,
    } as const
    await insertToken(db(), token)
    await expect(insertToken(db(), { ...token, id: 'token-2' })).rejects.toThrow(UNIQUE)
    await expect(insertToken(db(), { ...token, tokenHash: 'other' })).rejects.toThrow(UNIQUE)
    await expect(
      db()
        .insertInto('exams')
        .values(examRow({ number: '070-620' }))
        .execute(),
    ).rejects.toThrow(UNIQUE)
    await expect(
      db().insertInto('family_prefixes').values({ prefix: '070', family_id: 'general' }).execute(),
    ).rejects.toThrow(UNIQUE)
  })

  it('refuse rows that point at nothing', async () => {
    await scene(db())
    const refusals = [
      db().insertInto('family_prefixes').values({ prefix: '071', family_id: 'nowhere' }),
      db()
        .insertInto('exams')
        .values(examRow({ family_id: 'nowhere' })),
      db()
        .insertInto('exams')
        .values(examRow({ status: 'beta', beta_of: '070-000' })),
      db()
        .insertInto('attempts')
        .values(attemptRow({ candidate_id: 'nobody' })),
      db()
        .insertInto('attempts')
        .values(attemptRow({ exam_number: '070-000' })),
      db()
        .insertInto('attempts')
        .values(attemptRow({ provider_id: 'nowhere' })),
      db()
        .insertInto('certification_exams')
        .values({ certification_id: 'nothing', exam_number: '070-620' }),
      db()
        .insertInto('waivers')
        .values(waiverRow({ candidate_id: 'nobody' })),
      db()
        .insertInto('waivers')
        .values(waiverRow({ exam_number: '070-000' })),
      db()
        .insertInto('waivers')
        .values(waiverRow({ used_by_attempt_id: 'no-attempt' })),
    ]
    for (const insert of refusals) await expect(insert.execute()).rejects.toThrow(FOREIGN_KEY)
    await db()
      .insertInto('certifications')
      .values({ id: 'cert', name: 'C', validity_months: null })
      .execute()
    await expect(
      db()
        .insertInto('certification_exams')
        .values({ certification_id: 'cert', exam_number: '070-000' })
        .execute(),
    ).rejects.toThrow(FOREIGN_KEY)
    // Nothing of the above was stored.
    expect(await db().selectFrom('waivers').selectAll().execute()).toEqual([])
    expect(await db().selectFrom('attempts').select('id').execute()).toEqual([{ id: 'attempt-1' }])
  })
})
