import { useIntl } from 'react-intl'
import { formatOnClock } from '../time/format'

/** A decision as the API gives it: a stable code, and the facts a sentence needs. */
export interface Decision {
  readonly code: string
  /** The API's own sentence, in English: said when this page has no words for the code. */
  readonly reason: string
  readonly earliestAt?: string | null
  readonly timeZone?: string
  readonly attemptNumber?: number
  readonly policy?: { readonly name: string } | null
  /** The candidate's country, for a regional restriction. */
  readonly country?: string
}

/** The sentence for a decision in the reader's language, with its date on the candidate's clock. */
export function useDecisionSentence(): (decision: Decision) => string {
  const intl = useIntl()
  return (decision) => {
    const id = `decision.${decision.code}`
    if (!(id in intl.messages)) return decision.reason
    const earliest =
      decision.earliestAt != null
        ? formatOnClock(intl.locale, decision.earliestAt, decision.timeZone ?? 'UTC')
        : ''
    const country =
      decision.country === undefined
        ? ''
        : (new Intl.DisplayNames([intl.locale], { type: 'region' }).of(decision.country) ??
          decision.country)
    return intl.formatMessage(
      { id },
      {
        earliest,
        attempt: decision.attemptNumber ?? 0,
        policy: decision.policy?.name ?? intl.formatMessage({ id: 'decision.policyUnnamed' }),
        country,
      },
    )
  }
}
