import { describe, expect, it } from 'vitest'
import { findCandidate } from '../../src/db/candidates/candidates.js'
import {
  findAttempt,
  insertAttempt,
  listAttemptsOfCandidate,
  updateAttemptOutcome,
} from '../../src/db/retakes/attempts.js'
import { HOUR_MS, parseInstant } from '../../src/domain/instant.js'
import {
  createAttempt,
  createCandidate,
  createExam,
  createFamily,
  createProvider,
} from '../factories/catalogue.js'
import { testDatabases, useFreshDatabase } from '../support/databases.js'

const at = (text: string) => parseInstant(text)!

describe.each(testDatabases())('candidates and attempts on $name', ({ open }) => {
  const db = useFreshDatabase(open)

  it('store a candidate and find it again', async () => {
    const candidate = await createCandidate(db(), {
      id: 'c-1',
      firstName: 'Ana',
      lastName: 'Müller-Łukasiewicz',
      email: 'ana@example.test',
      country: 'DE',
      timeZone: 'Europe/Berlin',
      createdAt: at('2026-03-29T00:59:59.999Z'),
    })
    expect(await findCandidate(db(), 'c-1')).toEqual(candidate)
    expect(await findCandidate(db(), 'c-2')).toBeNull()
  })

  it('store an attempt and find it with its candidate and times', async () => {
    await createFamily(db())
    const exam = await createExam(db(), { number: '070-620' })
    const candidate = await createCandidate(db())
    await createProvider(db(), { id: 'certiport', name: 'Certiport' })
    const takenAt = at('2026-02-03T04:05:06.789Z')
    await insertAttempt(db(), {
      id: 'a-1',
      candidateId: candidate.id,
      exam: exam.number,
      provider: 'certiport',
      takenAt,
      outcome: 'pending',
      recordedAt: takenAt + HOUR_MS,
    })
    expect(await findAttempt(db(), 'a-1')).toEqual({
      id: 'a-1',
      candidateId: candidate.id,
      exam: '070-620',
      creditFor: '070-620',
      provider: 'certiport',
      takenAt,
      outcome: 'pending',
      recordedAt: takenAt + HOUR_MS,
      updatedAt: takenAt + HOUR_MS,
    })
    expect(await findAttempt(db(), 'a-2')).toBeNull()
  })

  it("list a candidate's attempts in time order, crediting a beta pass to its live exam", async () => {
    await createFamily(db())
    await createFamily(db(), { id: 'beta', name: 'Beta', prefixes: ['071'], policyId: 'beta' })
    const live = await createExam(db(), { number: '070-621' })
    const beta = await createExam(db(), {
      number: '071-621',
      family: 'beta',
      status: 'beta',
      betaOf: live.number,
      betaPeriod: { start: at('2026-01-01T00:00:00Z'), end: at('2026-02-01T00:00:00Z') },
    })
    const other = await createExam(db(), { number: '070-620' })
    const candidate = await createCandidate(db())
    const someoneElse = await createCandidate(db())
    const sameTime = at('2026-03-01T09:00:00Z')
    await createAttempt(db(), {
      id: 'b',
      candidateId: candidate.id,
      exam: other.number,
      takenAt: sameTime,
    })
    await createAttempt(db(), {
      id: 'a',
      candidateId: candidate.id,
      exam: live.number,
      takenAt: sameTime,
    })
    await createAttempt(db(), {
      id: 'z',
      candidateId: candidate.id,
      exam: beta.number,
      takenAt: at('2026-01-15T09:00:00Z'),
      outcome: 'pass',
    })
    await createAttempt(db(), { id: 'x', candidateId: someoneElse.id, exam: live.number })

    const history = await listAttemptsOfCandidate(db(), candidate.id)
    expect(history).toEqual([
      {
        id: 'z',
        exam: '071-621',
        creditFor: '070-621',
        provider: 'pearson',
        takenAt: at('2026-01-15T09:00:00Z'),
        outcome: 'pass',
      },
      {
        id: 'a',
        exam: '070-621',
        creditFor: '070-621',
        provider: 'pearson',
        takenAt: sameTime,
        outcome: 'fail',
      },
      {
        id: 'b',
        exam: '070-620',
        creditFor: '070-620',
        provider: 'pearson',
        takenAt: sameTime,
        outcome: 'fail',
      },
    ])
    expect(await listAttemptsOfCandidate(db(), 'nobody')).toEqual([])
  })

  it('update an outcome, stamping when', async () => {
    await createFamily(db())
    const exam = await createExam(db())
    const candidate = await createCandidate(db())
    const attempt = await createAttempt(db(), {
      candidateId: candidate.id,
      exam: exam.number,
      outcome: 'pending',
    })
    const later = attempt.recordedAt + 48 * HOUR_MS
    expect(await updateAttemptOutcome(db(), attempt.id, 'pass', later)).toBe(true)
    expect(await findAttempt(db(), attempt.id)).toEqual({
      ...attempt,
      outcome: 'pass',
      updatedAt: later,
    })
    expect(await updateAttemptOutcome(db(), 'no-such-attempt', 'pass', later)).toBe(false)
  })
})
