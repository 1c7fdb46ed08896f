import { useIntl } from 'react-intl'
import { type Subject, useReader } from '../i18n/reader'
import { formatDay, formatOnClock } from '../time/format'

/** The figures of the rule behind a decision, as eligibility and each timeline step give them. */
export interface RuleFigures {
  readonly wait: {
    readonly policy: { readonly name: string }
    readonly hours: number
    readonly afterFailures: number
    readonly lastAttemptAt: string
  } | null
  readonly annualLimit: {
    readonly policy: { readonly name: string }
    readonly attempts: number
    readonly taken: number
    readonly periodMonths: number
    readonly periodStart: string
  } | null
}

/**
 * The rule that holds an attempt back, in words, with its policy named: a
 * whole sentence for a decision (`full`), or a phrase for a step of the
 * "what if I fail" list (`step`). Null when no wait or limit decided.
 * Said of the candidate by name where their own sentence says "you" (see
 * `useReader`).
 */
export function useRuleSentence(
  about?: Subject,
): (figures: RuleFigures, timeZone: string, form: 'full' | 'step') => string | null {
  const intl = useIntl()
  const say = useReader(about).say
  const duration = (hours: number) => {
    // As the policies are written: a wait under two days in hours, 48 hours as both.
    if (hours < 48 || hours % 24 !== 0) return say('rule.hours', { hours })
    return hours === 48 ? say('rule.twoDays', {}) : say('rule.days', { days: hours / 24 })
  }
  return ({ wait, annualLimit }, timeZone, form) => {
    const suffix = form === 'step' ? '.step' : ''
    if (wait !== null) {
      return say(`rule.wait${suffix}`, {
        wait: duration(wait.hours),
        failures: wait.afterFailures,
        policy: wait.policy.name,
        last: formatOnClock(intl.locale, wait.lastAttemptAt, timeZone),
      })
    }
    if (annualLimit !== null) {
      return say(`rule.limit${suffix}`, {
        attempts: annualLimit.attempts,
        taken: annualLimit.taken,
        months: annualLimit.periodMonths,
        policy: annualLimit.policy.name,
        start: formatDay(intl.locale, annualLimit.periodStart, timeZone),
      })
    }
    return null
  }
}
