import { formatInstant, formatInZone } from '../../domain/instant.js'
import type { RetakeDecision } from '../../domain/retake-decision.js'
import { retakeReason } from '../../domain/retake-reasons.js'
import { computeRetakeRule } from '../../domain/retake-rule.js'
import type { Eligibility } from './decide-eligibility.js'
import { type RetakeRuleView, toRetakeRuleView } from './retake-rule-view.js'

/**
 * A retake decision as plain JSON: the API's answer and `examdesk
 * eligibility --json` alike. Instants in UTC, each with the same moment on
 * the candidate's wall clock beside it.
 */
export interface EligibilityView extends RetakeRuleView {
  readonly candidateId: string
  readonly exam: string
  readonly at: string
  readonly eligible: boolean
  readonly earliestAt: string | null
  readonly earliestAtLocal: string | null
  readonly timeZone: string
  readonly code: RetakeDecision['code']
  readonly reason: string
  readonly policy: RetakeDecision['policy']
  readonly attemptNumber: number
  readonly waiverId: string | null
}

export function toEligibilityView({
  candidateId,
  exam,
  at,
  timeZone,
  decision,
}: Eligibility): EligibilityView {
  return {
    candidateId,
    exam: exam.number,
    at: formatInstant(at),
    eligible: decision.eligible,
    earliestAt: decision.earliestAt === null ? null : formatInstant(decision.earliestAt),
    earliestAtLocal:
      decision.earliestAt === null ? null : formatInZone(decision.earliestAt, timeZone),
    timeZone,
    code: decision.code,
    reason: retakeReason(decision),
    policy: decision.policy,
    attemptNumber: decision.attemptNumber,
    waiverId: decision.waiverId,
    ...ruleViewOf(decision, timeZone),
  }
}

// A remembered refusal is answered again and again; its rule's local times are written once.
const ruleViews = new WeakMap<RetakeDecision, RetakeRuleView>()

function ruleViewOf(decision: RetakeDecision, timeZone: string): RetakeRuleView {
  let view = ruleViews.get(decision)
  if (view === undefined) {
    view = toRetakeRuleView(computeRetakeRule(decision), timeZone)
    ruleViews.set(decision, view)
  }
  return view
}
