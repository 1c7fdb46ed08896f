import { useIntl } from 'react-intl'
import { Link } from 'react-router'
import type { Candidate, Eligibility, Exam } from '../../api/candidate'
import { useT } from '../../i18n/use-t'
import { formatOnClock } from '../../time/format'
import { QuerySection } from '../../ui/query-section'
import { EligibilityFacts } from './eligibility-facts'

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
  const { exam, candidate } = props
  const decision = props.eligibility.data
  return (
    <QuerySection id="now" title={t('exam.now')} query={props.eligibility} empty={null}>
      {decision !== undefined && (
        <>
          <EligibilityFacts decision={decision} country={candidate.country} />
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
