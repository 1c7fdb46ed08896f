import { useIntl } from 'react-intl'
import { Link } from 'react-router'
import { $api } from '../../api/client'
import { useT } from '../../i18n/use-t'
import { formatDay } from '../../time/format'
import { QuerySection } from '../../ui/query-section'

/** Retake-exception requests and where each stands. Shown only when there are some. */
export function ExceptionRequests({ candidateId }: { candidateId: string }) {
  const t = useT()
  const intl = useIntl()
  const query = $api.useQuery('get', '/v1/candidates/{id}/exception-requests', {
    params: { path: { id: candidateId }, query: { limit: 200 } },
  })
  const items = query.data?.items ?? []
  if (query.isSuccess && items.length === 0) return null
  return (
    <QuerySection id="requests" title={t('home.requests')} query={query} empty={null}>
      <ul className="plain-list">
        {items.map((request) => (
          <li key={request.id}>
            <Link to={`/exception-requests/${request.id}`}>
              {t('home.request.line', {
                exam: `${request.exam.number} ${request.exam.title}`,
                day: formatDay(intl.locale, request.requestedAt, 'UTC'),
                status: t(`home.request.status.${request.status}`),
              })}
            </Link>
          </li>
        ))}
      </ul>
    </QuerySection>
  )
}
