import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  readFlag,
  readInstant,
  readOptionalInstant,
  writeFlag,
  writeInstant,
} from '../../src/db/engine/columns.js'
import { findAttempt, listAttemptsOfCandidate } from '../../src/db/retakes/attempts.js'
import { parseInstant } from '../../src/domain/instant.js'
import { createAttempt, createCandidate, createExam, createFamily } from '../factories/catalogue.js'
import { testDatabases, useFreshDatabase } from '../support/databases.js'

const at = (text: string) => parseInstant(text)!

// 0001-01-01 to 9999-12-31: the years fixed-width text covers.
const storableInstant = fc.integer({ min: -62_135_596_800_000, max: 253_402_300_799_999 })

describe('instant columns', () => {
  it('write fixed-width UTC text that sorts like time (property)', () => {
    fc.assert(
      fc.property(storableInstant, storableInstant, (a, b) => {
        const [ta, tb] = [writeInstant(a), writeInstant(b)]
        expect(ta).toHaveLength(24)
        expect(readInstant(ta)).toBe(a)
        expect(ta < tb).toBe(a < b)
      }),
    )
  })

  it('read a Date as pg returns timestamptz, and pass null through', () => {
    const ms = at('2026-02-28T23:59:59.999Z')
    expect(readInstant(new Date(ms))).toBe(ms)
    expect(readOptionalInstant(null)).toBeNull()
    expect(writeInstant(ms)).toBe('2026-02-28T23:59:59.999Z')
    expect(() => readInstant('not a time')).toThrow('Not a stored instant')
  })

  it('flags are 0/1 and read back from either representation', () => {
    expect([writeFlag(true), writeFlag(false)]).toEqual([1, 0])
    expect([readFlag(1), readFlag(0), readFlag(true), readFlag(false)]).toEqual([
      true,
      false,
      true,
      false,
    ])
  })
})

describe.each(testDatabases())('instants on $name', ({ open }) => {
  const db = useFreshDatabase(open)

  it('round-trip to the millisecond and order by taken_at across days, months and years', async () => {
    await createFamily(db())
    const exam = await createExam(db())
    const candidate = await createCandidate(db())
    // Inserted out of order; chosen so that a wrong representation would
    // misorder them (hour 9 vs 10, 1 ms apart, a year boundary, before 1970).
    const instants = [
      at('2026-01-01T10:00:00.000Z'),
      at('2025-12-31T23:59:59.999Z'),
      at('2026-01-01T09:00:00.001Z'),
      at('2026-01-01T09:00:00.000Z'),
      at('1969-07-20T20:17:40.123Z'),
      at('2026-10-01T00:00:00.000Z'),
      at('2026-09-30T23:59:59.999Z'),
    ]
    for (const [index, takenAt] of instants.entries()) {
      await createAttempt(db(), {
        id: `attempt-${index}`,
        candidateId: candidate.id,
        exam: exam.number,
        takenAt,
        recordedAt: takenAt + 1,
        updatedAt: takenAt + 2,
      })
    }
    const listed = await listAttemptsOfCandidate(db(), candidate.id)
    expect(listed.map((a) => a.takenAt)).toEqual([...instants].sort((a, b) => a - b))

    const one = await findAttempt(db(), 'attempt-1')
    expect(one).toMatchObject({
      takenAt: instants[1],
      recordedAt: instants[1]! + 1,
      updatedAt: instants[1]! + 2,
    })
  })

  it('compare in SQL against a written instant', async () => {
    await createFamily(db())
    const exam = await createExam(db())
    const candidate = await createCandidate(db())
    for (const takenAt of [at('2026-03-01T00:00:00Z'), at('2026-03-01T00:00:00.001Z')]) {
      await createAttempt(db(), { candidateId: candidate.id, exam: exam.number, takenAt })
    }
    const rows = await db()
      .selectFrom('attempts')
      .select('id')
      .where('taken_at', '>', writeInstant(at('2026-03-01T00:00:00Z')))
      .execute()
    expect(rows).toHaveLength(1)
  })
})
