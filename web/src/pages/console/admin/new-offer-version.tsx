import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Form, Input, Label, TextField } from 'react-aria-components'
import { api } from '../../../api/client'
import { useT } from '../../../i18n/use-t'
import { ProblemMessage } from '../../../ui/problem-message'
import { SubmitButton } from '../../../ui/submit-button'
import type { OfferVersion } from './offer-versions'
import { fieldOf, useFormAction } from './use-form-action'

/** A day typed in a date field, as the instant the programme means: its start in UTC. */
function dayStart(day: string): string {
  return `${day}T00:00:00Z`
}

/**
 * The next version of an offer: the latest version's terms, with its name,
 * its date, the date codes must be used by, how long a code is good for and
 * (for a discount) the percent changed here; the API checks the rest.
 */
export function NewOfferVersion({ latest }: { latest: OfferVersion }) {
  const t = useT()
  const queries = useQueryClient()
  const [made, setMade] = useState<string | null>(null)
  const next = latest.version + 1
  const create = useFormAction(async (form) => {
    setMade(null)
    const { status: _s, covers: _c, changed: _ch, ...terms } = latest
    const effectiveFrom = fieldOf(form, 'effectiveFrom')
    const useBefore = fieldOf(form, 'useBefore')
    const validDays = fieldOf(form, 'validDays')
    const percent = Number(fieldOf(form, 'percent'))
    const { effectiveFrom: _e, ...rest } = terms
    await api.POST('/v1/offers', {
      body: {
        ...rest,
        paymentMethods: rest.paymentMethods as ('card' | 'company-voucher' | 'invoice' | 'free')[],
        exams: {
          ...rest.exams,
          priceClasses: rest.exams.priceClasses as ('regular' | 'discounted' | 'academic')[],
        },
        benefit: {
          ...rest.benefit,
          kind: rest.benefit.kind as 'free-retake' | 'percent-off' | 'free-exam',
          ...(rest.benefit.kind === 'percent-off' ? { percent } : {}),
        },
        version: next,
        name: fieldOf(form, 'name'),
        ...(effectiveFrom === '' ? {} : { effectiveFrom: dayStart(effectiveFrom) }),
        useBefore: useBefore === '' ? null : dayStart(useBefore),
        validDays: validDays === '' ? null : Number(validDays),
      },
    })
    await queries.invalidateQueries({ queryKey: ['get', '/v1/offers'] })
    await queries.invalidateQueries({ queryKey: ['get', '/v1/offers/{id}'] })
    setMade(t('console.offers.made', { version: next }))
  })
  return (
    <Form onSubmit={create.submit} className="stack narrow" aria-labelledby="new-version">
      <h3 id="new-version">{t('console.offers.newVersion', { version: next })}</h3>
      <p className="secondary">{t('console.offers.newVersionHelp', { version: latest.version })}</p>
      <TextField name="name" defaultValue={latest.name} isRequired className="field">
        <Label>{t('console.offers.term.name')}</Label>
        <Input autoComplete="off" />
      </TextField>
      <TextField name="effectiveFrom" type="date" className="field">
        <Label>{t('console.offers.effectiveFromField')}</Label>
        <Input />
      </TextField>
      <TextField
        name="useBefore"
        type="date"
        defaultValue={latest.useBefore?.slice(0, 10) ?? ''}
        className="field"
      >
        <Label>{t('console.offers.useBeforeField')}</Label>
        <Input />
      </TextField>
      <TextField
        name="validDays"
        defaultValue={latest.validDays === null ? '' : String(latest.validDays)}
        className="field"
      >
        <Label>{t('console.offers.validDaysField')}</Label>
        <Input type="number" inputMode="numeric" min={1} />
      </TextField>
      {latest.benefit.kind === 'percent-off' && (
        <TextField
          name="percent"
          defaultValue={String(latest.benefit.percent ?? '')}
          isRequired
          className="field"
        >
          <Label>{t('console.offers.percentField')}</Label>
          <Input type="number" inputMode="numeric" min={1} max={100} />
        </TextField>
      )}
      {create.error !== null && <ProblemMessage error={create.error} />}
      {made !== null && (
        <p role="status" className="confirmation">
          {made}
        </p>
      )}
      <div>
        <SubmitButton busy={create.busy}>
          {t('console.offers.create', { version: next })}
        </SubmitButton>
      </div>
    </Form>
  )
}
