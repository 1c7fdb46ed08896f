import { UPCOMING } from '../../../api/candidate'
import { $api } from '../../../api/client'
import { useRuleSentence } from '../../../decisions/rule-sentence'
import { useT } from '../../../i18n/use-t'
import { Instant } from '../../../ui/instant'
import { ProblemMessage } from '../../../ui/problem-message'
import { QuerySection } from '../../../ui/query-section'
import { EligibilityFacts } from '../../exam/eligibility-facts'

/**
 * May they take each exam they have a history in or a booking for, and if
 * not, from when and by which rule: the question most callers ask. Said as
 * the candidate's own exam page says it, of them by their first name.
 */
export function CandidateEligibility({ candidateId }: { candidateId: string }) {
  const t = useT()
  const attempts = $api.useQuery('get', '/v1/candidates/{id}/attempts', {
    params: { path: { id: candidateId }, query: { limit: 200 } },
  })
  const registrations = $api.useQuery('get', '/v1/candidates/{id}/registrations', {
    params: { path: { id: candidateId }, query: { limit: 200 } },
  })
  const exams = [
    ...new Set([
      ...(attempts.data?.items ?? []).map((attempt) => attempt.exam),
      ...(registrations.data?.items ?? [])
        .filter((registration) => UPCOMING.has(registration.status))
        .map((registration) => registration.exam.number),
    ]),
  ].sort()
  const pending = attempts.isPending || registrations.isPending
  return (
    <QuerySection
      id="cc-eligibility"
      title={t('console.candidate.eligibility')}
      query={{ isPending: pending, error: attempts.error ?? registrations.error }}
      empty={!pending && exams.length === 0 ? t('console.candidate.noEligibility') : null}
    >
      {exams.length > 0 && (
        <ul className="cards">
          {exams.map((exam) => (
            <li key={exam}>
              <ExamEligibility candidateId={candidateId} exam={exam} />
            </li>
          ))}
        </ul>
      )}
    </QuerySection>
  )
}

function ExamEligibility({ candidateId, exam }: { candidateId: string; exam: string }) {
  const t = useT()
  const rule = useRuleSentence()
  const query = $api.useQuery('get', '/v1/candidates/{id}/eligibility', {
    params: { path: { id: candidateId }, query: { exam } },
  })
  // The record the page has read already: a regional restriction names their country, and every
  // sentence names them, so the part waits for it rather than say "you" to staff meanwhile.
  const candidate = $api.useQuery('get', '/v1/candidates/{id}', {
    params: { path: { id: candidateId } },
  })
  // What if the next attempt fails: when the one after could be, and the rule that says so.
  const timeline = $api.useQuery('get', '/v1/candidates/{id}/timeline', {
    params: { path: { id: candidateId }, query: { exam } },
  })
  const after = timeline.data?.steps[1]
  const afterZone = timeline.data?.timeZone ?? 'UTC'
  const decision = candidate.isSuccess ? query.data : undefined
  const pending = query.isPending || candidate.isPending
  return (
    <article className="card" aria-labelledby={`cc-e-${exam}`} aria-busy={pending}>
      <h3 id={`cc-e-${exam}`}>{exam}</h3>
      {pending && <p>{t('common.loading')}</p>}
      {query.error != null && <ProblemMessage error={query.error} />}
      {decision !== undefined && (
        <EligibilityFacts
          decision={decision}
          country={candidate.data?.country}
          about={{ name: candidate.data?.firstName ?? '' }}
          more={
            after !== undefined &&
            decision.earliestAt !== null && (
              <>
                <dt>{t('console.candidate.ifFails')}</dt>
                <dd>
                  {after.earliestAt === null ? (
                    t('exam.now.never')
                  ) : (
                    <Instant at={after.earliestAt} timeZone={afterZone} />
                  )}
                  {after.earliestAt !== null && (
                    <span className="secondary block">
                      {rule(after, afterZone, 'step') ?? t('exam.whatIf.nothingHolds')}
                    </span>
                  )}
                </dd>
              </>
            )
          }
        />
      )}
    </article>
  )
}
