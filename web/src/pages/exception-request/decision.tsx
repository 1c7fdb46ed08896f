import { FormattedMessage, useIntl } from 'react-intl'
import { Link } from 'react-router'
import { type Subject, useReader } from '../../i18n/reader'
import { useT } from '../../i18n/use-t'
import { formatOnClock } from '../../time/format'
import type { ExceptionRequest } from './exception-request-page'

/**
 * What became of the request: waiting for review; or the decision, its
 * note, and for an approval what it lifts, for one attempt, and where its
 * waiver is now (still to use, held by a booking, used). Said to the
 * candidate, or of them by name (`about`) to staff.
 */
export function Decision({
  request,
  timeZone,
  about,
}: {
  request: ExceptionRequest
  timeZone: string
  about: Subject
}) {
  const t = useT()
  const reader = useReader(about)
  const intl = useIntl()
  const exam = request.exam.number
  const review = request.review
  return (
    <section aria-labelledby="decision">
      <h2 id="decision">{t('exception.decision')}</h2>
      {review === null ? (
        <p>{reader.t('exception.openNext')}</p>
      ) : (
        <>
          <p>
            <strong className={`request-status request-${review.decision}`}>
              {t(`exception.status.${review.decision}`)}
            </strong>{' '}
            {t('exception.decidedAt', { at: formatOnClock(intl.locale, review.at, timeZone) })}
          </p>
          <p className="quoted">{t('exception.note', { note: review.note })}</p>
          {review.decision === 'approved' ? (
            <>
              <p>
                {reader.t(
                  review.waivesWait && review.waivesLimit
                    ? 'exception.waives.both'
                    : review.waivesWait
                      ? 'exception.waives.wait'
                      : 'exception.waives.limit',
                  { exam },
                )}
              </p>
              <Waiver request={request} about={about} />
            </>
          ) : (
            <>
              <p>{reader.t('exception.deniedNext')}</p>
              <p>
                <Link to={`/exception-requests/new?registration=${request.registrationId}`}>
                  {t('exception.askAgain')}
                </Link>
              </p>
            </>
          )}
        </>
      )}
    </section>
  )
}

function Waiver({ request, about }: { request: ExceptionRequest; about: Subject }) {
  const t = useT()
  const reader = useReader(about)
  const waiver = request.waiver
  const exam = request.exam.number
  if (waiver === null) return null
  if (waiver.state === 'used') return <p>{t('exception.waiver.used')}</p>
  if (waiver.state === 'held' && waiver.heldByRegistrationId !== null) {
    return (
      <p>
        <FormattedMessage
          id={reader.id('exception.waiver.held')}
          values={{
            name: reader.subject?.name ?? '',
            booking: (
              <Link to={`/registrations/${waiver.heldByRegistrationId}`}>
                {waiver.heldByRegistrationId}
              </Link>
            ),
          }}
        />
      </p>
    )
  }
  return (
    <>
      <p className="good">{reader.t('exception.waiver.available', { exam })}</p>
      <p>
        <Link className="button primary" to={`/seats?exam=${exam}`}>
          {t('exception.findSeat', { exam })}
        </Link>
      </p>
    </>
  )
}
