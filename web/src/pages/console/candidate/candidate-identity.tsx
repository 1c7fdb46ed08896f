import { useIntl } from 'react-intl'
import type { Candidate } from '../../../api/candidate'
import { regionNames } from '../../../i18n/formatters'
import { useT } from '../../../i18n/use-t'
import { QuerySection } from '../../../ui/query-section'

/** Who the candidate is: what support checks with a caller first. */
export function CandidateIdentity({
  query,
}: {
  query: { data?: Candidate; isPending: boolean; error: unknown }
}) {
  const t = useT()
  const intl = useIntl()
  const candidate = query.data
  const country = regionNames(intl.locale)
  return (
    <QuerySection id="cc-who" title={t('console.candidate.who')} query={query} empty={null}>
      {candidate !== undefined && (
        <dl className="facts">
          <dt>{t('console.candidate.name')}</dt>
          <dd>
            {candidate.firstName} {candidate.lastName}
          </dd>
          <dt>{t('console.candidate.email')}</dt>
          <dd>{candidate.email}</dd>
          <dt>{t('console.candidate.country')}</dt>
          <dd>{country.of(candidate.country) ?? candidate.country}</dd>
          <dt>{t('console.candidate.zone')}</dt>
          <dd>{candidate.timeZone}</dd>
          <dt>{t('console.candidate.id')}</dt>
          <dd>
            <code>{candidate.id}</code>
          </dd>
        </dl>
      )}
    </QuerySection>
  )
}
