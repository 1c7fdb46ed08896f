import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Button, Input, Label, TextField } from 'react-aria-components'
import { useIntl } from 'react-intl'
import { api } from '../../../api/client'
import type { paths } from '../../../api/schema'
import { useT } from '../../../i18n/use-t'
import { formatOnClock } from '../../../time/format'
import { ProblemMessage } from '../../../ui/problem-message'
import { SubmitButton } from '../../../ui/submit-button'
import { SelectField } from './select-field'
import { fieldOf, useFormAction } from './use-form-action'

type Schedule =
  paths['/v1/centres/{id}/slots/preview']['post']['requestBody']['content']['application/json']
type Preview =
  paths['/v1/centres/{id}/slots/preview']['post']['responses'][200]['content']['application/json']

interface Centre {
  readonly id: string
  readonly provider: string
  readonly name: string
  readonly timeZone: string
}

/**
 * Slots from a schedule on a centre's clock: first the preview of every
 * start it would give and which the centre has already, then the same
 * schedule generated. Changing the form sets the preview aside.
 */
export function SlotGeneration(props: {
  centres: readonly Centre[]
  providers: readonly { id: string; name: string }[]
}) {
  const t = useT()
  const queries = useQueryClient()
  const [asked, setAsked] = useState<{ centreId: string; schedule: Schedule } | null>(null)
  const [preview, setPreview] = useState<Preview | null>(null)
  const [generated, setGenerated] = useState<{ created: number; existing: number } | null>(null)
  const providerName = (id: string) => props.providers.find((p) => p.id === id)?.name ?? id

  const ask = useFormAction(async (form) => {
    setPreview(null)
    setGenerated(null)
    const capacity = Number(fieldOf(form, 'capacity'))
    const daily = fieldOf(form, 'daily')
    const days = fieldOf(form, 'days')
    const schedule: Schedule = {
      from: fieldOf(form, 'from'),
      to: fieldOf(form, 'to'),
      every: fieldOf(form, 'every'),
      ...(daily === '' ? {} : { daily }),
      ...(days === '' ? {} : { days }),
      ...(Number.isInteger(capacity) && capacity > 0 ? { capacity } : {}),
    }
    const centreId = fieldOf(form, 'centre')
    const { data } = await api.POST('/v1/centres/{id}/slots/preview', {
      params: { path: { id: centreId } },
      body: schedule,
    })
    setAsked({ centreId, schedule })
    setPreview(data ?? null)
  })

  const [generating, setGenerating] = useState(false)
  const [generateError, setGenerateError] = useState<unknown>(null)
  async function generate() {
    if (asked === null) return
    setGenerating(true)
    setGenerateError(null)
    try {
      const { data } = await api.POST('/v1/centres/{id}/slots/generate', {
        params: { path: { id: asked.centreId } },
        body: asked.schedule,
      })
      if (data !== undefined) setGenerated({ created: data.created, existing: data.existing })
      setPreview(null)
      await queries.invalidateQueries({ queryKey: ['get', '/v1/slots'] })
    } catch (problem) {
      setGenerateError(problem)
    } finally {
      setGenerating(false)
    }
  }

  function forget() {
    setPreview(null)
    setGenerated(null)
  }

  const centre = props.centres.find((c) => c.id === asked?.centreId)
  return (
    <section aria-labelledby="slot-generation" className="page-section">
      <h2 id="slot-generation">{t('console.slots.title')}</h2>
      <p className="secondary">{t('console.slots.intro')}</p>
      {/* Any change to the schedule sets its preview aside: what is generated is what was previewed. */}
      <form onSubmit={ask.submit} onChange={forget} className="stack">
        <SelectField
          name="centre"
          label={t('console.slots.centre')}
          options={props.centres.map((c) => ({
            value: c.id,
            label: `${c.name} (${providerName(c.provider)}, ${c.timeZone.replaceAll('_', ' ')})`,
          }))}
        />
        <div className="row schedule-fields">
          <TextField name="from" type="date" isRequired className="field">
            <Label>{t('console.slots.from')}</Label>
            <Input />
          </TextField>
          <TextField name="to" type="date" isRequired className="field">
            <Label>{t('console.slots.to')}</Label>
            <Input />
          </TextField>
          <TextField name="every" defaultValue="2h" isRequired className="field">
            <Label>{t('console.slots.every')}</Label>
            <Input spellCheck={false} size={6} />
          </TextField>
          <TextField name="daily" defaultValue="09:00-17:00" className="field">
            <Label>{t('console.slots.daily')}</Label>
            <Input spellCheck={false} size={12} />
          </TextField>
          <TextField name="days" defaultValue="mon-fri" className="field">
            <Label>{t('console.slots.days')}</Label>
            <Input spellCheck={false} size={10} />
          </TextField>
          <TextField name="capacity" defaultValue="20" className="field">
            <Label>{t('console.slots.capacity')}</Label>
            <Input type="number" inputMode="numeric" min={1} size={5} />
          </TextField>
        </div>
        <p className="secondary">{t('console.slots.help')}</p>
        {ask.error !== null && <ProblemMessage error={ask.error} />}
        <div>
          <SubmitButton busy={ask.busy}>{t('console.slots.preview')}</SubmitButton>
        </div>
      </form>
      {preview !== null && centre !== undefined && (
        <PreviewList preview={preview} centreName={centre.name} />
      )}
      {preview !== null && (
        <div className="stack">
          {generateError !== null && <ProblemMessage error={generateError} />}
          <div>
            <Button
              className="button primary"
              onPress={generate}
              isDisabled={generating || preview.toCreate === 0}
              aria-busy={generating}
            >
              {t('console.slots.create', { count: preview.toCreate })}
            </Button>
          </div>
        </div>
      )}
      {generated !== null && (
        <p role="status" className="confirmation">
          {t('console.slots.created', {
            created: generated.created,
            existing: generated.existing,
            centre: centre?.name ?? '',
          })}
        </p>
      )}
    </section>
  )
}

function PreviewList({ preview, centreName }: { preview: Preview; centreName: string }) {
  const t = useT()
  const intl = useIntl()
  return (
    <section aria-labelledby="slot-preview" className="slot-preview">
      <h3 id="slot-preview">{t('console.slots.previewTitle', { centre: centreName })}</h3>
      <p>
        {t('console.slots.previewCounts', {
          requested: preview.requested,
          toCreate: preview.toCreate,
          existing: preview.existing,
          capacity: preview.capacity,
          zone: preview.timeZone.replaceAll('_', ' '),
        })}
      </p>
      {preview.truncated && (
        <p className="secondary">{t('console.slots.truncated', { shown: preview.slots.length })}</p>
      )}
      <ol className="plain-list slot-starts">
        {preview.slots.map((slot) => (
          <li key={slot.startsAt} className={slot.exists ? 'slot-exists' : 'slot-new'}>
            <time dateTime={slot.startsAt}>
              {formatOnClock(intl.locale, slot.startsAt, preview.timeZone)}
            </time>{' '}
            <span className={slot.exists ? 'secondary' : 'badge'}>
              {slot.exists ? t('console.slots.exists') : t('console.slots.new')}
            </span>
          </li>
        ))}
      </ol>
    </section>
  )
}
