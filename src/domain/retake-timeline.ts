import type { Attempt } from './attempt.js'
import { decideRetake, type RetakeFacts } from './decide-retake.js'
import type { Exam } from './exam.js'
import type { Instant } from './instant.js'
import type { PolicyVersion } from './policy-version.js'
import type { PolicyRef, RetakeCode } from './retake-decision.js'
import { retakeReason } from './retake-reasons.js'
import { computeRetakeRule, type RetakeRule } from './retake-rule.js'

export interface TimelineStep extends RetakeRule {
  /** Which attempt at this exam this would be. */
  readonly attemptNumber: number
  /** When it could be taken at the earliest; null when never under the current data. */
  readonly earliestAt: Instant | null
  /** The rule that sets that date (`ELIGIBLE` when nothing holds it back). */
  readonly code: RetakeCode
  readonly reason: string
  /** The policy version in force when the attempt before it would fail. */
  readonly policy: PolicyRef | null
  readonly usesWaiver: boolean
}

/**
 * "What if I fail?": assuming every attempt from `from` on fails (a result
 * still pending counts as a failure), when could each of the next `count`
 * attempts be taken at the earliest? Stops at the first that never could.
 */
export function computeRetakeTimeline(
  policies: readonly PolicyVersion[],
  facts: RetakeFacts,
  exam: Exam,
  from: Instant,
  count = 6,
): TimelineStep[] {
  const attempts: Attempt[] = facts.attempts.map((attempt) =>
    attempt.exam === exam.number && attempt.outcome === 'pending'
      ? { ...attempt, outcome: 'fail' }
      : attempt,
  )
  let waivers = facts.waivers
  const steps: TimelineStep[] = []
  let at = from
  for (let i = 0; i < count; i++) {
    const decision = decideRetake(policies, { ...facts, attempts, waivers }, exam, at)
    const next =
      decision.earliestAt === null
        ? decision
        : decideRetake(policies, { ...facts, attempts, waivers }, exam, decision.earliestAt)
    steps.push({
      attemptNumber: decision.attemptNumber,
      earliestAt: decision.earliestAt,
      code: decision.code,
      reason: retakeReason(decision),
      policy: decision.policy,
      ...computeRetakeRule(decision),
      usesWaiver: next.waiverId !== null,
    })
    if (decision.earliestAt === null) break
    at = decision.earliestAt
    attempts.push({
      id: `what-if-${i + 1}`,
      exam: exam.number,
      creditFor: exam.betaOf ?? exam.number,
      provider: 'what-if',
      takenAt: at,
      outcome: 'fail',
    })
    if (next.waiverId !== null) waivers = waivers.filter((waiver) => waiver.id !== next.waiverId)
  }
  return steps
}
