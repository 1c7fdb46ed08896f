import { useIntl } from 'react-intl'
import type { Candidate, Exam, Timeline } from '../../api/candidate'
import { $api } from '../../api/client'
import { useDecisionSentence } from '../../decisions/decision-sentence'
import { useRuleSentence } from '../../decisions/rule-sentence'
import { useT } from '../../i18n/use-t'
import { clocksDiffer, formatOnClock, readerTimeZone } from '../../time/format'
import { QuerySection } from '../../ui/query-section'

type Step = Timeline['steps'][number]

/**
 * What if I fail? The API's timeline of the next attempts, each failing:
 * attempt n → its earliest time on the candidate's clock, and the policy's
 * rule that sets the wait before it.
 */
export function WhatIfIFail({ exam, candidate }: { exam: Exam; candidate: Candidate }) {
  const t = useT()
  const query = $api.useQuery('get', '/v1/candidates/{id}/timeline', {
    params: { path: { id: candidate.id }, query: { exam: exam.number } },
  })
  const timeline = query.data
  return (
    <QuerySection id="what-if" title={t('exam.whatIf')} query={query} empty={null}>
      {timeline !== undefined && (
        <>
          <p>{t('exam.whatIf.intro', { zone: timeline.timeZone })}</p>
          <ol className="timeline">
            {timeline.steps.map((step, index) => (
              <TimelineStep
                key={step.attemptNumber}
                step={step}
                exam={exam}
                timeZone={timeline.timeZone}
                first={index === 0}
              />
            ))}
          </ol>
        </>
      )}
    </QuerySection>
  )
}

function TimelineStep(props: { step: Step; exam: Exam; timeZone: string; first: boolean }) {
  const t = useT()
  const intl = useIntl()
  const say = useDecisionSentence()
  const rule = useRuleSentence()
  const { step, exam, timeZone } = props
  const reader = readerTimeZone()
  const now = props.first && step.code === 'ELIGIBLE'
  let when: string
  if (step.earliestAt === null) when = t('exam.whatIf.never')
  else if (now) when = t('exam.whatIf.now')
  else when = t('exam.whatIf.from', { when: formatOnClock(intl.locale, step.earliestAt, timeZone) })
  const why =
    step.earliestAt === null
      ? step.code === 'BETA_ALREADY_TAKEN' && exam.betaOf !== null
        ? t('exam.whatIf.betaOnce', { live: exam.betaOf })
        : say({ ...step, timeZone })
      : (rule(step, timeZone, 'step') ?? t('exam.whatIf.nothingHolds'))
  return (
    <li>
      <strong>{t('exam.whatIf.attempt', { attempt: step.attemptNumber })}</strong>:{' '}
      {step.earliestAt === null ? when : <time dateTime={step.earliestAt}>{when}</time>}
      {step.earliestAt !== null && !now && clocksDiffer(step.earliestAt, timeZone, reader) && (
        <span className="secondary">
          {' '}
          {t('time.yourClock', { time: formatOnClock(intl.locale, step.earliestAt, reader) })}
        </span>
      )}
      <br />
      <span className="secondary">
        {why}
        {step.usesWaiver && <> {t('exam.whatIf.usesWaiver')}</>}
      </span>
    </li>
  )
}
