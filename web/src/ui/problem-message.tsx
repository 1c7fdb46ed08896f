import { useIntl } from 'react-intl'
import { Problem } from '../api/client'

/**
 * A refusal said in the reader's language when its code has a message here,
 * with the API's facts as its values; otherwise the API's own sentence, which
 * is always a whole one. Announced to screen readers as it appears.
 */
export function ProblemMessage({ error }: { error: unknown }) {
  const say = useDescribeProblem()
  return (
    <div role="alert" className="problem">
      {say(error)}
    </div>
  )
}

export function useDescribeProblem(): (error: unknown) => string {
  const intl = useIntl()
  return (error) => {
    if (!(error instanceof Problem)) return intl.formatMessage({ id: 'problem.network' })
    const id = `problem.${error.code}`
    if (!(id in intl.messages)) return error.detail
    const values = Object.fromEntries(
      Object.entries(error.facts).filter(
        (entry): entry is [string, string | number] =>
          typeof entry[1] === 'string' || typeof entry[1] === 'number',
      ),
    )
    return intl.formatMessage({ id }, values)
  }
}
