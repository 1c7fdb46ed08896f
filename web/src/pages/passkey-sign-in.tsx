import {
  type PublicKeyCredentialRequestOptionsJSON,
  startAuthentication,
} from '@simplewebauthn/browser'
import { useState } from 'react'
import { Button } from 'react-aria-components'
import { api } from '../api/client'
import { useT } from '../i18n/use-t'
import { asSent, passkeysSupported, runCeremony } from '../passkeys/ceremony'
import { PasskeyProblem } from '../passkeys/passkey-problem'

/**
 * Signing in with a passkey, beside the email form: no email typed, the
 * device offers its passkeys for this site. A prompt closed, timed out or
 * with no passkey to offer is said in words; mail still works. Not offered
 * in a browser without WebAuthn.
 */
export function PasskeySignIn({ onSignedIn }: { onSignedIn(csrfToken: string): Promise<void> }) {
  const t = useT()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  if (!passkeysSupported()) return null

  async function signIn() {
    setBusy(true)
    setError(null)
    try {
      const { data: options } = await api.POST('/v1/sign-in/passkey/options')
      // The API's schema spells WebAuthn's enumerations as plain strings.
      const optionsJSON = options as PublicKeyCredentialRequestOptionsJSON
      const credential = await runCeremony(() => startAuthentication({ optionsJSON }))
      const { data } = await api.POST('/v1/sign-in/passkey', { body: asSent(credential) })
      await onSignedIn(data!.csrfToken)
    } catch (problem) {
      setError(problem)
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="passkey-sign-in" className="stack passkey-sign-in">
      <h2 id="passkey-sign-in" className="visually-hidden">
        {t('signIn.passkey')}
      </h2>
      <p>{t('signIn.passkeyIntro')}</p>
      {error !== null && <PasskeyProblem error={error} ceremony="sign-in" />}
      <div>
        <Button className="button" isDisabled={busy} aria-busy={busy} onPress={signIn}>
          {t('signIn.passkey')}
        </Button>
      </div>
    </section>
  )
}
