import { useIntl } from 'react-intl'
import { Link } from 'react-router'
import { useCandidateZone } from '../../../api/candidate-zone'
import { $api } from '../../../api/client'
import { CodeAbilities, type HeldCode } from '../../../codes/code-abilities'
import type { MessageId } from '../../../i18n/messages/en'
import { useT } from '../../../i18n/use-t'
import { formatDay } from '../../../time/format'
import { QuerySection } from '../../../ui/query-section'

/**
 * Every code issued to the candidate and where it stands: unused, used (by
 * which registration, and for what), given back by a cancellation, a free
 * retake given up, expired or withdrawn: "where is my code?" answered.
 */
export function CandidateCodes({ candidateId }: { candidateId: string }) {
  const t = useT()
  const query = $api.useQuery('get', '/v1/candidates/{id}/codes', {
    params: { path: { id: candidateId }, query: { limit: 200 } },
  })
  const zone = useCandidateZone(candidateId)
  const items = query.data?.items ?? []
  return (
    <QuerySection
      id="cc-codes"
      title={t('console.candidate.codes')}
      query={query}
      empty={items.length === 0 ? t('console.candidate.noCodes') : null}
    >
      {items.length > 0 && (
        <ul className="cards">
          {items.map((held) => (
            <li key={held.code}>
              <HeldCodeCard held={held} zone={zone} />
            </li>
          ))}
        </ul>
      )}
    </QuerySection>
  )
}

function stateOf(held: HeldCode): string {
  if (held.state === 'usable' && held.uses.length === 0) return 'unused'
  return held.state
}

function HeldCodeCard({ held, zone }: { held: HeldCode; zone: string }) {
  const t = useT()
  const intl = useIntl()
  const day = (instant: string) => formatDay(intl.locale, instant, zone)
  const state = stateOf(held)
  const registration = (id: string) => (
    <Link to={`/console/registrations/${encodeURIComponent(id)}`}>{id}</Link>
  )
  return (
    <article className="card" aria-labelledby={`cc-code-${held.code}`}>
      <h3 id={`cc-code-${held.code}`}>
        <code className="voucher-code">{held.code}</code>
      </h3>
      <p>
        <strong>{held.offer.name}</strong>{' '}
        <span className={`code-state code-state-${state}`}>
          {t(`console.candidate.code.state.${state}` as MessageId)}
        </span>
        {held.state === 'usable' && <CodeAbilities held={held} timeZone={zone} />}
      </p>
      <p className="secondary">{t('console.candidate.code.issued', { day: day(held.issuedAt) })}</p>
      {(held.uses.length > 0 || held.returned.length > 0) && (
        <ul className="plain-list">
          {held.uses.map((use) => (
            <li key={`${use.registrationId}-${use.kind}`}>
              {use.kind === 'forfeited'
                ? t('console.candidate.code.forfeited', { exam: use.exam })
                : t('console.candidate.code.usedFor', {
                    exam: use.exam,
                    kind: t(`console.candidate.code.kind.${use.kind}` as MessageId),
                  })}{' '}
              {registration(use.registrationId)}{' '}
              <span className="secondary">
                ({t(`console.candidate.code.use.${use.state}` as MessageId)})
              </span>
            </li>
          ))}
          {held.returned.map((use) => (
            <li key={`${use.registrationId}-${use.kind}-returned`}>
              {t('console.candidate.code.returned', {
                exam: use.exam,
                day: day(use.returnedAt),
              })}{' '}
              {registration(use.registrationId)}
            </li>
          ))}
        </ul>
      )}
    </article>
  )
}
