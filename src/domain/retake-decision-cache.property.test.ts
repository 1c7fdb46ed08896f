import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  at,
  BETA,
  betaExam,
  facts,
  fail,
  GENERAL,
  liveExam,
  MOS,
  waiver,
} from '../../test/factories/retake.js'
import type { Attempt, AttemptOutcome } from './attempt.js'
import { addCalendarMonths } from './calendar-months.js'
import { decideRetake, type RetakeFacts } from './decide-retake.js'
import type { Exam } from './exam.js'
import { DAY_MS, HOUR_MS, type Instant } from './instant.js'
import type { PolicyVersion } from './policy-version.js'
import type { RetakeDecision } from './retake-decision.js'
import { RetakeDecisionCache } from './retake-decision-cache.js'
import { retakeReason } from './retake-reasons.js'

const FROM = at('2026-01-01T00:00:00Z')
const instantArb = fc.integer({ min: FROM, max: FROM + 730 * DAY_MS })

const LIVE = liveExam('70-620')
const LIVE_MOS = liveExam('77-727', 'mos')
const BETA_EXAM = betaExam('71-620', '70-620', '2026-03-01T00:00:00Z', '2026-05-01T00:00:00Z')

/** A later version of the exam's policy, with its own waits and limit. */
const laterVersionArb = (base: PolicyVersion) =>
  fc
    .record({
      effectiveFrom: instantArb,
      waitHours: fc.array(fc.integer({ min: 1, max: 400 }), { maxLength: 3 }),
      attemptLimit: fc.option(fc.integer({ min: 1, max: 6 })),
      periodMonths: fc.integer({ min: 1, max: 12 }),
      retakeAfterPass: fc.boolean(),
    })
    .map((changes): PolicyVersion => ({ ...base, ...changes, version: base.version + 1 }))

const scenarioArb = fc
  .constantFrom(
    { exam: LIVE, policy: GENERAL },
    { exam: LIVE_MOS, policy: MOS },
    { exam: BETA_EXAM, policy: BETA },
  )
  .chain(({ exam, policy }) =>
    fc.record({
      exam: fc.constant(exam),
      policies: fc
        .option(laterVersionArb(policy))
        .map((later) => (later ? [policy, later] : [policy])),
      attempts: fc.array(
        fc.record({
          takenAt: instantArb,
          outcome: fc.constantFrom<AttemptOutcome>('fail', 'fail', 'pass', 'pending'),
          elsewhere: fc.boolean(),
        }),
        { maxLength: 8 },
      ),
      certification: fc.option(fc.record({ earnedAt: instantArb, lasts: fc.nat(400) })),
      waivers: fc.array(
        fc.record({ wait: fc.boolean(), limit: fc.boolean(), grantedAt: instantArb }),
        { maxLength: 2 },
      ),
      randomQueries: fc.array(instantArb, { minLength: 10, maxLength: 30 }),
      order: fc.infiniteStream(fc.nat()),
    }),
  )

interface Scenario {
  readonly attempts: readonly { takenAt: Instant; outcome: AttemptOutcome; elsewhere: boolean }[]
  readonly certification: { earnedAt: Instant; lasts: number } | null
  readonly waivers: readonly { wait: boolean; limit: boolean; grantedAt: Instant }[]
}

function factsOf(exam: Exam, scenario: Scenario): RetakeFacts {
  const otherExam = liveExam('70-640')
  const attempts: Attempt[] = scenario.attempts.map(({ takenAt, outcome, elsewhere }, i) => ({
    id: `a${i}`,
    exam: elsewhere ? otherExam.number : exam.number,
    creditFor: elsewhere ? otherExam.number : (exam.betaOf ?? exam.number),
    provider: 'prometric',
    takenAt,
    outcome,
  }))
  const certification = scenario.certification
  return facts(attempts, {
    certifications: certification
      ? [
          {
            certificationId: 'mcsa',
            name: 'MCSA',
            exams: [exam.betaOf ?? exam.number],
            earnedAt: certification.earnedAt,
            expiresAt: certification.earnedAt + certification.lasts * DAY_MS,
          },
        ]
      : [],
    waivers: scenario.waivers.map((w) =>
      waiver(exam, { wait: w.wait, limit: w.limit }, new Date(w.grantedAt).toISOString()),
    ),
  })
}

/** The instants where a rule turns, and their neighbours: where a wrong stretch would show. */
function turningInstants(policies: readonly PolicyVersion[], facts: RetakeFacts, exam: Exam) {
  const near: Instant[] = []
  const around = (instant: Instant) => near.push(instant - 1, instant, instant + 1)
  for (const version of policies) around(version.effectiveFrom)
  if (exam.betaPeriod) {
    around(exam.betaPeriod.start)
    around(exam.betaPeriod.end)
  }
  for (const certification of facts.certifications) around(certification.expiresAt!)
  for (const attempt of facts.attempts) {
    around(attempt.takenAt)
    for (const version of policies) {
      for (const hours of version.waitHours) around(attempt.takenAt + hours * HOUR_MS)
      around(addCalendarMonths(attempt.takenAt, version.periodMonths))
    }
  }
  return near
}

/** Everything a decision says, its sentence included. */
function said(decision: RetakeDecision) {
  const { eligible, earliestAt, code, policy, attemptNumber, waiverId } = decision
  return {
    eligible,
    earliestAt,
    code,
    reason: retakeReason(decision),
    policy,
    attemptNumber,
    waiverId,
  }
}

describe('retake decisions remembered by stretch of time', () => {
  it('answer what the engine answers, at any instant, in any order of asking', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const { exam, policies } = scenario
        const history = factsOf(exam, scenario)
        const decisions = new RetakeDecisionCache(policies, history, exam)
        const queries = [...scenario.randomQueries, ...turningInstants(policies, history, exam)]
        // Shuffled, so a stretch is first asked about at any of its instants.
        const shuffled = queries
          .map((instant, i) => ({ instant, key: scenario.order.next().value ?? i }))
          .sort((a, b) => a.key - b.key)
        for (const { instant } of shuffled) {
          expect(said(decisions.at(instant))).toEqual(
            said(decideRetake(policies, history, exam, instant)),
          )
        }
      }),
      { numRuns: 400 },
    )
  })

  it('gives the decision already made for an instant in the same stretch', () => {
    const history = facts([fail(LIVE, '2026-06-01T09:00:00Z'), fail(LIVE, '2026-06-10T09:00:00Z')])
    const decisions = new RetakeDecisionCache([GENERAL], history, LIVE)
    // The first question is answered without memory: most are asked only once.
    expect(decisions.at(at('2026-06-16T09:00:00Z')).code).toBe('RETAKE_TOO_SOON')
    const second = decisions.at(at('2026-06-18T09:00:00Z'))
    expect(second.code).toBe('RETAKE_TOO_SOON')
    expect(decisions.at(at('2026-06-20T12:00:00Z'))).toBe(second)
    // The wait ends 14 days after the second failure: a new stretch, a new decision.
    const after = decisions.at(at('2026-06-24T09:00:00Z'))
    expect(after).toMatchObject({ code: 'ELIGIBLE', earliestAt: at('2026-06-24T09:00:00Z') })
    expect(decisions.at(at('2026-06-25T09:00:00Z')).earliestAt).toBe(at('2026-06-25T09:00:00Z'))
  })
})
