import { useCandidateZone } from '../../../api/candidate-zone'
import { $api } from '../../../api/client'
import type { MessageId } from '../../../i18n/messages/en'
import { useT } from '../../../i18n/use-t'
import { Instant } from '../../../ui/instant'
import { QuerySection } from '../../../ui/query-section'

/** Everything done to the candidate's records, newest first: when, what, by whom, how and why. */
export function CandidateAudit({ candidateId }: { candidateId: string }) {
  const t = useT()
  const zone = useCandidateZone(candidateId)
  const query = $api.useQuery('get', '/v1/candidates/{id}/audit', {
    params: { path: { id: candidateId }, query: { limit: 200 } },
  })
  const items = query.data?.items ?? []
  const action = (name: string) => {
    const id = `console.audit.action.${name}`
    return id in AUDIT_ACTIONS ? t(id as MessageId) : name
  }
  return (
    <QuerySection
      id="cc-audit"
      title={t('console.candidate.audit')}
      query={query}
      empty={items.length === 0 ? t('console.candidate.noAudit') : null}
    >
      <ol className="plain-list audit-timeline">
        {items.map((entry) => (
          <li key={`${entry.at}-${entry.action}-${entry.subject.id}-${entry.actor.tokenId}`}>
            <Instant at={entry.at} timeZone={zone} />
            <span className="block">
              <strong>{action(entry.action)}</strong>{' '}
              <span className="secondary">
                ({entry.subject.type} {entry.subject.id})
              </span>
            </span>
            <span className="block">
              {t('registration.history.by', {
                who: entry.actor.displayName ?? entry.actor.tokenLabel ?? entry.actor.role,
                how: t(
                  `channel.${entry.channel as 'web' | 'phone' | 'api' | 'email' | 'chat' | 'in-person'}`,
                ),
              })}
            </span>
            {entry.reason !== null && (
              <span className="block secondary">
                {t('registration.history.reason', { reason: entry.reason })}
              </span>
            )}
          </li>
        ))}
      </ol>
    </QuerySection>
  )
}

/** Actions with words of their own; any other is shown by its name. */
const AUDIT_ACTIONS: Readonly<Record<string, true>> = {
  'console.audit.action.mail-resent': true,
  'console.audit.action.mail-retried': true,
  'console.audit.action.registered': true,
  'console.audit.action.rescheduled': true,
  'console.audit.action.cancelled': true,
  'console.audit.action.profile-changed': true,
  'console.audit.action.sessions-ended': true,
  'console.audit.action.paid': true,
  'console.audit.action.codes-applied': true,
  'console.audit.action.enrolled': true,
  'console.audit.action.requested': true,
  'console.audit.action.voucher-issued': true,
  'console.audit.action.reward-voucher-issued': true,
  'console.audit.action.candidate-created': true,
}
