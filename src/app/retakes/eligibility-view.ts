import { formatInstant, formatInZone } from '../../domain/instant.js'
import type { RetakeDecision } from '../../domain/retake-decision.js'
import { retakeReason } from '../../domain/retake-reasons.js'
import type { Eligibility } from './decide-eligibility.js'

/**
 * A retake decision as plain JSON: the API's answer and `examdesk
 * eligibility --json` alike. Instants in UTC, each with the same moment on
 * the candidate's wall clock beside it.
 */
export interface EligibilityView {
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
  }
}
