import type { FormEvent } from 'react'
import { Button, Form, Input, Label, Text, TextField } from 'react-aria-components'
import { useParams, useSearchParams } from 'react-router'
import { ActingHowFields } from '../../../acting/acting-how-fields'
import type { Candidate } from '../../../api/candidate'
import { $api, Problem } from '../../../api/client'
import { useT } from '../../../i18n/use-t'
import { usePageTitle } from '../../../ui/page-title'
import { ProblemMessage } from '../../../ui/problem-message'
import { OffersToEnrol } from '../../exam/offers-to-enrol'
import { CandidateActedFor } from './candidate-acted-for'

/**
 * `/console/candidates/:id/offers?exam=`: the offers open for enrolment
 * that cover the exam a caller names, each with its terms, and the button
 * that gets them a code of their own, shown here and mailed to them.
 */
export function EnrolForCandidatePage() {
  const t = useT()
  usePageTitle(t('console.act.enrolTitle'))
  const { id = '' } = useParams()
  const [params, setParams] = useSearchParams()
  const exam = params.get('exam')?.trim() ?? ''

  function ask(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const typed = String(new FormData(event.currentTarget).get('exam')).trim()
    setParams(typed === '' ? {} : { exam: typed })
  }

  return (
    <CandidateActedFor candidateId={id}>
      {(candidate) => (
        <>
          <h1>{t('console.act.enrolTitle')}</h1>
          <Form onSubmit={ask} className="row enrol-exam">
            <TextField key={exam} name="exam" defaultValue={exam} isRequired className="field">
              <Label>{t('seats.exam')}</Label>
              <Input autoComplete="off" />
              <Text slot="description" className="secondary">
                {t('seats.examHelp')}
              </Text>
            </TextField>
            <Button type="submit" className="button">
              {t('console.act.showOffers')}
            </Button>
          </Form>
          {exam !== '' && <OffersFor exam={exam} candidate={candidate} />}
        </>
      )}
    </CandidateActedFor>
  )
}

function OffersFor({ exam, candidate }: { exam: string; candidate: Candidate }) {
  const t = useT()
  const query = $api.useQuery('get', '/v1/exams/{number}', { params: { path: { number: exam } } })
  if (query.isPending) return <p>{t('common.loading')}</p>
  if (query.error !== null)
    return query.error instanceof Problem && query.error.code === 'EXAM_NOT_FOUND' ? (
      <p role="alert">{t('exam.notFound', { exam })}</p>
    ) : (
      <ProblemMessage error={query.error} />
    )
  return (
    <section aria-labelledby="offers-for" className="stack">
      <h2 id="offers-for">
        {query.data.number} {query.data.title}
      </h2>
      <ActingHowFields />
      <OffersToEnrol
        exam={query.data}
        candidate={candidate}
        empty={t('console.act.noOffers', { exam: query.data.number })}
      />
    </section>
  )
}
