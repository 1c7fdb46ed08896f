import {
  type PublicKeyCredentialCreationOptionsJSON,
  startRegistration,
} from '@simplewebauthn/browser'
import { useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { FieldError, Form, Input, Label, TextField } from 'react-aria-components'
import { api } from '../../api/client'
import { useT } from '../../i18n/use-t'
import { asSent, passkeysSupported, runCeremony } from '../../passkeys/ceremony'
import { PasskeyProblem } from '../../passkeys/passkey-problem'
import { SubmitButton } from '../../ui/submit-button'
import { nameBrowser } from './browser-name'

/**
 * Adding a passkey on this device: a name for it (this browser and system
 * to start with), then the browser's prompt for the options the API made,
 * whose answer the API verifies and keeps. A prompt closed or refused is
 * said in words, and nothing is added.
 */
export function AddPasskey() {
  const t = useT()
  const queries = useQueryClient()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [added, setAdded] = useState<string | null>(null)
  if (!passkeysSupported()) return <p>{t('account.passkey.unsupported')}</p>
  const device = nameBrowser(navigator.userAgent)

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const name = String(new FormData(event.currentTarget).get('name') ?? '').trim()
    setBusy(true)
    setError(null)
    setAdded(null)
    try {
      const { data: options } = await api.POST('/v1/me/passkeys/options')
      // The API's schema spells WebAuthn's enumerations as plain strings.
      const optionsJSON = options as PublicKeyCredentialCreationOptionsJSON
      const credential = await runCeremony(() => startRegistration({ optionsJSON }))
      await api.POST('/v1/me/passkeys', { body: { name, credential: asSent(credential) } })
      setAdded(name)
      await queries.invalidateQueries({ queryKey: ['get', '/v1/me/passkeys'] })
    } catch (problem) {
      setError(problem)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Form onSubmit={add} className="stack narrow passkey-form" aria-labelledby="add-passkey">
      <h3 id="add-passkey">{t('account.passkey.add')}</h3>
      <p className="secondary">{t('account.passkey.addHelp')}</p>
      <TextField
        name="name"
        defaultValue={device === null ? '' : t('account.session.device', { ...device })}
        isRequired
        className="field"
      >
        <Label>{t('account.passkey.name')}</Label>
        <Input />
        <FieldError className="field-error" />
      </TextField>
      {error !== null && <PasskeyProblem error={error} ceremony="add" />}
      {added !== null && (
        <p role="status" className="confirmation">
          {t('account.passkey.addedNow', { name: added })}
        </p>
      )}
      <div>
        <SubmitButton busy={busy}>{t('account.passkey.addDo')}</SubmitButton>
      </div>
    </Form>
  )
}
