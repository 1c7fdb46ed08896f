import type { Instant } from './instant.js'
import type { PolicyVersion } from './policy-version.js'
import type { PolicyRef, RetakeDecision, Unavailability } from './retake-decision.js'

/** The wait a policy asks after a run of failures: what holds back a `RETAKE_TOO_SOON`. */
export interface RetakeWait {
  /** The policy version whose rule it is. */
  readonly policy: PolicyRef
  readonly hours: number
  /** Failures in a row, the last one included. */
  readonly afterFailures: number
  /** The failure the wait counts from. */
  readonly lastAttemptAt: Instant
}

/** The limit of attempts in a period: what holds back an `ANNUAL_LIMIT_REACHED`. */
export interface RetakeLimit {
  readonly policy: PolicyRef
  /** Attempts the policy allows in one period. */
  readonly attempts: number
  /** Attempts taken in the period. */
  readonly taken: number
  readonly periodMonths: number
  /** The first attempt of the period, from which it runs. */
  readonly periodStart: Instant
}

/**
 * The figures of the rule that decided, beside its code: enough for a page
 * to say the rule in any language without the English `reason`. Each is null
 * unless its rule decided.
 */
export interface RetakeRule {
  readonly wait: RetakeWait | null
  readonly annualLimit: RetakeLimit | null
  /** Why the exam cannot be sat at all (`EXAM_NOT_AVAILABLE`). */
  readonly unavailable: Unavailability | null
}

const NO_RULE: RetakeRule = { wait: null, annualLimit: null, unavailable: null }

/** The figures of the rule behind `decision`; all null for an eligible one or a programme's refusal. */
export function computeRetakeRule(decision: RetakeDecision): RetakeRule {
  if (decision.eligible || !('grounds' in decision)) return NO_RULE
  const { grounds } = decision
  switch (grounds.code) {
    case 'RETAKE_TOO_SOON':
      return {
        ...NO_RULE,
        wait: {
          policy: refOf(grounds.version),
          hours: grounds.hours,
          afterFailures: grounds.failures,
          lastAttemptAt: grounds.last.takenAt,
        },
      }
    case 'ANNUAL_LIMIT_REACHED':
      return {
        ...NO_RULE,
        annualLimit: {
          policy: refOf(grounds.version),
          // The limit refused, so the policy has one.
          attempts: grounds.version.attemptLimit ?? grounds.count,
          taken: grounds.count,
          periodMonths: grounds.version.periodMonths,
          periodStart: grounds.periodStart,
        },
      }
    case 'EXAM_NOT_AVAILABLE':
      return { ...NO_RULE, unavailable: grounds.why }
    default:
      return NO_RULE
  }
}

function refOf(version: PolicyVersion): PolicyRef {
  return { id: version.policyId, version: version.version, name: version.name }
}
