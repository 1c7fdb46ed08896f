import { useIntl } from 'react-intl'
import { Link } from 'react-router'
import { useCandidateZone } from '../../api/candidate-zone'
import { $api } from '../../api/client'
import { useProviderNames } from '../../api/provider-names'
import { useT } from '../../i18n/use-t'
import { formatDay } from '../../time/format'
import { QuerySection } from '../../ui/query-section'

/** Every attempt, newest first: passes, fails and results still to come with the day they are due. */
export function Results({ candidateId }: { candidateId: string }) {
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
      id="results"
      title={t('home.results')}
      query={{ isPending: pending, error: query.error }}
      empty={attempts.length === 0 ? t('home.noResults') : null}
    >
      <ul className="plain-list">
        {attempts.map((attempt) => (
          <li key={attempt.id}>
            <Link to={`/exams/${attempt.exam}`}>{attempt.exam}</Link>{' '}
            <strong className={`outcome outcome-${attempt.outcome}`}>
              {t(`home.result.${attempt.outcome}`)}
            </strong>
            {attempt.outcome === 'pending' && attempt.resultsDueAt !== null && (
              <>
                {' '}
                ({t('home.result.due', { due: formatDay(intl.locale, attempt.resultsDueAt, zone) })}
                )
              </>
            )}
            <span className="secondary">
              {' '}
              ·{' '}
              {t('home.result.taken', {
                day: formatDay(intl.locale, attempt.takenAt, zone),
                provider: providers.name(attempt.provider),
              })}
            </span>
          </li>
        ))}
      </ul>
      {attempts.length > 0 && (
        <p>
          <Link to="/exception-requests/new">{t('home.askException')}</Link>
        </p>
      )}
    </QuerySection>
  )
}
