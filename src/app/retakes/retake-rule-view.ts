import { formatInstant, formatInZone } from '../../domain/instant.js'
import type { PolicyRef, Unavailability } from '../../domain/retake-decision.js'
import type { RetakeRule } from '../../domain/retake-rule.js'

/** The figures of the rule that decided, as JSON: instants in UTC with the candidate's wall clock beside. */
export interface RetakeRuleView {
  readonly wait: {
    readonly policy: PolicyRef
    readonly hours: number
    readonly afterFailures: number
    readonly lastAttemptAt: string
    readonly lastAttemptAtLocal: string
  } | null
  readonly annualLimit: {
    readonly policy: PolicyRef
    readonly attempts: number
    readonly taken: number
    readonly periodMonths: number
    readonly periodStart: string
    readonly periodStartLocal: string
  } | null
  readonly unavailable: Unavailability | null
}

export function toRetakeRuleView(rule: RetakeRule, timeZone: string): RetakeRuleView {
  const { wait, annualLimit } = rule
  return {
    wait:
      wait === null
        ? null
        : {
            policy: wait.policy,
            hours: wait.hours,
            afterFailures: wait.afterFailures,
            lastAttemptAt: formatInstant(wait.lastAttemptAt),
            lastAttemptAtLocal: formatInZone(wait.lastAttemptAt, timeZone),
          },
    annualLimit:
      annualLimit === null
        ? null
        : {
            policy: annualLimit.policy,
            attempts: annualLimit.attempts,
            taken: annualLimit.taken,
            periodMonths: annualLimit.periodMonths,
            periodStart: formatInstant(annualLimit.periodStart),
            periodStartLocal: formatInZone(annualLimit.periodStart, timeZone),
          },
    unavailable: rule.unavailable,
  }
}
