import { useT } from '../i18n/use-t'
import { ProblemMessage } from '../ui/problem-message'
import { CeremonyFailed } from './ceremony'

/**
 * Why adding a passkey or signing in with one did not happen: the browser's
 * prompt said in words (what to do next included), or the API's refusal.
 */
export function PasskeyProblem({
  error,
  ceremony,
}: {
  error: unknown
  ceremony: 'add' | 'sign-in'
}) {
  const t = useT()
  if (!(error instanceof CeremonyFailed)) return <ProblemMessage error={error} />
  const { refusal } = error
  const id =
    ceremony === 'add'
      ? (`passkey.add.${refusal}` as const)
      : // Only adding can find the passkey there already.
        (`passkey.sign-in.${refusal === 'already-added' ? 'failed' : refusal}` as const)
  return (
    <div role="alert" className="problem">
      {t(id, { host: window.location.hostname })}
    </div>
  )
}
