import { useIntl } from 'react-intl'
import { Link } from 'react-router'
import type { Candidate, Eligibility, Exam } from '../../api/candidate'
import { useDecisionSentence } from '../../decisions/decision-sentence'
import { useRuleSentence } from '../../decisions/rule-sentence'
import { useT } from '../../i18n/use-t'
import { formatOnClock } from '../../time/format'
import { Instant } from '../../ui/instant'
import { QuerySection } from '../../ui/query-section'

/**
 * May I take it now? The decision in words; which attempt it would be; if
 * not now, the earliest time on the candidate's clock and the rule that
 * decided, with its policy named; and the way to a seat when there is one.
 */
export function TakeNow(props: {
  readonly exam: Exam
  readonly candidate: Candidate
  readonly eligibility: { data?: Eligibility; isPending: boolean; error: unknown }
}) {
  const t = useT()
  const intl = useIntl()
  const say = useDecisionSentence()
  const rule = useRuleSentence()
  const { exam, candidate } = props
  const decision = props.eligibility.data
  return (
    <QuerySection id="now" title={t('exam.now')} query={props.eligibility} empty={null}>
      {decision !== undefined && (
        <>
          <p className={decision.eligible ? 'verdict good' : 'verdict attention'}>
            {say({ ...decision, country: candidate.country })}
          </p>
          <dl className="facts">
            <dt>{t('exam.now.attempt')}</dt>
            <dd>
              {t('exam.now.attemptValue', { attempt: decision.attemptNumber })}
              {decision.waiverId !== null && <> {t('exam.now.waiver')}</>}
            </dd>
            {!decision.eligible && (
              <>
                <dt>{t('exam.now.earliest')}</dt>
                <dd>
                  {decision.earliestAt === null ? (
                    t('exam.now.never')
                  ) : (
                    <Instant at={decision.earliestAt} timeZone={decision.timeZone} />
                  )}
                </dd>
              </>
            )}
            {(decision.wait !== null || decision.annualLimit !== null) && (
              <>
                <dt>{t('exam.now.rule')}</dt>
                <dd>{rule(decision, decision.timeZone, 'full')}</dd>
              </>
            )}
            {decision.policy !== null && (
              <>
                <dt>{t('exam.now.policy')}</dt>
                <dd>
                  {t('exam.now.policyValue', {
                    policy: decision.policy.name,
                    version: decision.policy.version,
                  })}
                </dd>
              </>
            )}
          </dl>
          {decision.earliestAt !== null && (
            <>
              {!decision.eligible && (
                <p>
                  {t('exam.now.seatsFrom', {
                    earliest: formatOnClock(intl.locale, decision.earliestAt, decision.timeZone),
                  })}
                </p>
              )}
              <p>
                <Link to={`/seats?exam=${exam.number}`} className="button primary link-button">
                  {t('exam.findSeat', { exam: exam.number })}
                </Link>
              </p>
            </>
          )}
        </>
      )}
    </QuerySection>
  )
}
