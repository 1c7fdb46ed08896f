import { useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { Checkbox, FieldError, Form, Input, Label, Text, TextField } from 'react-aria-components'
import { api, Problem } from '../../../api/client'
import { useT } from '../../../i18n/use-t'
import { readerTimeZone } from '../../../time/format'
import { ProblemMessage, useDescribeProblem } from '../../../ui/problem-message'
import { SubmitButton } from '../../../ui/submit-button'
import { fromLocalField, toLocalField } from './local-time'
import type { BetaOverview } from './programme-facts'

/** The programme changed (`PUT /v1/exams/{number}/beta-programme`): seats, who may register, where not, results date, hold. */
export function ProgrammeForm({ beta }: { beta: BetaOverview }) {
  const t = useT()
  const describe = useDescribeProblem()
  const queries = useQueryClient()
  const zone = readerTimeZone()
  const [closed, setClosed] = useState(!beta.acceptsNewCandidates)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [countriesWrong, setCountriesWrong] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const field = (name: string) => String(form.get(name) ?? '').trim()
    const codes = field('restrictedCountries')
      .split(/[\s,;]+/)
      .filter((code) => code !== '')
    const wrong = codes.filter((code) => !/^[A-Za-z]{2}$/.test(code))
    setSaved(false)
    setError(null)
    setCountriesWrong(
      wrong.length > 0 ? t('console.beta.edit.countries', { codes: wrong.join(', ') }) : null,
    )
    if (wrong.length > 0) return
    const hold = field('holdMinutes')
    setBusy(true)
    try {
      await api.PUT('/v1/exams/{number}/beta-programme', {
        params: { path: { number: beta.exam } },
        body: {
          seatLimit: Number(field('seatLimit')),
          acceptsNewCandidates: !closed,
          restrictedCountries: codes.map((code) => code.toUpperCase()),
          resultsReleaseAt: fromLocalField(field('resultsReleaseAt')) ?? field('resultsReleaseAt'),
          holdMinutes: hold === '' ? null : Number(hold),
        },
      })
      await queries.invalidateQueries()
      setSaved(true)
    } catch (problem) {
      setError(problem)
    } finally {
      setBusy(false)
    }
  }

  const atField = error instanceof Problem && error.field !== undefined ? error.field : null
  const errorAt = (...fields: string[]) =>
    atField !== null && fields.some((name) => atField.startsWith(name)) ? describe(error) : null
  const otherError = error !== null && atField === null
  return (
    <Form
      onSubmit={save}
      validationBehavior="aria"
      className="stack narrow"
      aria-labelledby="beta-edit"
    >
      <h2 id="beta-edit">{t('console.beta.edit')}</h2>
      <TextField
        name="seatLimit"
        type="number"
        defaultValue={String(beta.seatLimit)}
        isRequired
        isInvalid={errorAt('seatLimit') !== null}
        className="field"
      >
        <Label>{t('console.beta.edit.seatLimit')}</Label>
        <Input inputMode="numeric" min={1} />
        <Text slot="description" className="secondary">
          {t('console.beta.edit.seatLimitHelp', { taken: beta.seatsTaken })}
        </Text>
        <FieldError className="field-error">{errorAt('seatLimit')}</FieldError>
      </TextField>
      <Checkbox className="checkbox" isSelected={closed} onChange={setClosed}>
        <span className="checkbox-box" aria-hidden="true" />
        {t('console.beta.edit.closed')}
      </Checkbox>
      <TextField
        name="restrictedCountries"
        defaultValue={beta.restrictedCountries.join(', ')}
        isInvalid={countriesWrong !== null || errorAt('restrictedCountries') !== null}
        className="field"
      >
        <Label>{t('console.beta.edit.restricted')}</Label>
        <Input autoComplete="off" spellCheck={false} />
        <Text slot="description" className="secondary">
          {t('console.beta.edit.restrictedHelp')}
        </Text>
        <FieldError className="field-error">
          {countriesWrong ?? errorAt('restrictedCountries')}
        </FieldError>
      </TextField>
      <TextField
        name="resultsReleaseAt"
        type="datetime-local"
        defaultValue={toLocalField(beta.resultsReleaseAt, zone)}
        isRequired
        isInvalid={errorAt('resultsReleaseAt') !== null}
        className="field"
      >
        <Label>
          {t('console.beta.edit.resultsReleaseAt', { zone: zone.replaceAll('_', ' ') })}
        </Label>
        <Input />
        <Text slot="description" className="secondary">
          {t('console.beta.edit.resultsReleaseAtHelp')}
        </Text>
        <FieldError className="field-error">{errorAt('resultsReleaseAt')}</FieldError>
      </TextField>
      <TextField
        name="holdMinutes"
        type="number"
        defaultValue={beta.holdMinutes === null ? '' : String(beta.holdMinutes)}
        isInvalid={errorAt('holdMinutes') !== null}
        className="field"
      >
        <Label>{t('console.beta.edit.holdMinutes')}</Label>
        <Input inputMode="numeric" />
        <Text slot="description" className="secondary">
          {t('console.beta.edit.holdMinutesHelp')}
        </Text>
        <FieldError className="field-error">{errorAt('holdMinutes')}</FieldError>
      </TextField>
      {otherError && <ProblemMessage error={error} />}
      <p role="status">{saved ? t('console.beta.edit.saved') : ''}</p>
      <div className="row">
        <SubmitButton busy={busy}>{t('console.beta.edit.save')}</SubmitButton>
      </div>
    </Form>
  )
}
