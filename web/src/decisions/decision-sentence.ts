import { useIntl } from 'react-intl'
import { regionNames } from '../i18n/formatters'
import { type Subject, useReader } from '../i18n/reader'
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

/**
 * The sentence for a decision in the reader's language, with its date on the
 * candidate's clock. A code may have a more exact message for its facts:
 * `decision.EXAM_NOT_AVAILABLE.retired`, or `decision.ALREADY_PASSED.dated`
 * when the decision names a date. Said of the candidate by name
 * (`decision.….of`) where their own sentence says "you", when staff act for
 * them or `about` names them (see `useReader`); the others serve both.
 */
export function useDecisionSentence(about?: Subject): (decision: Decision) => string {
  const intl = useIntl()
  const reader = useReader(about)
  return (decision) => {
    const id = messageFor(decision, (candidate) => candidate in intl.messages)
    if (id === null) return decision.reason
    const earliest =
      decision.earliestAt != null
        ? formatOnClock(intl.locale, decision.earliestAt, decision.timeZone ?? 'UTC')
        : ''
    const country =
      decision.country === undefined
        ? ''
        : (regionNames(intl.locale).of(decision.country) ?? decision.country)
    return reader.say(id, {
      earliest,
      attempt: decision.attemptNumber ?? 0,
      policy: decision.policy?.name ?? intl.formatMessage({ id: 'decision.policyUnnamed' }),
      country,
    })
  }
}

/** The most exact message written for the decision; its variant said of a candidate is its own. */
function messageFor(decision: Decision, known: (id: string) => boolean): string | null {
  const exact = [
    decision.unavailable == null ? null : `${decision.code}.${decision.unavailable}`,
    decision.earliestAt == null ? null : `${decision.code}.dated`,
    decision.code,
  ].flatMap((key) => (key === null ? [] : [`decision.${key}`]))
  return exact.find(known) ?? null
}
