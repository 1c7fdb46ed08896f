import { useIntl } from 'react-intl'
import { Link } from 'react-router'
import { useCandidateZone } from '../../../api/candidate-zone'
import { $api } from '../../../api/client'
import { useT } from '../../../i18n/use-t'
import { formatDay } from '../../../time/format'
import { QuerySection } from '../../../ui/query-section'

/** Retake-exception requests, newest first, and where each stands. */
export function CandidateRequests({ candidateId }: { candidateId: string }) {
  const t = useT()
  const intl = useIntl()
  const zone = useCandidateZone(candidateId)
  const query = $api.useQuery('get', '/v1/candidates/{id}/exception-requests', {
    params: { path: { id: candidateId }, query: { limit: 200 } },
  })
  const items = query.data?.items ?? []
  return (
    <QuerySection
      id="cc-requests"
      title={t('home.requests')}
      query={query}
      empty={items.length === 0 ? t('console.candidate.noRequests') : null}
    >
      <ul className="plain-list">
        {items.map((request) => (
          <li key={request.id}>
            <Link to={`/exception-requests/${encodeURIComponent(request.id)}`}>
              {t('home.request.line', {
                exam: `${request.exam.number} ${request.exam.title}`,
                day: formatDay(intl.locale, request.requestedAt, zone),
                status: t(`home.request.status.${request.status}`),
              })}
            </Link>
            <span className="secondary block">
              {t('console.candidate.request.for', {
                registration: request.registrationId,
                caseNumber: request.providerCaseNumber,
              })}
            </span>
          </li>
        ))}
      </ul>
    </QuerySection>
  )
}
