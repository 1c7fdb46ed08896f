import fc from 'fast-check'
import { Temporal } from 'temporal-polyfill'
import { describe, expect, it } from 'vitest'
import { GENERAL, liveExam, MOS, MTA_MCE } from '../../test/factories/retake.js'
import type { Attempt } from './attempt.js'
import { addCalendarMonths, hasCalendarMonthsPassed } from './calendar-months.js'
import { decideRetake, type RetakeFacts } from './decide-retake.js'
import { DAY_MS, HOUR_MS, type Instant } from './instant.js'
import type { PolicyVersion } from './policy-version.js'
import { computeRetakeTimeline } from './retake-timeline.js'

const exam = (policy: PolicyVersion) => liveExam('70-620', policy.policyId)
const policyArb = fc.constantFrom(GENERAL, MTA_MCE, MOS)
const startArb = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2032, 0, 1) })
/** Gaps between attempts: often hours, sometimes days, now and then most of a year. */
const gapArb = fc.oneof(
  fc.integer({ min: 0, max: 72 * HOUR_MS }),
  fc.integer({ min: 0, max: 30 * DAY_MS }),
  fc.integer({ min: 300 * DAY_MS, max: 400 * DAY_MS }),
)

function failures(start: Instant, gaps: readonly number[]): Attempt[] {
  let takenAt = start
  return gaps.map((gap, i) => {
    takenAt += gap
    return {
      id: `a${i}`,
      exam: '070-620',
      creditFor: '070-620',
      provider: 'prometric',
      takenAt,
      outcome: 'fail',
    }
  })
}

const factsOf = (attempts: readonly Attempt[]): RetakeFacts => ({
  attempts,
  certifications: [],
  waivers: [],
})

/**
 * The policy written out the slow, obvious way, with Temporal for every
 * calendar step: may a candidate whose history is `attempts` (all failed)
 * sit again at `at`?
 */
function referenceAllows(
  policy: PolicyVersion,
  attempts: readonly Attempt[],
  at: Instant,
): boolean {
  const last = attempts[attempts.length - 1]
  if (!last) return true
  const wait = policy.waitHours[Math.min(attempts.length, policy.waitHours.length) - 1]!
  if (at < last.takenAt + wait * HOUR_MS) return false
  if (policy.attemptLimit === null) return true
  const plusMonths = (instant: Instant) =>
    Temporal.Instant.fromEpochMilliseconds(instant)
      .toZonedDateTimeISO('UTC')
      .add({ months: policy.periodMonths })
      .toInstant().epochMilliseconds
  let periodEnd = plusMonths(attempts[0]!.takenAt)
  let count = 0
  for (const attempt of attempts) {
    if (attempt.takenAt >= periodEnd) {
      periodEnd = plusMonths(attempt.takenAt)
      count = 0
    }
    count++
  }
  return at >= periodEnd || count < policy.attemptLimit
}

describe('retake engine properties', () => {
  it('is eligible exactly when the earliest instant is the instant asked about', () => {
    fc.assert(
      fc.property(
        policyArb,
        startArb,
        fc.array(gapArb, { maxLength: 12 }),
        gapArb,
        (policy, start, gaps, after) => {
          const attempts = failures(start, gaps)
          const at = (attempts.at(-1)?.takenAt ?? start) + after
          const decision = decideRetake([policy], factsOf(attempts), exam(policy), at)
          expect(decision.eligible).toBe(decision.earliestAt === at)
          if (decision.earliestAt !== null) expect(decision.earliestAt).toBeGreaterThanOrEqual(at)
        },
      ),
    )
  })

  it('agrees with the policy written out longhand, and following earliestAt is always allowed', () => {
    fc.assert(
      fc.property(
        policyArb,
        startArb,
        fc.array(gapArb, { maxLength: 12 }),
        gapArb,
        (policy, start, gaps, after) => {
          const attempts = failures(start, gaps)
          const at = (attempts.at(-1)?.takenAt ?? start) + after
          const decision = decideRetake([policy], factsOf(attempts), exam(policy), at)
          expect(decision.eligible).toBe(referenceAllows(policy, attempts, at))
          expect(decision.earliestAt).not.toBeNull()
          expect(referenceAllows(policy, attempts, decision.earliestAt!)).toBe(true)
          if (decision.earliestAt! > at) {
            expect(referenceAllows(policy, attempts, decision.earliestAt! - 1)).toBe(false)
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('never fits more than 5 general attempts into one 12-month period', () => {
    fc.assert(
      fc.property(
        startArb,
        fc.array(gapArb, { minLength: 6, maxLength: 20 }),
        (start, proposals) => {
          // A candidate who asks at random moments and sits whenever allowed.
          const attempts: Attempt[] = []
          let now = start
          for (const gap of proposals) {
            now += gap
            const decision = decideRetake([GENERAL], factsOf(attempts), exam(GENERAL), now)
            const sitAt = decision.earliestAt!
            now = sitAt
            attempts.push(...failures(sitAt, [0]).map((a) => ({ ...a, id: `a${attempts.length}` })))
          }
          let periodStart = attempts[0]!.takenAt
          let inPeriod = 0
          for (const attempt of attempts) {
            if (attempt.takenAt >= addCalendarMonths(periodStart, 12)) {
              periodStart = attempt.takenAt
              inPeriod = 0
            }
            inPeriod++
            expect(inPeriod).toBeLessThanOrEqual(5)
          }
        },
      ),
      { numRuns: 200 },
    )
  })

  it('never allows an earlier date after one more failure', () => {
    fc.assert(
      fc.property(
        policyArb,
        startArb,
        fc.array(gapArb, { maxLength: 10 }),
        gapArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (policy, start, gaps, after, where) => {
          const attempts = failures(start, gaps)
          const last = attempts.at(-1)?.takenAt ?? start
          const at = last + after
          const extra = failures(last + Math.floor((at - last) * where), [0])[0]!
          const before = decideRetake([policy], factsOf(attempts), exam(policy), at)
          const afterOne = decideRetake(
            [policy],
            factsOf([...attempts, { ...extra, id: 'extra' }]),
            exam(policy),
            at,
          )
          expect(afterOne.earliestAt ?? Number.POSITIVE_INFINITY).toBeGreaterThanOrEqual(
            before.earliestAt ?? Number.POSITIVE_INFINITY,
          )
        },
      ),
      { numRuns: 300 },
    )
  })

  it('gives a timeline whose dates only move forward', () => {
    fc.assert(
      fc.property(
        policyArb,
        startArb,
        fc.array(gapArb, { maxLength: 8 }),
        (policy, start, gaps) => {
          const attempts = failures(start, gaps)
          const from = (attempts.at(-1)?.takenAt ?? start) + HOUR_MS
          const steps = computeRetakeTimeline([policy], factsOf(attempts), exam(policy), from)
          expect(steps).toHaveLength(6)
          for (let i = 1; i < steps.length; i++) {
            expect(steps[i]!.earliestAt!).toBeGreaterThan(steps[i - 1]!.earliestAt!)
          }
        },
      ),
      { numRuns: 100 },
    )
  })

  it('bounds calendar months by day counts exactly as Temporal does', () => {
    fc.assert(
      fc.property(
        startArb,
        fc.integer({ min: 1, max: 36 }),
        fc.integer({ min: -5 * DAY_MS, max: 5 * DAY_MS }),
        (start, months, offset) => {
          const end = addCalendarMonths(start, months)
          const at = end + offset
          expect(hasCalendarMonthsPassed(start, months, at)).toBe(at >= end)
        },
      ),
      { numRuns: 500 },
    )
  })
})
