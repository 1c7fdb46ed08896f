import { useIntl } from 'react-intl'
import { Link, useLocation } from 'react-router'
import { Problem } from '../api/client'
import { isCodeSentence, useCodeSentenceNaming } from '../codes/code-sentence'
import { useReader } from '../i18n/reader'
import { useT } from '../i18n/use-t'
import { readerTimeZone } from '../time/format'

/**
 * A refusal said in the reader's language when its code has a message here,
 * with the API's facts as its values; otherwise the API's own sentence, which
 * is always a whole one. Announced to screen readers as it appears. A change
 * that needs a recent sign-in says so with the way to sign in again, which
 * comes back to this page: every page that shows refusals shows it here.
 */
export function ProblemMessage({ error }: { error: unknown }) {
  const say = useDescribeProblem()
  return (
    <div role="alert" className="problem">
      {say(error)}
      {error instanceof Problem && error.code === 'REAUTHENTICATION_REQUIRED' && (
        <>
          {' '}
          <SignInAgain />
        </>
      )}
    </div>
  )
}

/** To sign in again and come back: the sign-in page leads to `next` once signed in. */
function SignInAgain() {
  const t = useT()
  const location = useLocation()
  const next = encodeURIComponent(location.pathname + location.search)
  return <Link to={`/sign-in?next=${next}`}>{t('problem.signInAgain')}</Link>
}

/** A refusal's sentence; said of the candidate by name where staff act for them (see `useReader`). */
export function useDescribeProblem(): (error: unknown) => string {
  const intl = useIntl()
  const reader = useReader()
  // Providers by their ids: a refusal is said without reading the catalogue first.
  const codeWords = useCodeSentenceNaming((id) => id)
  return (error) => {
    if (!(error instanceof Problem)) return intl.formatMessage({ id: 'problem.network' })
    // A code's refusal (booking, applying it, moving its booking) says exactly why, on the reader's clock.
    const sentence = error.facts.sentence
    if (isCodeSentence(sentence))
      return codeWords.sentence(sentence, readerTimeZone(), error.detail)
    const id = `problem.${error.code}`
    if (!(id in intl.messages)) return error.detail
    const values = Object.fromEntries(
      Object.entries(error.facts).filter(
        (entry): entry is [string, string | number] =>
          typeof entry[1] === 'string' || typeof entry[1] === 'number',
      ),
    )
    return reader.say(id, values)
  }
}
