import { useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { Button, Form, Input, Label, Text, TextField } from 'react-aria-components'
import { useActing } from '../../acting/acting'
import { useActionKey } from '../../api/action-key'
import type { Registration } from '../../api/candidate'
import { api } from '../../api/client'
import { type CodePreview, CodePreviewPanel } from '../../codes/code-preview'
import { useT } from '../../i18n/use-t'
import { ProblemMessage } from '../../ui/problem-message'

/** A code on a booking still waiting for payment: first what it would do, then, if wanted, on it. */
export function ApplyCode({ registration }: { registration: Registration }) {
  const t = useT()
  const key = useActionKey()
  const queries = useQueryClient()
  const acting = useActing()
  const [code, setCode] = useState('')
  const [preview, setPreview] = useState<CodePreview | null>(null)
  const [forfeit, setForfeit] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  async function check(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    setPreview(null)
    setForfeit(false)
    try {
      const { data } = await api.GET('/v1/registrations/{id}/codes/{code}/preview', {
        params: { path: { id: registration.id, code: code.trim() } },
      })
      setPreview(data ?? null)
    } catch (problem) {
      setError(problem)
    } finally {
      setBusy(false)
    }
  }

  async function apply() {
    setBusy(true)
    setError(null)
    try {
      await api.POST('/v1/registrations/{id}/codes', {
        params: { path: { id: registration.id }, header: { 'Idempotency-Key': key.current } },
        body: { voucherCode: code.trim(), acknowledgeForfeit: forfeit, ...acting.how },
      })
      key.renew()
      setPreview(null)
      setCode('')
      await queries.invalidateQueries()
    } catch (problem) {
      setError(problem)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="apply-code">
      <h2 id="apply-code">{t('registration.code')}</h2>
      <Form onSubmit={check} className="stack">
        <TextField className="field" value={code} onChange={setCode} isRequired>
          <Label>{t('code.field')}</Label>
          <Input className="code-input" spellCheck={false} autoCapitalize="characters" />
          <Text slot="description" className="secondary">
            {t('code.fieldHelp')}
          </Text>
        </TextField>
        <div>
          <Button type="submit" className="button quiet" isDisabled={busy}>
            {t('code.check')}
          </Button>
        </div>
      </Form>
      {preview !== null && (
        <div className="stack">
          <CodePreviewPanel
            preview={preview}
            forfeitAcknowledged={forfeit}
            onForfeitAcknowledged={setForfeit}
          />
          {preview.accepted && (
            <div>
              <Button
                className="button primary"
                isDisabled={busy || (preview.requiresAcknowledgement && !forfeit)}
                onPress={apply}
              >
                {t('code.apply')}
              </Button>
            </div>
          )}
        </div>
      )}
      {error !== null && <ProblemMessage error={error} />}
    </section>
  )
}
