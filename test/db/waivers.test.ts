import { describe, expect, it } from 'vitest'
import { findBookingFacts } from '../../src/db/registrations/booking-facts.js'
import { listAttemptsOfCandidate } from '../../src/db/retakes/attempts.js'
import {
  insertWaiver,
  listOpenWaivers,
  listRetakeHistory,
  markWaiverUsed,
} from '../../src/db/retakes/waivers.js'
import { HOUR_MS } from '../../src/domain/instant.js'
import {
  createAttempt,
  createCandidate,
  createExam,
  createFamily,
  FACTORY_EPOCH,
} from '../factories/catalogue.js'
import { testDatabases, useFreshDatabase } from '../support/databases.js'

describe.each(testDatabases())('waivers on $name', ({ open }) => {
  const db = useFreshDatabase(open)

  async function scene() {
    await createFamily(db())
    const exam = await createExam(db(), { number: '070-620' })
    const otherExam = await createExam(db(), { number: '070-621' })
    const candidate = await createCandidate(db())
    const otherCandidate = await createCandidate(db())
    const base = { candidateId: candidate.id, exam: exam.number, note: 'Centre power cut' }
    await insertWaiver(db(), {
      ...base,
      id: 'w-later',
      waivesWait: false,
      waivesLimit: true,
      grantedAt: FACTORY_EPOCH + HOUR_MS,
    })
    await insertWaiver(db(), {
      ...base,
      id: 'w-first',
      waivesWait: true,
      waivesLimit: false,
      grantedAt: FACTORY_EPOCH,
    })
    await insertWaiver(db(), {
      ...base,
      id: 'w-other-exam',
      exam: otherExam.number,
      waivesWait: true,
      waivesLimit: true,
      grantedAt: FACTORY_EPOCH,
    })
    await insertWaiver(db(), {
      ...base,
      id: 'w-other-candidate',
      candidateId: otherCandidate.id,
      waivesWait: true,
      waivesLimit: true,
      grantedAt: FACTORY_EPOCH,
    })
    const attempt = await createAttempt(db(), { candidateId: candidate.id, exam: exam.number })
    return { candidate, exam, attempt }
  }

  it("list a candidate's open waivers for one exam, oldest first", async () => {
    const { candidate, exam } = await scene()
    expect(await listOpenWaivers(db(), candidate.id, exam.number)).toEqual([
      {
        id: 'w-first',
        exam: '070-620',
        waivesWait: true,
        waivesLimit: false,
        grantedAt: FACTORY_EPOCH,
      },
      {
        id: 'w-later',
        exam: '070-620',
        waivesWait: false,
        waivesLimit: true,
        grantedAt: FACTORY_EPOCH + HOUR_MS,
      },
    ])
  })

  it('use a waiver once only: the second use reports false and changes nothing', async () => {
    const { candidate, exam, attempt } = await scene()
    const second = await createAttempt(db(), { candidateId: candidate.id, exam: exam.number })
    expect(await markWaiverUsed(db(), 'w-first', attempt.id)).toBe(true)
    expect(await markWaiverUsed(db(), 'w-first', second.id)).toBe(false)
    expect(await markWaiverUsed(db(), 'no-such-waiver', attempt.id)).toBe(false)

    const used = await db()
      .selectFrom('waivers')
      .select('used_by_attempt_id')
      .where('id', '=', 'w-first')
      .executeTakeFirstOrThrow()
    expect(used.used_by_attempt_id).toBe(attempt.id)
    expect((await listOpenWaivers(db(), candidate.id, exam.number)).map((w) => w.id)).toEqual([
      'w-later',
    ])
  })

  it('read attempts and open waivers in one query, each as its own list reads them', async () => {
    const { candidate, exam, attempt } = await scene()
    const beta = await createExam(db(), { number: '071-620', betaOf: exam.number })
    // Two attempts at one instant (ordered by id), one at a beta, one of someone else.
    for (const [id, number, takenAt] of [
      ['a-2', exam.number, FACTORY_EPOCH + 2 * HOUR_MS],
      ['a-1', beta.number, FACTORY_EPOCH + 2 * HOUR_MS],
      ['a-0', exam.number, FACTORY_EPOCH - HOUR_MS],
    ] as const)
      await createAttempt(db(), { id, candidateId: candidate.id, exam: number, takenAt })
    await createAttempt(db(), { candidateId: (await createCandidate(db())).id, exam: exam.number })
    expect(await markWaiverUsed(db(), 'w-first', attempt.id)).toBe(true)
    await insertWaiver(db(), {
      id: 'w-same-time',
      candidateId: candidate.id,
      exam: exam.number,
      note: 'Second power cut',
      waivesWait: true,
      waivesLimit: true,
      grantedAt: FACTORY_EPOCH + HOUR_MS,
    })

    const history = await listRetakeHistory(db(), candidate.id, exam.number)
    expect(history).toEqual({
      attempts: await listAttemptsOfCandidate(db(), candidate.id),
      waivers: await listOpenWaivers(db(), candidate.id, exam.number),
    })
    expect(history.attempts.map((a) => [a.id, a.creditFor])).toEqual([
      ['a-0', exam.number],
      [attempt.id, exam.number],
      ['a-1', exam.number],
      ['a-2', exam.number],
    ])
    expect(history.waivers.map((w) => [w.id, w.waivesWait, w.waivesLimit])).toEqual([
      ['w-later', false, true],
      ['w-same-time', true, true],
    ])
    expect(await listRetakeHistory(db(), 'nobody', exam.number)).toEqual({
      attempts: [],
      waivers: [],
    })
  })

  it('tells a booking whether there is any history to read, as the history read itself finds', async () => {
    const { candidate, exam } = await scene()
    const hasHistory = async (candidateId: string, number = exam.number) =>
      (await findBookingFacts(db(), candidateId, 'no-such-slot', number))?.hasHistory
    const listed = async (candidateId: string, number = exam.number) => {
      const { attempts, waivers } = await listRetakeHistory(db(), candidateId, number)
      return attempts.length + waivers.length > 0
    }
    const newcomer = await createCandidate(db())
    const waiverOnly = await createCandidate(db())
    await insertWaiver(db(), {
      id: 'w-only',
      candidateId: waiverOnly.id,
      exam: exam.number,
      note: 'Lab crash',
      waivesWait: true,
      waivesLimit: false,
      grantedAt: FACTORY_EPOCH,
    })
    const cases: [string, string, boolean][] = [
      [newcomer.id, exam.number, false],
      [candidate.id, exam.number, true],
      [waiverOnly.id, exam.number, true],
      // A waiver for another exam is not part of this exam's history.
      [waiverOnly.id, '070-621', false],
    ]
    for (const [candidateId, number, expected] of cases) {
      expect(await hasHistory(candidateId, number)).toBe(expected)
      expect(await listed(candidateId, number)).toBe(expected)
    }
  })
})
