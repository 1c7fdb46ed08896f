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
  /** Why the exam cannot be sat at all, for `EXAM_NOT_AVAILABLE`. */
  readonly unavailable?: string | null
}

/** Whom a sentence speaks of: the candidate reading it ("you"), or a candidate staff read about, by name. */
export type DecisionSubject = { readonly name: string } | null

/**
 * The sentence for a decision in the reader's language, with its date on the
 * candidate's clock. A code may have a more exact message for its facts:
 * `decision.EXAM_NOT_AVAILABLE.retired`, or `decision.ALREADY_PASSED.dated`
 * when the decision names a date. Said of `about` by name (`decision.of.…`)
 * where the candidate's own sentence says "you"; the others serve both.
 */
export function useDecisionSentence(about: DecisionSubject = null): (decision: Decision) => string {
  const intl = useIntl()
  return (decision) => {
    const id = messageFor(decision, about, (candidate) => candidate in intl.messages)
    if (id === null) return decision.reason
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
        name: about?.name ?? '',
      },
    )
  }
}

function messageFor(
  decision: Decision,
  about: DecisionSubject,
  known: (id: string) => boolean,
): string | null {
  const exact = [
    decision.unavailable == null ? null : `${decision.code}.${decision.unavailable}`,
    decision.earliestAt == null ? null : `${decision.code}.dated`,
    decision.code,
  ].flatMap((key) =>
    key === null
      ? []
      : about === null
        ? [`decision.${key}`]
        : [`decision.of.${key}`, `decision.${key}`],
  )
  return exact.find(known) ?? null
}
