import { type Registration, UPCOMING } from '../../api/candidate'
import { useReader } from '../../i18n/reader'
import { useT } from '../../i18n/use-t'

/**
 * The booking's calendar file (`GET /v1/registrations/{id}/calendar`), the
 * one its mail attaches, once the booking is confirmed: nothing is due on it.
 * A cancelled booking that was confirmed has one that removes the event from
 * a calendar holding it; one cancelled before it was paid never had a file.
 */
export function CalendarFile({ registration }: { registration: Registration }) {
  const t = useT()
  const reader = useReader()
  if (registration.paymentStatus === 'due') return null
  const href = `/v1/registrations/${encodeURIComponent(registration.id)}/calendar`
  if (registration.status === 'cancelled')
    return (
      <p>
        <a href={href} download>
          {t('registration.calendarRemove')}
        </a>{' '}
        <span className="secondary">{reader.t('registration.calendarRemoveHelp')}</span>
      </p>
    )
  if (!UPCOMING.has(registration.status)) return null
  return (
    <p>
      <a href={href} download>
        {t('registration.calendar')}
      </a>
    </p>
  )
}
