import { useIntl } from 'react-intl'
import { Link } from 'react-router'
import type { RegistrationListItem } from '../api/candidate'
import { regionNames } from '../i18n/formatters'
import { useT } from '../i18n/use-t'
import { formatMoney, formatOnClock } from '../time/format'
import { Instant } from './instant'

/** One booking as a candidate looks for it: what, where, when, until when it can change, what is owed. */
export function AppointmentCard({ registration }: { registration: RegistrationListItem }) {
  const t = useT()
  const intl = useIntl()
  const zone = registration.centre.timeZone
  const country = regionNames(intl.locale)
  return (
    <article className="card" aria-labelledby={`r-${registration.id}`}>
      <h3 id={`r-${registration.id}`}>
        <Link to={`/registrations/${registration.id}`}>
          {registration.exam.number} {registration.exam.title}
        </Link>
      </h3>
      <dl className="facts">
        <dt>{t('appointment.when')}</dt>
        <dd>
          <Instant at={registration.startsAt} timeZone={zone} />
        </dd>
        <dt>{t('appointment.where')}</dt>
        <dd>
          {registration.centre.name}, {registration.centre.address}, {registration.centre.city},{' '}
          {country.of(registration.centre.country)} ({registration.provider.name})
        </dd>
        <dt>{t('appointment.changeUntil')}</dt>
        <dd>
          {t('appointment.deadlines', {
            reschedule: formatOnClock(intl.locale, registration.changeDeadlines.reschedule, zone),
            cancel: formatOnClock(intl.locale, registration.changeDeadlines.cancel, zone),
          })}
        </dd>
        {registration.paymentStatus === 'due' && registration.price !== null && (
          <>
            <dt>{t('appointment.due')}</dt>
            <dd className="attention">
              {registration.holdExpiresAt === null
                ? formatMoney(intl.locale, registration.price.dueCents, registration.price.currency)
                : t('appointment.dueBy', {
                    amount: formatMoney(
                      intl.locale,
                      registration.price.dueCents,
                      registration.price.currency,
                    ),
                    until: formatOnClock(intl.locale, registration.holdExpiresAt, zone),
                  })}
            </dd>
          </>
        )}
      </dl>
    </article>
  )
}
