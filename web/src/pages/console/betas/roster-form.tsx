import { useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { FieldError, Form, Label, Text, TextArea, TextField } from 'react-aria-components'
import { api, Problem } from '../../../api/client'
import { useT } from '../../../i18n/use-t'
import { ProblemMessage } from '../../../ui/problem-message'
import { SubmitButton } from '../../../ui/submit-button'

/** Candidates put on a beta's roster, pasted one per line: an id, or an email (a line with an @). */
export function RosterForm({ exam }: { exam: string }) {
  const t = useT()
  const queries = useQueryClient()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [fieldError, setFieldError] = useState<string | null>(null)
  const [added, setAdded] = useState<number | null>(null)

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = event.currentTarget
    const lines = String(new FormData(form).get('candidates') ?? '')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '')
    setAdded(null)
    setError(null)
    setFieldError(lines.length === 0 ? t('console.beta.roster.empty') : null)
    if (lines.length === 0) return
    const emails = lines.filter((line) => line.includes('@'))
    const candidateIds = lines.filter((line) => !line.includes('@'))
    setBusy(true)
    try {
      const { data } = await api.POST('/v1/exams/{number}/beta-programme/roster', {
        params: { path: { number: exam } },
        body: {
          ...(candidateIds.length > 0 ? { candidateIds } : {}),
          ...(emails.length > 0 ? { emails } : {}),
        },
      })
      setAdded(data?.added ?? 0)
      form.reset()
      await queries.invalidateQueries()
    } catch (problem) {
      if (problem instanceof Problem && problem.code === 'CANDIDATES_NOT_FOUND') {
        const names = Array.isArray(problem.facts.candidateIds) ? problem.facts.candidateIds : []
        setFieldError(t('console.beta.roster.unknown', { names: names.join(', ') }))
      } else setError(problem)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Form
      onSubmit={add}
      validationBehavior="aria"
      className="stack narrow"
      aria-labelledby="beta-roster"
    >
      <h2 id="beta-roster">{t('console.beta.roster')}</h2>
      <TextField name="candidates" isInvalid={fieldError !== null} className="field">
        <Label>{t('console.beta.roster.label')}</Label>
        <TextArea rows={5} spellCheck={false} autoComplete="off" />
        <Text slot="description" className="secondary">
          {t('console.beta.roster.help')}
        </Text>
        <FieldError className="field-error">{fieldError}</FieldError>
      </TextField>
      {error !== null && <ProblemMessage error={error} />}
      <p role="status">{added === null ? '' : t('console.beta.roster.added', { added })}</p>
      <div className="row">
        <SubmitButton busy={busy}>{t('console.beta.roster.submit')}</SubmitButton>
      </div>
    </Form>
  )
}
