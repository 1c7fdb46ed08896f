import { useIntl } from 'react-intl'
import { Link } from 'react-router'
import { UPCOMING } from '../../../api/candidate'
import { $api } from '../../../api/client'
import { useT } from '../../../i18n/use-t'
import { formatOnClock } from '../../../time/format'
import { Instant } from '../../../ui/instant'
import { QuerySection } from '../../../ui/query-section'

/** Bookings ahead, soonest first, each with until when it can still be changed. */
export function CandidateUpcoming({ candidateId }: { candidateId: string }) {
  const t = useT()
  const intl = useIntl()
  const query = $api.useQuery('get', '/v1/candidates/{id}/registrations', {
    params: { path: { id: candidateId }, query: { limit: 200 } },
  })
  const upcoming = (query.data?.items ?? [])
    .filter((registration) => UPCOMING.has(registration.status))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
  return (
    <QuerySection
      id="cc-upcoming"
      title={t('console.candidate.upcoming')}
      query={query}
      empty={upcoming.length === 0 ? t('console.candidate.noUpcoming') : null}
    >
      {upcoming.length > 0 && (
        <ul className="cards">
          {upcoming.map((registration) => {
            const zone = registration.centre.timeZone
            return (
              <li key={registration.id}>
                <article className="card" aria-labelledby={`cc-r-${registration.id}`}>
                  <h3 id={`cc-r-${registration.id}`}>
                    <Link to={`/console/registrations/${encodeURIComponent(registration.id)}`}>
                      {registration.exam.number} {registration.exam.title}
                    </Link>
                  </h3>
                  <dl className="facts">
                    <dt>{t('console.candidate.registration')}</dt>
                    <dd>
                      <code>{registration.id}</code>
                    </dd>
                    <dt>{t('appointment.when')}</dt>
                    <dd>
                      <Instant at={registration.startsAt} timeZone={zone} />
                    </dd>
                    <dt>{t('appointment.where')}</dt>
                    <dd>
                      {registration.centre.name}, {registration.centre.city} (
                      {registration.provider.name})
                    </dd>
                    <dt>{t('appointment.changeUntil')}</dt>
                    <dd>
                      {t('appointment.deadlines', {
                        reschedule: formatOnClock(
                          intl.locale,
                          registration.changeDeadlines.reschedule,
                          zone,
                        ),
                        cancel: formatOnClock(
                          intl.locale,
                          registration.changeDeadlines.cancel,
                          zone,
                        ),
                      })}
                    </dd>
                    <dt>{t('console.candidate.payment')}</dt>
                    <dd>{t(`console.candidate.payment.${registration.paymentStatus}`)}</dd>
                  </dl>
                </article>
              </li>
            )
          })}
        </ul>
      )}
    </QuerySection>
  )
}
