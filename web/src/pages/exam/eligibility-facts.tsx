import type { ReactNode } from 'react'
import type { Eligibility } from '../../api/candidate'
import { useDecisionSentence } from '../../decisions/decision-sentence'
import { useRuleSentence } from '../../decisions/rule-sentence'
import { type Subject, useReader } from '../../i18n/reader'
import { useT } from '../../i18n/use-t'
import { Instant } from '../../ui/instant'

/**
 * May they take it now, in words and figures: the decision's sentence, which
 * attempt it would be (and the exception it uses), the earliest time on the
 * candidate's clock, the rule that decided and its policy. The candidate's
 * own exam page says it to them ("you"); a candidate's console page says it
 * of them by name (`about`), with its own rows (`more`) before the policy.
 */
export function EligibilityFacts(props: {
  readonly decision: Eligibility
  /** The candidate's country, for a regional restriction; absent until read. */
  readonly country?: string | undefined
  readonly about?: Subject
  readonly more?: ReactNode
}) {
  const t = useT()
  const reader = useReader(props.about)
  const say = useDecisionSentence(props.about)
  const rule = useRuleSentence(props.about)
  const { decision } = props
  return (
    <>
      <p className={decision.eligible ? 'verdict good' : 'verdict attention'}>
        {say({ ...decision, ...(props.country === undefined ? {} : { country: props.country }) })}
      </p>
      <dl className="facts">
        <dt>{t('exam.now.attempt')}</dt>
        <dd>
          {reader.t('exam.now.attemptValue', { attempt: decision.attemptNumber })}
          {decision.waiverId !== null && <> {reader.t('exam.now.waiver')}</>}
        </dd>
        {!decision.eligible && (
          <>
            <dt>{t('exam.now.earliest')}</dt>
            <dd>
              {decision.earliestAt !== null ? (
                <Instant at={decision.earliestAt} timeZone={decision.timeZone} />
              ) : decision.code === 'INVITATION_NOT_OPEN' ? (
                // A wave opens when an admin opens it: there is no instant to say yet.
                t('exam.now.whenWaveOpens')
              ) : (
                t('exam.now.never')
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
        {props.more}
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
    </>
  )
}
