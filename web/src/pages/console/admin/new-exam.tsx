import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Form, Input, Label, Text, TextField } from 'react-aria-components'
import { Link } from 'react-router'
import { api } from '../../../api/client'
import { useT } from '../../../i18n/use-t'
import { readerTimeZone } from '../../../time/format'
import { ProblemMessage } from '../../../ui/problem-message'
import { SubmitButton } from '../../../ui/submit-button'
import { fromLocalField } from '../betas/local-time'
import { SelectField } from './select-field'
import { fieldOf, useFormAction } from './use-form-action'

type Made = { readonly number: string; readonly family: string; readonly beta: boolean }

/**
 * A new exam for the catalogue: live, retired, or a beta with its live exam
 * and beta period (`POST /v1/exams`) and, in the same form, its programme:
 * seats, countries where it is not offered, when results may be released
 * (`PUT /v1/exams/{number}/beta-programme`); then the way to its beta page,
 * where its roster and waves are made. A beta whose programme was refused is
 * kept: sending again sets the programme only.
 */
export function NewExam() {
  const t = useT()
  const queries = useQueryClient()
  const zone = readerTimeZone()
  const [status, setStatus] = useState('live')
  const [made, setMade] = useState<Made | null>(null)
  // A beta made whose programme is still to be set (the programme was refused).
  const [pending, setPending] = useState<Made | null>(null)
  const create = useFormAction(async (form, element) => {
    setMade(null)
    const beta = status === 'beta'
    let exam = pending
    if (exam === null) {
      const family = fieldOf(form, 'family')
      const instant = (name: string) => fromLocalField(fieldOf(form, name)) ?? fieldOf(form, name)
      const { data } = await api.POST('/v1/exams', {
        body: {
          number: fieldOf(form, 'number'),
          title: fieldOf(form, 'title'),
          status: beta ? 'beta' : status === 'retired' ? 'retired' : 'live',
          ...(family === '' ? {} : { family }),
          ...(beta
            ? {
                betaOf: fieldOf(form, 'betaOf'),
                betaPeriod: { start: instant('betaStart'), end: instant('betaEnd') },
              }
            : {}),
        },
      })
      if (data === undefined) return
      exam = { number: data.number, family: data.family, beta }
      await queries.invalidateQueries({ queryKey: ['get', '/v1/exams'] })
    }
    if (exam.beta) {
      setPending(exam)
      const release = fieldOf(form, 'resultsReleaseAt')
      await api.PUT('/v1/exams/{number}/beta-programme', {
        params: { path: { number: exam.number } },
        body: {
          seatLimit: Number(fieldOf(form, 'seatLimit')),
          acceptsNewCandidates: true,
          restrictedCountries: fieldOf(form, 'restrictedCountries')
            .split(/[\s,;]+/)
            .filter((code) => code !== '')
            .map((code) => code.toUpperCase()),
          resultsReleaseAt: fromLocalField(release) ?? release,
        },
      })
      setPending(null)
      await queries.invalidateQueries()
    }
    element.reset()
    setStatus('live')
    setMade(exam)
  })
  const zoneName = zone.replaceAll('_', ' ')
  return (
    <section aria-labelledby="new-exam" className="page-section">
      <h2 id="new-exam">{t('console.exams.new')}</h2>
      <Form onSubmit={create.submit} className="stack narrow">
        <TextField name="number" isRequired isDisabled={pending !== null} className="field">
          <Label>{t('console.exams.number')}</Label>
          <Input autoComplete="off" spellCheck={false} placeholder="70-999" />
        </TextField>
        <TextField name="title" isRequired isDisabled={pending !== null} className="field">
          <Label>{t('console.exams.titleField')}</Label>
          <Input autoComplete="off" />
        </TextField>
        <TextField name="family" isDisabled={pending !== null} className="field">
          <Label>{t('console.exams.familyField')}</Label>
          <Input autoComplete="off" spellCheck={false} />
        </TextField>
        <SelectField
          name="status"
          label={t('console.exams.status')}
          value={status}
          onChange={setStatus}
          options={[
            { value: 'live', label: t('console.exams.status.live') },
            { value: 'beta', label: t('console.exams.status.beta') },
            { value: 'retired', label: t('console.exams.status.retired') },
          ]}
        />
        {status === 'beta' && (
          <fieldset className="stack">
            <legend>{t('console.exams.beta')}</legend>
            <TextField name="betaOf" isRequired isDisabled={pending !== null} className="field">
              <Label>{t('console.exams.betaOfField')}</Label>
              <Input autoComplete="off" spellCheck={false} placeholder="70-620" />
            </TextField>
            <TextField
              name="betaStart"
              type="datetime-local"
              isRequired
              isDisabled={pending !== null}
              className="field"
            >
              <Label>{t('console.exams.betaStart', { zone: zoneName })}</Label>
              <Input />
            </TextField>
            <TextField
              name="betaEnd"
              type="datetime-local"
              isRequired
              isDisabled={pending !== null}
              className="field"
            >
              <Label>{t('console.exams.betaEnd', { zone: zoneName })}</Label>
              <Input />
            </TextField>
            <TextField name="seatLimit" type="number" isRequired className="field">
              <Label>{t('console.beta.edit.seatLimit')}</Label>
              <Input min={1} />
            </TextField>
            <TextField name="restrictedCountries" className="field">
              <Label>{t('console.beta.edit.restricted')}</Label>
              <Input autoComplete="off" spellCheck={false} />
              <Text slot="description" className="secondary">
                {t('console.beta.edit.restrictedHelp')}
              </Text>
            </TextField>
            <TextField name="resultsReleaseAt" type="datetime-local" isRequired className="field">
              <Label>{t('console.beta.edit.resultsReleaseAt', { zone: zoneName })}</Label>
              <Input />
              <Text slot="description" className="secondary">
                {t('console.beta.edit.resultsReleaseAtHelp')}
              </Text>
            </TextField>
            <p className="secondary">{t('console.exams.betaHelp')}</p>
          </fieldset>
        )}
        {pending !== null && (
          <p role="status">{t('console.exams.programmePending', { number: pending.number })}</p>
        )}
        {create.error !== null && <ProblemMessage error={create.error} />}
        {made !== null && (
          <p role="status" className="confirmation">
            {t(made.beta ? 'console.exams.madeBeta' : 'console.exams.made', {
              number: made.number,
              family: made.family,
            })}
            {made.beta && (
              <>
                {' '}
                <Link to={`/console/betas/${made.number}`}>
                  {t('console.exams.runBeta', { number: made.number })}
                </Link>
              </>
            )}
          </p>
        )}
        <div>
          <SubmitButton busy={create.busy}>{t('console.exams.create')}</SubmitButton>
        </div>
      </Form>
    </section>
  )
}
