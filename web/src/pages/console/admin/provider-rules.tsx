import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Form, Input, Label, TextField } from 'react-aria-components'
import { api } from '../../../api/client'
import { useT } from '../../../i18n/use-t'
import { ProblemMessage } from '../../../ui/problem-message'
import { SubmitButton } from '../../../ui/submit-button'
import { fieldOf, useFormAction } from './use-form-action'

interface Provider {
  readonly id: string
  readonly name: string
  readonly rescheduleCutoffHours: number
  readonly cancelCutoffHours: number
  readonly cancellationRefund: { readonly fullRefundHours: number; readonly lateFeePercent: number }
  readonly exams: readonly string[]
}

/** A provider's change and refund rules, said in words, and changed in place. */
export function ProviderRules({ provider }: { provider: Provider }) {
  const t = useT()
  const queries = useQueryClient()
  const [saved, setSaved] = useState(false)
  const save = useFormAction(async (form) => {
    setSaved(false)
    const hours = (name: string) => Number(fieldOf(form, name))
    await api.PUT('/v1/providers/{id}/rules', {
      params: { path: { id: provider.id } },
      body: {
        rescheduleCutoffHours: hours('rescheduleCutoffHours'),
        cancelCutoffHours: hours('cancelCutoffHours'),
        cancellationRefund: {
          fullRefundHours: hours('fullRefundHours'),
          lateFeePercent: hours('lateFeePercent'),
        },
      },
    })
    await queries.invalidateQueries({ queryKey: ['get', '/v1/providers'] })
    setSaved(true)
  })
  const field = (name: string, label: string, value: number) => (
    <TextField name={name} defaultValue={String(value)} isRequired className="field">
      <Label>{label}</Label>
      <Input type="number" inputMode="numeric" min={0} size={6} />
    </TextField>
  )
  const refund = provider.cancellationRefund
  return (
    <>
      <dl className="facts">
        <dt>{t('console.providers.reschedule')}</dt>
        <dd>{t('console.providers.hoursBefore', { hours: provider.rescheduleCutoffHours })}</dd>
        <dt>{t('console.providers.cancel')}</dt>
        <dd>{t('console.providers.hoursBefore', { hours: provider.cancelCutoffHours })}</dd>
        <dt>{t('console.providers.refund')}</dt>
        <dd>
          {t('console.providers.refundRule', {
            hours: refund.fullRefundHours,
            percent: refund.lateFeePercent,
          })}
        </dd>
        <dt>{t('console.providers.exams')}</dt>
        <dd>{t('console.providers.examCount', { count: provider.exams.length })}</dd>
      </dl>
      <Form
        onSubmit={save.submit}
        className="stack"
        aria-label={t('console.providers.changeRules', { provider: provider.name })}
      >
        <div className="row rule-fields">
          {field(
            'rescheduleCutoffHours',
            t('console.providers.rescheduleHours'),
            provider.rescheduleCutoffHours,
          )}
          {field(
            'cancelCutoffHours',
            t('console.providers.cancelHours'),
            provider.cancelCutoffHours,
          )}
          {field('fullRefundHours', t('console.providers.refundHours'), refund.fullRefundHours)}
          {field('lateFeePercent', t('console.providers.feePercent'), refund.lateFeePercent)}
        </div>
        {save.error !== null && <ProblemMessage error={save.error} />}
        {saved && (
          <p role="status" className="confirmation">
            {t('console.providers.saved', { provider: provider.name })}
          </p>
        )}
        <div>
          <SubmitButton busy={save.busy}>
            {t('console.providers.saveRules', { provider: provider.name })}
          </SubmitButton>
        </div>
      </Form>
    </>
  )
}
