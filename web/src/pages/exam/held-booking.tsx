import { useIntl } from 'react-intl'
import { Link } from 'react-router'
import { useActing } from '../../acting/acting'
import { UPCOMING } from '../../api/candidate'
import { $api } from '../../api/client'
import { useReader } from '../../i18n/reader'
import { formatOnClock } from '../../time/format'

/**
 * Said before a seat is chosen rather than after Book is pressed: the
 * booking the candidate already holds for this exam, which a second one
 * would be refused for (`ALREADY_REGISTERED`), with the way to it. A beta
 * exam's own decision says this already, so only other exams ask.
 */
export function HeldBooking(props: { readonly candidateId: string; readonly exam: string }) {
  const { t } = useReader()
  const intl = useIntl()
  const acting = useActing()
  // The same question the home page asks: one answer serves both.
  const query = $api.useQuery('get', '/v1/candidates/{id}/registrations', {
    params: { path: { id: props.candidateId }, query: { limit: 200 } },
  })
  const held = (query.data?.items ?? []).find(
    (registration) => registration.exam.number === props.exam && UPCOMING.has(registration.status),
  )
  if (held === undefined) return null
  const values = {
    exam: held.exam.number,
    when: formatOnClock(intl.locale, held.startsAt, held.centre.timeZone),
    centre: held.centre.name,
  }
  return (
    <p className="warning held-booking">
      {t('exam.held', values)} <Link to={acting.registration(held.id)}>{t('exam.held.open')}</Link>
    </p>
  )
}
