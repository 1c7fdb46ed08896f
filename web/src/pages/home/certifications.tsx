import { useIntl } from 'react-intl'
import { Link } from 'react-router'
import { useCandidateZone } from '../../api/candidate-zone'
import { $api } from '../../api/client'
import { useT } from '../../i18n/use-t'
import { formatDay } from '../../time/format'
import { QuerySection } from '../../ui/query-section'

/**
 * Certifications earned, current or expired, with until when each holds;
 * each exam leads to its page, unless the reader is staff (`forStaff`), for
 * whom the exam's page would speak to the wrong person.
 */
export function Certifications({
  candidateId,
  forStaff = false,
}: {
  readonly candidateId: string
  readonly forStaff?: boolean
}) {
  const t = useT()
  const intl = useIntl()
  const query = $api.useQuery('get', '/v1/candidates/{id}/certifications', {
    params: { path: { id: candidateId } },
  })
  const zone = useCandidateZone(candidateId)
  const items = query.data?.items ?? []
  return (
    <QuerySection
      id={forStaff ? 'cc-certifications' : 'certifications'}
      title={t('home.certifications')}
      query={query}
      empty={
        items.length === 0
          ? t(forStaff ? 'console.candidate.noCertifications' : 'home.noCertifications')
          : null
      }
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
              {' '}
              ·{' '}
              {t('home.certification.earned', {
                day: formatDay(intl.locale, certification.earnedAt, zone),
              })}
              {' · '}
              {certification.expiresAt === null
                ? t('home.certification.noExpiry')
                : t('home.certification.expires', {
                    day: formatDay(intl.locale, certification.expiresAt, zone),
                  })}
            </span>
            <span className="secondary">
              {' · '}
              {certification.exams.map((exam, index) => (
                <span key={exam}>
                  {index > 0 && ', '}
                  {forStaff ? exam : <Link to={`/exams/${exam}`}>{exam}</Link>}
                </span>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </QuerySection>
  )
}
