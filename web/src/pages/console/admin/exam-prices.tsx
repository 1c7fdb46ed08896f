import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import {
  Button,
  Dialog,
  DialogTrigger,
  Form,
  Heading,
  Input,
  Label,
  Modal,
  TextField,
} from 'react-aria-components'
import { useIntl } from 'react-intl'
import { $api, api } from '../../../api/client'
import type { MessageId } from '../../../i18n/messages/en'
import { useT } from '../../../i18n/use-t'
import { formatMoney } from '../../../time/format'
import { ProblemMessage } from '../../../ui/problem-message'
import { SubmitButton } from '../../../ui/submit-button'
import { SelectField } from './select-field'
import { fieldOf, useFormAction } from './use-form-action'

const PRICE_CLASSES = ['regular', 'discounted', 'academic'] as const

/** How many digits a currency's smallest unit has: cents for USD, none for JPY. */
function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    )
  } catch {
    return 2
  }
}

/** An exam's list prices per currency and price class, and a way to set them. */
export function ExamPrices({ number }: { number: string }) {
  const t = useT()
  const intl = useIntl()
  const pricing = $api.useQuery('get', '/v1/exams/{number}/pricing', {
    params: { path: { number } },
  })
  if (pricing.isPending) return <span>{t('common.loading')}</span>
  if (pricing.error !== null) return <ProblemMessage error={pricing.error} />
  const { prices, priceClass } = pricing.data
  return (
    <>
      <ul className="plain-list">
        {prices.length === 0 && <li>{t('console.exams.free')}</li>}
        {prices.map((price) => (
          <li key={price.currency}>{formatMoney(intl.locale, price.cents, price.currency)}</li>
        ))}
      </ul>
      <span className="secondary block">{t(`console.exams.class.${priceClass}` as MessageId)}</span>
      <SetPrices number={number} priceClass={priceClass} prices={prices} />
    </>
  )
}

function SetPrices(props: {
  number: string
  priceClass: string
  prices: readonly { currency: string; cents: number }[]
}) {
  const t = useT()
  const queries = useQueryClient()
  // Each listed currency, and one empty line to add another.
  const [rows, setRows] = useState(props.prices.length + 1)
  const save = useFormAction(async (form) => {
    const prices = []
    for (let i = 0; i < rows; i++) {
      const currency = fieldOf(form, `currency-${i}`).toUpperCase()
      const amount = fieldOf(form, `amount-${i}`).replace(',', '.')
      if (currency === '' && amount === '') continue
      prices.push({ currency, cents: Math.round(Number(amount) * 10 ** minorDigits(currency)) })
    }
    const priceClass = fieldOf(form, 'priceClass') as (typeof PRICE_CLASSES)[number]
    await api.PUT('/v1/exams/{number}/pricing', {
      params: { path: { number: props.number } },
      body: { priceClass, prices },
    })
    await queries.invalidateQueries({ queryKey: ['get', '/v1/exams/{number}/pricing'] })
  })
  return (
    <DialogTrigger onOpenChange={() => setRows(props.prices.length + 1)}>
      <Button className="button quiet">
        {t('console.exams.setPrices', { number: props.number })}
      </Button>
      <Modal className="modal" isDismissable>
        <Dialog className="dialog">
          {({ close }) => (
            <Form
              onSubmit={async (event) => {
                if (await save.submit(event)) close()
              }}
              className="stack"
            >
              <Heading slot="title">
                {t('console.exams.setPricesTitle', { number: props.number })}
              </Heading>
              <p className="secondary">{t('console.exams.pricesHelp')}</p>
              <SelectField
                name="priceClass"
                label={t('console.exams.priceClass')}
                defaultValue={props.priceClass}
                options={PRICE_CLASSES.map((value) => ({
                  value,
                  label: t(`console.exams.class.${value}` as MessageId),
                }))}
              />
              {Array.from({ length: rows }, (_, i) => {
                const price = props.prices[i]
                const digits = price === undefined ? 2 : minorDigits(price.currency)
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a line of the form is its place
                  <div className="row" key={i}>
                    <TextField
                      name={`currency-${i}`}
                      defaultValue={price?.currency ?? ''}
                      className="field"
                    >
                      <Label>{t('console.exams.currency', { n: i + 1 })}</Label>
                      <Input autoComplete="off" spellCheck={false} maxLength={3} size={4} />
                    </TextField>
                    <TextField
                      name={`amount-${i}`}
                      defaultValue={
                        price === undefined ? '' : (price.cents / 10 ** digits).toFixed(digits)
                      }
                      className="field"
                    >
                      <Label>{t('console.exams.amount', { n: i + 1 })}</Label>
                      <Input inputMode="decimal" autoComplete="off" size={10} />
                    </TextField>
                  </div>
                )
              })}
              <div>
                <Button className="button quiet" onPress={() => setRows(rows + 1)}>
                  {t('console.exams.addCurrency')}
                </Button>
              </div>
              {save.error !== null && <ProblemMessage error={save.error} />}
              <div className="row">
                <Button className="button quiet" onPress={close}>
                  {t('console.staff.close')}
                </Button>
                <SubmitButton busy={save.busy}>{t('console.exams.savePrices')}</SubmitButton>
              </div>
            </Form>
          )}
        </Dialog>
      </Modal>
    </DialogTrigger>
  )
}
