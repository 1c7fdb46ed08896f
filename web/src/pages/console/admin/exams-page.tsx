import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Form, Input, Label, TextField } from 'react-aria-components'
import { $api, api } from '../../../api/client'
import type { Me } from '../../../api/session'
import type { MessageId } from '../../../i18n/messages/en'
import { useT } from '../../../i18n/use-t'
import { usePageTitle } from '../../../ui/page-title'
import { ProblemMessage } from '../../../ui/problem-message'
import { QuerySection } from '../../../ui/query-section'
import { SubmitButton } from '../../../ui/submit-button'
import { AdminOnly } from './admin-only'
import { ExamPrices } from './exam-prices'
import { SelectField } from './select-field'
import { fieldOf, useFormAction } from './use-form-action'

const EXAMS = { params: { query: { limit: 500 } } }

/** `/console/exams`: the catalogue, each exam with its status and prices; a new exam; prices set. */
export function ExamsPage({ me }: { me: Me }) {
  return (
    <AdminOnly me={me}>
      <Exams />
    </AdminOnly>
  )
}

function Exams() {
  const t = useT()
  usePageTitle(t('console.exams.title'))
  const exams = $api.useQuery('get', '/v1/exams', EXAMS)
  const items = exams.data?.items ?? []
  return (
    <div className="stack admin-page">
      <h1>{t('console.exams.title')}</h1>
      <QuerySection
        id="exam-list"
        title={t('console.exams.list', { count: exams.data?.total ?? 0 })}
        query={exams}
        empty={exams.data !== undefined && items.length === 0 ? t('console.exams.none') : null}
      >
        {items.length > 0 && (
          <div className="data-table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('console.exams.number')}</th>
                  <th scope="col">{t('console.exams.status')}</th>
                  <th scope="col">{t('console.exams.prices')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((exam) => (
                  <tr key={exam.number}>
                    <th scope="row">
                      <strong>{exam.number}</strong>
                      <span className="block">{exam.title}</span>
                      <span className="secondary block">
                        {t('console.exams.family', { family: exam.family })}
                      </span>
                    </th>
                    <td>
                      {t(`console.exams.status.${exam.status}` as MessageId)}
                      {exam.betaOf !== null && (
                        <span className="secondary block">
                          {t('console.exams.betaOf', { exam: exam.betaOf })}
                        </span>
                      )}
                    </td>
                    <td>
                      <ExamPrices number={exam.number} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QuerySection>
      <NewExam />
    </div>
  )
}

/** A new live or retired exam; a beta needs its twin and period, made from the CLI or the API. */
function NewExam() {
  const t = useT()
  const queries = useQueryClient()
  const [made, setMade] = useState<string | null>(null)
  const create = useFormAction(async (form, element) => {
    setMade(null)
    const family = fieldOf(form, 'family')
    const { data } = await api.POST('/v1/exams', {
      body: {
        number: fieldOf(form, 'number'),
        title: fieldOf(form, 'title'),
        status: fieldOf(form, 'status') === 'retired' ? 'retired' : 'live',
        ...(family === '' ? {} : { family }),
      },
    })
    element.reset()
    await queries.invalidateQueries({ queryKey: ['get', '/v1/exams'] })
    if (data !== undefined)
      setMade(t('console.exams.made', { number: data.number, family: data.family }))
  })
  return (
    <section aria-labelledby="new-exam" className="page-section">
      <h2 id="new-exam">{t('console.exams.new')}</h2>
      <Form onSubmit={create.submit} className="stack narrow">
        <TextField name="number" isRequired className="field">
          <Label>{t('console.exams.number')}</Label>
          <Input autoComplete="off" spellCheck={false} placeholder="70-999" />
        </TextField>
        <TextField name="title" isRequired className="field">
          <Label>{t('console.exams.titleField')}</Label>
          <Input autoComplete="off" />
        </TextField>
        <TextField name="family" className="field">
          <Label>{t('console.exams.familyField')}</Label>
          <Input autoComplete="off" spellCheck={false} />
        </TextField>
        <SelectField
          name="status"
          label={t('console.exams.status')}
          defaultValue="live"
          options={[
            { value: 'live', label: t('console.exams.status.live') },
            { value: 'retired', label: t('console.exams.status.retired') },
          ]}
        />
        <p className="secondary">{t('console.exams.betaHelp')}</p>
        {create.error !== null && <ProblemMessage error={create.error} />}
        {made !== null && (
          <p role="status" className="confirmation">
            {made}
          </p>
        )}
        <div>
          <SubmitButton busy={create.busy}>{t('console.exams.create')}</SubmitButton>
        </div>
      </Form>
    </section>
  )
}
