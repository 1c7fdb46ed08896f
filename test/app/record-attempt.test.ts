import { describe, expect, it } from 'vitest'
import { operatorPrincipal } from '../../src/app/actor.js'
import { createCandidate } from '../../src/app/candidates/create-candidate.js'
import { createExam } from '../../src/app/catalogue/create-exam.js'
import { loadDemo } from '../../src/app/operations/load-demo.js'
import { decideEligibility } from '../../src/app/retakes/decide-eligibility.js'
import { listAttempts } from '../../src/app/retakes/list-attempts.js'
import { type RecordAttemptInput, recordAttempt } from '../../src/app/retakes/record-attempt.js'
import { findAttempt } from '../../src/db/retakes/attempts.js'
import { insertWaiver, listOpenWaivers } from '../../src/db/retakes/waivers.js'
import type { Instant } from '../../src/domain/instant.js'
import { testDatabases } from '../support/databases.js'
import { days, hours, iso, NOW, refusalOf, useApp } from './scenario.js'

describe.each(testDatabases())('record-attempt on $name', ({ open }) => {
  const { deps } = useApp(open)

  /** Ana's whole history: one page holds it. */
  async function historyOf(candidateId: string) {
    return (await listAttempts(deps(), candidateId, { limit: 200, offset: 0 })).items
  }

  /** The programme, a live 070-620, a retired 070-210 and one candidate, Ana. */
  async function scene() {
    await loadDemo(deps(), false)
    await createExam(deps(), { number: '70-620', title: 'TS: Configuring Windows Vista Client' })
    await createExam(deps(), { number: '70-210', title: 'Windows 2000', status: 'retired' })
    const ana = await createCandidate(deps(), {
      firstName: 'Ana',
      lastName: 'Tupou',
      email: 'ana@example.com',
      country: 'NZ',
      timeZone: 'Pacific/Auckland',
    })
    return { ana: ana.id }
  }

  /** A failed 070-620 at Prometric yesterday, unless told otherwise. */
  function sitting(candidateId: string, changes: Partial<RecordAttemptInput> = {}) {
    return recordAttempt(
      deps(),
      {
        candidateId,
        exam: '070-620',
        takenAt: iso(NOW - days(1)),
        outcome: 'fail',
        provider: 'prometric',
        ...changes,
      },
      operatorPrincipal('test'),
    )
  }

  async function decisionAt(candidateId: string, at: Instant = NOW) {
    const { decision } = await decideEligibility(deps(), {
      candidateId,
      exam: '070-620',
      at: iso(at),
    })
    return { code: decision.code, earliestAt: iso(decision.earliestAt) }
  }

  it('records a sitting in the candidate’s history, under the canonical exam number', async () => {
    const { ana } = await scene()
    const short = await sitting(ana, { exam: '70-620', takenAt: iso(NOW - days(3)) })
    const long = await sitting(ana, { exam: '070-620', outcome: 'pass', provider: 'pearson-vue' })
    expect(short).toEqual({
      id: expect.any(String),
      candidateId: ana,
      exam: '070-620',
      creditFor: '070-620',
      provider: 'prometric',
      takenAt: NOW - days(3),
      outcome: 'fail',
      recordedAt: NOW,
      updatedAt: NOW,
    })
    expect(await findAttempt(deps().db, short.id)).toEqual(short)
    expect(await historyOf(ana)).toEqual([
      {
        id: short.id,
        exam: '070-620',
        creditFor: '070-620',
        provider: 'prometric',
        takenAt: NOW - days(3),
        outcome: 'fail',
      },
      {
        id: long.id,
        exam: '070-620',
        creditFor: '070-620',
        provider: 'pearson-vue',
        takenAt: NOW - days(1),
        outcome: 'pass',
      },
    ])
  })

  it('accepts a sitting taken right now, and refuses one in the future or at no instant', async () => {
    const { ana } = await scene()
    await sitting(ana, { takenAt: iso(NOW) })
    expect(await refusalOf(sitting(ana, { takenAt: iso(NOW + 60_000) }))).toMatchObject({
      code: 'ATTEMPT_IN_FUTURE',
      field: 'takenAt',
    })
    for (const takenAt of ['yesterday', '2026-06-14T09:00:00', '2026-06-14']) {
      expect(await refusalOf(sitting(ana, { takenAt }))).toMatchObject({
        code: 'INSTANT_INVALID',
        field: 'takenAt',
        facts: { value: takenAt },
      })
    }
    expect(await historyOf(ana)).toHaveLength(1)
  })

  it('refuses a sitting of a retired exam', async () => {
    const { ana } = await scene()
    expect(await refusalOf(sitting(ana, { exam: '70-210' }))).toMatchObject({
      code: 'EXAM_RETIRED',
      field: 'exam',
      facts: { exam: '070-210' },
    })
    expect(await historyOf(ana)).toEqual([])
  })

  it('refuses an unknown provider, candidate, exam or outcome', async () => {
    const { ana } = await scene()
    expect(await refusalOf(sitting(ana, { provider: 'certiport' }))).toMatchObject({
      code: 'PROVIDER_UNKNOWN',
      field: 'provider',
      facts: { provider: 'certiport' },
    })
    expect(await refusalOf(sitting('cand-nobody'))).toMatchObject({
      code: 'CANDIDATE_NOT_FOUND',
      field: 'candidateId',
    })
    expect(await refusalOf(sitting(ana, { exam: '70-999' }))).toMatchObject({
      code: 'EXAM_NOT_FOUND',
      field: 'exam',
    })
    expect(await refusalOf(sitting(ana, { outcome: 'passed' as never }))).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'outcome',
    })
    expect(await historyOf(ana)).toEqual([])
  })

  it('judges a retake at the other provider on the whole history', async () => {
    const { ana } = await scene()
    await sitting(ana, { provider: 'pearson-vue', takenAt: iso(NOW - days(10)) })
    const second = await sitting(ana, { provider: 'prometric', takenAt: iso(NOW - days(2)) })
    // Prometric alone has seen one failure (24 hours, over); together it is a second one: 14 days.
    expect(await decisionAt(ana)).toEqual({
      code: 'RETAKE_TOO_SOON',
      earliestAt: iso(second.takenAt + days(14)),
    })
  })

  it('records a sitting the policy would have refused: it happened', async () => {
    const { ana } = await scene()
    const first = await sitting(ana, { takenAt: iso(NOW - days(2)) })
    await sitting(ana, { takenAt: iso(first.takenAt + hours(2)), provider: 'pearson-vue' })
    expect(await historyOf(ana)).toHaveLength(2)
  })

  describe('an approved retake exception', () => {
    async function grantWaiver(candidateId: string) {
      await insertWaiver(deps().db, {
        id: 'waiver-lab-crash',
        candidateId,
        exam: '070-620',
        waivesWait: true,
        waivesLimit: false,
        grantedAt: NOW - days(3),
        note: 'Lab crash during the first sitting',
      })
    }

    const openWaivers = async (candidateId: string) =>
      (await listOpenWaivers(deps().db, candidateId, '070-620')).map((waiver) => waiver.id)

    it('is used up by the attempt that needed it', async () => {
      const { ana } = await scene()
      await grantWaiver(ana)
      const first = await sitting(ana, { takenAt: iso(NOW - days(2)) })
      // The first attempt needed no exception: it stays open.
      expect(await openWaivers(ana)).toEqual(['waiver-lab-crash'])
      expect(await decisionAt(ana, first.takenAt + hours(2))).toEqual({
        code: 'ELIGIBLE',
        earliestAt: iso(first.takenAt + hours(2)),
      })

      // Inside the 24-hour wait: only the exception allows it.
      const second = await sitting(ana, { takenAt: iso(first.takenAt + hours(2)) })
      expect(await openWaivers(ana)).toEqual([])
      const waiver = await deps()
        .db.selectFrom('waivers')
        .select('used_by_attempt_id')
        .where('id', '=', 'waiver-lab-crash')
        .executeTakeFirstOrThrow()
      expect(waiver.used_by_attempt_id).toBe(second.id)

      // A third attempt inside the next (14-day) wait has no exception left.
      expect(await decisionAt(ana, second.takenAt + hours(3))).toEqual({
        code: 'RETAKE_TOO_SOON',
        earliestAt: iso(second.takenAt + days(14)),
      })
    })

    it('is not used by an attempt that did not need it', async () => {
      const { ana } = await scene()
      await grantWaiver(ana)
      const first = await sitting(ana, { takenAt: iso(NOW - days(3)) })
      await sitting(ana, { takenAt: iso(first.takenAt + hours(30)) })
      expect(await openWaivers(ana)).toEqual(['waiver-lab-crash'])
    })
  })
})
