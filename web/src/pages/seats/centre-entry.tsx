import { useIntl } from 'react-intl'
import { Link } from 'react-router'
import { useActing } from '../../acting/acting'
import { regionNames } from '../../i18n/formatters'
import { useReader } from '../../i18n/reader'
import { useT } from '../../i18n/use-t'
import { formatOnClockShort } from '../../time/format'
import { Instant } from '../../ui/instant'
import { formatKm } from './distance'
import type { FoundCentre, FreeTime } from './found-centre'

/** The element of a centre's entry, which the map's marker of the centre leads to. */
export function centreEntryId(centreId: string): string {
  return `centre-${centreId}`
}

/**
 * One centre: its name, provider, place and distance, how many times and
 * seats are free, and its next free times, each saying until when a booking
 * on it could be changed before it is chosen.
 */
export function CentreEntry(props: {
  readonly centre: FoundCentre
  readonly exam: string
  readonly reschedule: string | null
  readonly currentSlotId: string | null
}) {
  const t = useT()
  const intl = useIntl()
  const { centre } = props
  const id = centreEntryId(centre.id)
  const countries = regionNames(intl.locale)
  const later = centre.openSlots - centre.nextSlots.length
  return (
    <article id={id} tabIndex={-1} className="centre-entry card" aria-labelledby={`${id}-name`}>
      <h3 id={`${id}-name`} className="centre-name">
        {centre.name}
      </h3>
      <p className="centre-facts">
        {centre.providerName} · {centre.city}, {countries.of(centre.country) ?? centre.country} ·{' '}
        {t('seats.away', { distance: formatKm(intl.locale, centre.distanceKm) })}
      </p>
      <p>{t('seats.counts', { times: centre.openSlots, seats: centre.seatsLeft })}</p>
      <h4 className="free-times-title">{t('seats.nextTimes')}</h4>
      <ul className="free-times">
        {centre.nextSlots.map((slot) => (
          <li key={slot.id} className="free-time">
            <FreeTimeLine
              slot={slot}
              exam={props.exam}
              reschedule={props.reschedule}
              current={slot.id === props.currentSlotId}
            />
          </li>
        ))}
      </ul>
      {later > 0 && <p className="secondary">{t('seats.laterTimes', { count: later })}</p>}
    </article>
  )
}

function FreeTimeLine(props: {
  readonly slot: FreeTime
  readonly exam: string
  readonly reschedule: string | null
  readonly current: boolean
}) {
  const t = useT()
  const reader = useReader()
  const intl = useIntl()
  const acting = useActing()
  const { slot } = props
  const zone = slot.timeZone
  const passed = slot.deadlinesPassed
  const until = (instant: string) => formatOnClockShort(intl.locale, instant, zone)
  const book = new URLSearchParams({ exam: props.exam, slot: slot.id })
  if (props.reschedule !== null) book.set('reschedule', props.reschedule)
  return (
    <>
      <div>
        {props.current ? (
          <span>
            <Instant at={slot.startsAt} timeZone={zone} />{' '}
            <strong>{reader.t('seats.currentBooking')}</strong>
          </span>
        ) : (
          <Link to={acting.book(book)} className="free-time-link">
            <Instant at={slot.startsAt} timeZone={zone} />
          </Link>
        )}
      </div>
      <p className={passed.length === 0 ? 'deadlines' : 'deadlines passed'}>
        <span className="seats-left">{t('book.seatsLeft', { count: slot.seatsLeft })}</span> ·{' '}
        {passed.length === 0
          ? t('seats.deadlines', {
              reschedule: until(slot.changeDeadlines.reschedule),
              cancel: until(slot.changeDeadlines.cancel),
            })
          : passed.length === 2
            ? t('seats.deadlinesPassed.both')
            : passed[0] === 'reschedule'
              ? t('seats.deadlinesPassed.reschedule', {
                  cancel: until(slot.changeDeadlines.cancel),
                })
              : t('seats.deadlinesPassed.cancel', {
                  reschedule: until(slot.changeDeadlines.reschedule),
                })}
      </p>
    </>
  )
}
