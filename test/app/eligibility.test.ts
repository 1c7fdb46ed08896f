import { describe, expect, it } from 'vitest'
import { operatorPrincipal } from '../../src/app/actor.js'
import { loadDemo } from '../../src/app/operations/load-demo.js'
import { decideEligibility } from '../../src/app/retakes/decide-eligibility.js'
import { listAttempts } from '../../src/app/retakes/list-attempts.js'
import { planRetakes } from '../../src/app/retakes/plan-retakes.js'
import { recordAttempt } from '../../src/app/retakes/record-attempt.js'
import { insertWaiver } from '../../src/db/retakes/waivers.js'
import { retakeReason } from '../../src/domain/retake-reasons.js'
import { testDatabases } from '../support/databases.js'
import {
  type AppDeps,
  days,
  hours,
  instant,
  iso,
  NOW,
  refusalOf,
  useApp,
  useDemoForReading,
} from './scenario.js'

/** In the demo, Ana may retake 070-620 from this instant (14 days after her second failure). */
const ANA_MAY_RETAKE = instant('2026-06-28T02:30:00Z')

function decideForAna(deps: AppDeps, at?: string) {
  return decideEligibility(deps, { candidateId: 'cand-ana', exam: '70-620', ...(at ? { at } : {}) })
}

describe.each(testDatabases())('eligibility and retake plans on the demo, on $name', ({ open }) => {
  const { deps } = useDemoForReading(open)
  const decide = (at?: string) => decideForAna(deps(), at)

  it('explains a refusal in the candidate’s own time zone', async () => {
    const eligibility = await decide()
    expect(eligibility).toMatchObject({
      candidateId: 'cand-ana',
      exam: { number: '070-620' },
      at: NOW,
      timeZone: 'Pacific/Auckland',
      decision: {
        eligible: false,
        code: 'RETAKE_TOO_SOON',
        policy: { id: 'general', version: 2 },
        waiverId: null,
      },
    })
    expect(retakeReason(eligibility.decision)).toContain('2026-06-28 14:30 Pacific/Auckland')
    expect(retakeReason(eligibility.decision)).toContain('14 days')
  })

  it('allows the attempt from the very instant the wait ends', async () => {
    expect((await decide(iso(ANA_MAY_RETAKE - 1))).decision.code).toBe('RETAKE_TOO_SOON')
    expect((await decide(iso(ANA_MAY_RETAKE))).decision).toMatchObject({
      eligible: true,
      code: 'ELIGIBLE',
      earliestAt: ANA_MAY_RETAKE,
    })
    // Any offset names the same instant.
    expect((await decide('2026-06-28T14:30:00+12:00')).decision.code).toBe('ELIGIBLE')
  })

  it('refuses an unknown candidate or exam and an `at` or `from` that is not an instant', async () => {
    expect(
      await refusalOf(() =>
        decideEligibility(deps(), { candidateId: 'cand-nobody', exam: '70-620' }),
      ),
    ).toMatchObject({ code: 'CANDIDATE_NOT_FOUND', field: 'id' })
    expect(
      await refusalOf(() => decideEligibility(deps(), { candidateId: 'cand-ana', exam: '70-999' })),
    ).toMatchObject({ code: 'EXAM_NOT_FOUND', field: 'exam' })
    expect(await refusalOf(() => decide('next Tuesday'))).toMatchObject({
      code: 'INSTANT_INVALID',
      field: 'at',
    })
    expect(
      await refusalOf(
        planRetakes(deps(), { candidateId: 'cand-ana', exam: '70-620', from: 'soon' }),
      ),
    ).toMatchObject({ code: 'INSTANT_INVALID', field: 'from' })
    expect(
      await refusalOf(listAttempts(deps(), 'cand-nobody', { limit: 50, offset: 0 })),
    ).toMatchObject({
      code: 'CANDIDATE_NOT_FOUND',
      field: 'id',
    })
  })

  it('plans from a later instant when asked', async () => {
    const plan = await planRetakes(deps(), {
      candidateId: 'cand-ana',
      exam: '70-620',
      from: '2026-07-01T00:00:00Z',
    })
    expect(plan.from).toBe(instant('2026-07-01T00:00:00Z'))
    expect(plan.steps[0]).toMatchObject({ code: 'ELIGIBLE', earliestAt: plan.from })
    expect(plan.steps).toHaveLength(6)
  })
})

describe.each(testDatabases())(
  'eligibility and retake plans after changes, on $name',
  ({ open }) => {
    const { deps } = useApp(open)

    it('plans with an approved exception: it is used by the first attempt only', async () => {
      await loadDemo(deps())
      await insertWaiver(deps().db, {
        id: 'waiver-ana',
        candidateId: 'cand-ana',
        exam: '070-620',
        waivesWait: true,
        waivesLimit: false,
        grantedAt: NOW - days(1),
        note: 'Connectivity failure at the test centre',
      })
      expect((await decideForAna(deps())).decision).toMatchObject({
        code: 'ELIGIBLE',
        waiverId: 'waiver-ana',
      })
      const plan = await planRetakes(deps(), { candidateId: 'cand-ana', exam: '070-620' })
      expect(
        plan.steps
          .slice(0, 2)
          .map((step) => [step.attemptNumber, step.code, iso(step.earliestAt), step.usesWaiver]),
      ).toEqual([
        [3, 'ELIGIBLE', iso(NOW), true],
        [4, 'RETAKE_TOO_SOON', iso(NOW + days(14)), false],
      ])
    })

    it('holds the next booking while a result is pending; the plan counts it as a failure', async () => {
      await loadDemo(deps())
      const pending = await recordAttempt(
        deps(),
        {
          candidateId: 'cand-kenji',
          exam: '70-620',
          takenAt: iso(NOW - hours(2)),
          outcome: 'pending',
          provider: 'pearson-vue',
        },
        operatorPrincipal('test'),
      )
      const { decision } = await decideEligibility(deps(), {
        candidateId: 'cand-kenji',
        exam: '070-620',
      })
      expect(decision).toMatchObject({ code: 'RESULT_PENDING', earliestAt: null, attemptNumber: 2 })
      const plan = await planRetakes(deps(), { candidateId: 'cand-kenji', exam: '070-620' })
      expect(plan.steps[0]).toMatchObject({
        attemptNumber: 2,
        code: 'RETAKE_TOO_SOON',
        earliestAt: pending.takenAt + hours(24),
      })
    })
  },
)
