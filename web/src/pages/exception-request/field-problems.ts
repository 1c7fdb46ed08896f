import { useIntl } from 'react-intl'
import {
  DESCRIPTION_MAX_LENGTH,
  DESCRIPTION_MIN_LENGTH,
} from '../../../../src/domain/exception-request'
import { Problem } from '../../api/client'
import { useReader } from '../../i18n/reader'

/** One problem the API found with one field of a request, as its answer lists them. */
export interface FieldProblem {
  readonly field: string
  readonly code: string
  readonly detail: string
}

/** The refusals that list every problem of a request at once, each at its field. */
const LISTING_CODES = new Set(['EXCEPTION_REQUEST_INVALID', 'EXCEPTION_REASON_NOT_ACCEPTED'])

/** The problems of a refused request, in the API's order; null for any other answer. */
export function fieldProblemsOf(error: unknown): readonly FieldProblem[] | null {
  if (!(error instanceof Problem) || !LISTING_CODES.has(error.code)) return null
  const errors = error.facts.errors
  if (!Array.isArray(errors)) return null
  return errors.filter(
    (entry): entry is FieldProblem =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof entry.field === 'string' &&
      typeof entry.code === 'string' &&
      typeof entry.detail === 'string',
  )
}

/**
 * A problem said in the reader's language from its field and code, of the
 * candidate by name when staff act for them (see `useReader`); the API's
 * own sentence where this page has no words for the pair.
 */
export function useFieldProblemSentence(): (problem: FieldProblem, value?: string) => string {
  const intl = useIntl()
  const reader = useReader()
  return (problem, value = '') => {
    if (problem.code === 'not-accepted')
      return intl.formatMessage({ id: 'problem.EXCEPTION_REASON_NOT_ACCEPTED' })
    const id = `exception.error.${problem.field}.${problem.code}`
    if (!(id in intl.messages)) return problem.detail
    return reader.say(id, {
      min: DESCRIPTION_MIN_LENGTH,
      max: DESCRIPTION_MAX_LENGTH,
      length: [...value.trim()].length,
    })
  }
}
