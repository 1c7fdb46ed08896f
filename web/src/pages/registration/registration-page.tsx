import { useIntl } from 'react-intl'
import { Link, useParams, useSearchParams } from 'react-router'
import { useActing } from '../../acting/acting'
import { ActingHowFields } from '../../acting/acting-how-fields'
import { type Registration, UPCOMING } from '../../api/candidate'
import { $api, Problem } from '../../api/client'
import { useMe } from '../../api/session'
import { regionNames } from '../../i18n/formatters'
import { useReader } from '../../i18n/reader'
import { useT } from '../../i18n/use-t'
import { formatMoney, formatOnClock } from '../../time/format'
import { Instant } from '../../ui/instant'
import { usePageTitle } from '../../ui/page-title'
import { ProblemMessage } from '../../ui/problem-message'
import { ApplyCode } from './apply-code'
import { CalendarFile } from './calendar-file'
import { ChangeBooking } from './change-booking'
import { History } from './history'
import { PayBooking } from './pay-booking'

/** Whether anything can still be done to the booking: paid, given a code, moved or cancelled. */
function canChange(registration: Registration): boolean {
  if (registration.status === 'booked' && registration.paymentStatus === 'due') return true
  if (!UPCOMING.has(registration.status)) return false
  const now = Date.now()
  const { reschedule, cancel } = registration.changeDeadlines
  return Date.parse(reschedule) > now || Date.parse(cancel) > now
}

/** One booking: what, where, when, what it cost, until when it can change, and what happened to it. */
export function RegistrationPage() {
  const t = useT()
  const reader = useReader()
  const intl = useIntl()
  const { id = '' } = useParams()
  const [params] = useSearchParams()
  const me = useMe()
  const acting = useActing()
  usePageTitle(reader.t('registration.title'))
  const query = $api.useQuery('get', '/v1/registrations/{id}', { params: { path: { id } } })
  if (query.isPending) return <p>{t('common.loading')}</p>
  if (query.error !== null)
    return query.error instanceof Problem && query.error.status === 404 ? (
      <>
        <h1>{reader.t('registration.title')}</h1>
        <p role="alert">{t('registration.notFound')}</p>
      </>
    ) : (
      <ProblemMessage error={query.error} />
    )
  const { registration, history } = query.data
  const zone = registration.centre.timeZone
  const country = regionNames(intl.locale)
  const money = (cents: number, currency: string) => formatMoney(intl.locale, cents, currency)
  return (
    <>
      <h1>
        {registration.exam.number} {registration.exam.title}
      </h1>
      {params.has('booked') && (
        <p className="confirmation" role="status">
          {reader.t('book.booked', { email: me.data?.account.email ?? '' })}
        </p>
      )}
      {params.has('rescheduled') && (
        <p className="confirmation" role="status">
          {t('book.rescheduled')}
        </p>
      )}
      <dl className="facts">
        <dt>{t('registration.status')}</dt>
        <dd>
          {t(`registration.status.${registration.status}`)} ·{' '}
          {t(`registration.payment.${registration.paymentStatus}`)}
        </dd>
        <dt>{t('appointment.when')}</dt>
        <dd>
          <Instant at={registration.startsAt} timeZone={zone} />
        </dd>
        <dt>{t('appointment.where')}</dt>
        <dd>
          {registration.centre.name}, {registration.centre.address}, {registration.centre.city},{' '}
          {country.of(registration.centre.country)}
        </dd>
        <dt>{t('registration.provider')}</dt>
        <dd>{registration.provider.name}</dd>
        {registration.price !== null && (
          <>
            <dt>{t('registration.price')}</dt>
            <dd>
              <ul className="plain-list">
                <li>
                  {t('registration.listPrice')}:{' '}
                  {money(registration.price.listCents, registration.price.currency)}
                </li>
                {registration.price.lines.map((line) => (
                  <li key={`${line.code}-${line.offerId}`}>
                    {line.label} (<code className="voucher-code">{line.code}</code>):{' '}
                    {money(line.cents, registration.price!.currency)}
                  </li>
                ))}
                <li>
                  <strong>
                    {t(
                      registration.paymentStatus === 'due'
                        ? 'registration.due'
                        : registration.paymentStatus === 'paid'
                          ? 'registration.payment.paid'
                          : 'registration.total',
                    )}
                    : {money(registration.price.dueCents, registration.price.currency)}
                  </strong>
                </li>
              </ul>
            </dd>
          </>
        )}
        {registration.refund !== null && (
          <>
            <dt>{t('registration.payment.refunded')}</dt>
            <dd>
              {t('registration.refund', {
                refund: money(registration.refund.refundCents, registration.refund.currency),
                paid: money(registration.refund.paidCents, registration.refund.currency),
                fee:
                  registration.refund.feeCents === 0
                    ? 'none'
                    : money(registration.refund.feeCents, registration.refund.currency),
              })}
            </dd>
          </>
        )}
      </dl>
      {/* Staff say once how the candidate asked and why: every change below carries it. */}
      {canChange(registration) && <ActingHowFields />}
      {registration.paymentStatus === 'due' && registration.holdExpiresAt !== null && (
        <p className="attention">
          {reader.t('registration.holdEnds', {
            until: formatOnClock(intl.locale, registration.holdExpiresAt, zone),
          })}
        </p>
      )}
      {registration.paymentStatus === 'due' && registration.status === 'booked' && (
        <>
          <PayBooking registration={registration} />
          <ApplyCode registration={registration} />
        </>
      )}
      {registration.status === 'cancelled' && <p>{t('registration.cancelled')}</p>}
      <CalendarFile registration={registration} />
      {UPCOMING.has(registration.status) && <ChangeBooking registration={registration} />}
      {/* Any sitting that began may have gone wrong; whether a request is accepted is the API's decision. */}
      {registration.status !== 'cancelled' && Date.parse(registration.startsAt) <= Date.now() && (
        <p>
          <Link to={acting.newExceptionRequest(registration.id)}>
            {t('registration.exception')}
          </Link>
        </p>
      )}
      <History entries={history} />
    </>
  )
}
