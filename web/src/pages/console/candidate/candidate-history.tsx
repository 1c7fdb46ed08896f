import { useIntl } from 'react-intl'
import { useCandidateZone } from '../../../api/candidate-zone'
import { $api } from '../../../api/client'
import { useProviderNames } from '../../../api/provider-names'
import { useT } from '../../../i18n/use-t'
import { formatDay } from '../../../time/format'
import { QuerySection } from '../../../ui/query-section'

/** Every attempt at every provider, newest first: one history, whoever delivered each sitting. */
export function CandidateHistory({ candidateId }: { candidateId: string }) {
  const t = useT()
  const intl = useIntl()
  const query = $api.useQuery('get', '/v1/candidates/{id}/attempts', {
    params: { path: { id: candidateId }, query: { limit: 200 } },
  })
  const zone = useCandidateZone(candidateId)
  const providers = useProviderNames()
  // Shown once the providers' names are here too: never an id first and the name after.
  const pending = query.isPending || providers.isPending
  const attempts = pending
    ? []
    : [...(query.data?.items ?? [])].sort((a, b) => b.takenAt.localeCompare(a.takenAt))
  return (
    <QuerySection
      id="cc-history"
      title={t('console.candidate.history', { zone })}
      query={{ isPending: pending, error: query.error }}
      empty={attempts.length === 0 ? t('console.candidate.noHistory') : null}
    >
      {attempts.length > 0 && (
        <div className="data-table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('console.candidate.exam')}</th>
                <th scope="col">{t('console.candidate.taken')}</th>
                <th scope="col">{t('console.candidate.provider')}</th>
                <th scope="col">{t('console.candidate.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {attempts.map((attempt) => (
                <tr key={attempt.id}>
                  <th scope="row">{attempt.exam}</th>
                  <td>{formatDay(intl.locale, attempt.takenAt, zone)}</td>
                  <td>{providers.name(attempt.provider)}</td>
                  <td>
                    <strong className={`outcome outcome-${attempt.outcome}`}>
                      {t(`home.result.${attempt.outcome}`)}
                    </strong>
                    {attempt.outcome === 'pending' && attempt.resultsDueAt !== null && (
                      <span className="secondary block">
                        {t('home.result.due', {
                          due: formatDay(intl.locale, attempt.resultsDueAt, zone),
                        })}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {query.data !== undefined && query.data.total > attempts.length && !pending && (
        <p className="secondary">
          {t('console.candidate.shownOf', { shown: attempts.length, total: query.data.total })}
        </p>
      )}
    </QuerySection>
  )
}
