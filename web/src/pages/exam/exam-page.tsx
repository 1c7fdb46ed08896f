import { useEffect } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import type { Exam } from '../../api/candidate'
import { $api, Problem } from '../../api/client'
import type { Me } from '../../api/session'
import { useT } from '../../i18n/use-t'
import { usePageTitle } from '../../ui/page-title'
import { ProblemMessage } from '../../ui/problem-message'
import { BetaStatus } from './beta-status'
import { HeldBooking } from './held-booking'
import { PriceAndCodes } from './price-and-codes'
import { TakeNow } from './take-now'
import { WhatIfIFail } from './what-if-i-fail'

/**
 * An exam as a candidate asks about it: may I take it now, and if not from
 * when and why; what if I fail; for a beta, its seats, restrictions and my
 * invitation; its price and the codes I hold for it. Everything is the API's
 * answer; the page only says it.
 */
export function ExamPage({ me }: { me: Me }) {
  const t = useT()
  const navigate = useNavigate()
  const { exam: asked = '' } = useParams()
  const query = $api.useQuery('get', '/v1/exams/{number}', { params: { path: { number: asked } } })
  const exam = query.data
  usePageTitle(exam === undefined ? t('exam.title') : `${exam.number} ${exam.title}`)

  // Either spelling finds the exam; the address then shows the one stored.
  useEffect(() => {
    if (exam !== undefined && exam.number !== asked)
      navigate(`/exams/${exam.number}`, { replace: true })
  }, [exam, asked, navigate])

  if (query.isPending) return <p>{t('common.loading')}</p>
  if (query.error !== null)
    return (
      <>
        <h1>{t('exam.title')}</h1>
        {query.error instanceof Problem && query.error.code === 'EXAM_NOT_FOUND' ? (
          <p role="alert">{t('exam.notFound', { exam: asked })}</p>
        ) : (
          <ProblemMessage error={query.error} />
        )}
      </>
    )
  const candidateId = me.account.candidateId
  return (
    <>
      <h1 className="exam-title">
        {query.data.number} {query.data.title}
      </h1>
      <ExamStatusLine exam={query.data} />
      {candidateId === null ? (
        <>
          <p>{t('exam.staff')}</p>
          <PriceAndCodes exam={query.data} candidate={null} />
        </>
      ) : (
        <CandidateExam exam={query.data} candidateId={candidateId} />
      )}
    </>
  )
}

function ExamStatusLine({ exam }: { exam: Exam }) {
  const t = useT()
  return (
    <p className="secondary">
      {t(`exam.status.${exam.status}`)}
      {exam.betaOf !== null && (
        <>
          {', '}
          {t('exam.betaOf')} <Link to={`/exams/${exam.betaOf}`}>{exam.betaOf}</Link>
        </>
      )}
    </p>
  )
}

/** The candidate's own view: their decision first, then what follows from it. */
function CandidateExam({ exam, candidateId }: { exam: Exam; candidateId: string }) {
  const candidate = $api.useQuery('get', '/v1/candidates/{id}', {
    params: { path: { id: candidateId } },
  })
  const eligibility = $api.useQuery('get', '/v1/candidates/{id}/eligibility', {
    params: { path: { id: candidateId }, query: { exam: exam.number } },
  })
  const t = useT()
  if (candidate.isPending) return <p>{t('common.loading')}</p>
  if (candidate.error !== null) return <ProblemMessage error={candidate.error} />
  return (
    <>
      {exam.betaPeriod === null && <HeldBooking candidateId={candidateId} exam={exam.number} />}
      <TakeNow exam={exam} candidate={candidate.data} eligibility={eligibility} />
      {/* Only an attempt that could be taken at some time has a next one to plan. */}
      {eligibility.data?.earliestAt != null && (
        <WhatIfIFail exam={exam} candidate={candidate.data} />
      )}
      {exam.betaPeriod !== null && (
        <BetaStatus exam={exam} candidate={candidate.data} eligibility={eligibility.data} />
      )}
      <PriceAndCodes exam={exam} candidate={candidate.data} />
    </>
  )
}
