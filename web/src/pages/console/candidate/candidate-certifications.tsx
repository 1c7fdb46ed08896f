import { useIntl } from 'react-intl'
import { useCandidateZone } from '../../../api/candidate-zone'
import { $api } from '../../../api/client'
import { useT } from '../../../i18n/use-t'
import { formatDay } from '../../../time/format'
import { QuerySection } from '../../../ui/query-section'

/** Certifications earned, current or expired, with until when each holds. */
export function CandidateCertifications({ candidateId }: { candidateId: string }) {
  const t = useT()
  const intl = useIntl()
  const query = $api.useQuery('get', '/v1/candidates/{id}/certifications', {
    params: { path: { id: candidateId } },
  })
  const zone = useCandidateZone(candidateId)
  const items = query.data?.items ?? []
  return (
    <QuerySection
      id="cc-certifications"
      title={t('home.certifications')}
      query={query}
      empty={items.length === 0 ? t('console.candidate.noCertifications') : null}
    >
      <ul className="plain-list">
        {items.map((certification) => (
          <li key={certification.certificationId}>
            <strong>{certification.name}</strong>{' '}
            <span className={certification.current ? 'good' : 'attention'}>
              {t(
                certification.current ? 'home.certification.current' : 'home.certification.expired',
              )}
            </span>
            <span className="secondary">
              {' · '}
              {t('home.certification.earned', {
                day: formatDay(intl.locale, certification.earnedAt, zone),
              })}
              {' · '}
              {certification.expiresAt === null
                ? t('home.certification.noExpiry')
                : t('home.certification.expires', {
                    day: formatDay(intl.locale, certification.expiresAt, zone),
                  })}
              {' · '}
              {certification.exams.join(', ')}
            </span>
          </li>
        ))}
      </ul>
    </QuerySection>
  )
}
