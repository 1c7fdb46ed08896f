import { useEffect } from 'react'
import { useIntl } from 'react-intl'
import { Link, useSearchParams } from 'react-router'
import { useActing } from '../../acting/acting'
import type { Registration } from '../../api/candidate'
import { $api, Problem } from '../../api/client'
import type { Me } from '../../api/session'
import { useReader } from '../../i18n/reader'
import { useT } from '../../i18n/use-t'
import { formatOnClock, readerTimeZone } from '../../time/format'
import { localDayOf } from '../../time/local-day'
import { usePageTitle } from '../../ui/page-title'
import { ProblemMessage } from '../../ui/problem-message'
import { CentreResults } from './centre-results'
import { useDefaultPlace } from './default-place'
import { SearchForm } from './search-form'
import { readSeatSearch, type SeatSearch, writeSeatSearch } from './seat-search'

/**
 * Find a seat: by exam, days and place, at every provider, centre by centre
 * nearest first, each free time saying until when a booking on it could be
 * changed before it is chosen; a map beside the list on asking. The search
 * is the page's address, so that a reload or the back button shows it again.
 */
export function SeatsPage({ me }: { me: Me }) {
  const t = useT()
  const [params, setParams] = useSearchParams()
  const acting = useActing()
  const candidateId = acting.forCandidate ?? me.account.candidateId
  const candidate = $api.useQuery(
    'get',
    '/v1/candidates/{id}',
    { params: { path: { id: candidateId ?? '' } } },
    { enabled: candidateId !== null },
  )
  // Days are the candidate's, on their own clock; staff search on their browser's.
  const zone = candidate.data?.timeZone ?? readerTimeZone()
  const today = localDayOf(new Date(), zone)
  const asked = readSeatSearch(params, today)
  // Until the candidate says where, the city of their own record, if it has a test centre.
  const defaultPlace = useDefaultPlace(asked.near === '' ? (candidate.data ?? null) : null)
  const search =
    asked.near === '' && defaultPlace
      ? { ...asked, near: defaultPlace.near, place: defaultPlace.name }
      : asked
  const exam = $api.useQuery(
    'get',
    '/v1/exams/{number}',
    { params: { path: { number: search.exam || '-' } } },
    { enabled: search.exam !== '' },
  )
  const providers = $api.useQuery('get', '/v1/providers')
  const moving = $api.useQuery(
    'get',
    '/v1/registrations/{id}',
    { params: { path: { id: search.reschedule ?? '-' } } },
    { enabled: search.reschedule !== null },
  )
  const examNumber = exam.data?.number ?? null
  usePageTitle(examNumber === null ? t('seats.title') : t('seats.titleFor', { exam: examNumber }))

  function show(next: SeatSearch, replace = false) {
    setParams(writeSeatSearch(next), { replace })
  }

  // Either spelling finds the exam; the address then shows the one stored.
  useEffect(() => {
    if (examNumber !== null && examNumber !== search.exam)
      show({ ...search, exam: examNumber }, true)
  })

  // The form starts from the default place: it is known before the form is shown, never put in under a hand typing.
  if ((candidateId !== null && candidate.isPending) || defaultPlace === undefined)
    return <p>{t('common.loading')}</p>
  if (candidate.error !== null) return <ProblemMessage error={candidate.error} />
  if (search.exam !== '' && exam.error !== null)
    return (
      <>
        <h1>{t('seats.title')}</h1>
        {exam.error instanceof Problem && exam.error.code === 'EXAM_NOT_FOUND' ? (
          <p role="alert">{t('exam.notFound', { exam: search.exam })}</p>
        ) : (
          <ProblemMessage error={exam.error} />
        )}
        <p>
          <Link to={acting.seats(new URLSearchParams())}>{t('seats.otherExam')}</Link>
        </p>
      </>
    )
  const title = exam.data === undefined ? search.exam : `${exam.data.number} ${exam.data.title}`
  const delivering = (providers.data?.items ?? []).filter(
    (provider) => examNumber !== null && provider.exams.includes(examNumber),
  )
  // A new search (typed, or come back to) starts the form from the address again; showing the map does not.
  const formKey = writeSeatSearch({ ...search, map: false }).toString()
  return (
    <>
      <h1 className="exam-title">
        {search.exam === ''
          ? t('seats.title')
          : t(search.reschedule === null ? 'seats.titleFor' : 'seats.rescheduleTitle', {
              exam: title,
            })}
      </h1>
      {search.reschedule !== null && <MovingBooking query={moving} />}
      {search.exam !== '' && search.reschedule === null && (
        <p>
          <Link to={acting.seats(new URLSearchParams())}>{t('seats.otherExam')}</Link>
        </p>
      )}
      <SearchForm
        key={formKey}
        search={search}
        providers={delivering}
        // Support, asked for "Friday", finds that one day at once.
        dayChoices={acting.forCandidate === null ? null : today}
        onSearch={(next) => show(next)}
      />
      {examNumber !== null && search.near !== '' ? (
        <CentreResults
          search={search}
          examNumber={examNumber}
          timeZone={zone}
          currentSlotId={moving.data?.registration.slotId ?? null}
          onToggleMap={(shown) => show({ ...search, map: shown }, true)}
        />
      ) : (
        search.exam !== '' &&
        search.near === '' && <p className="secondary">{t('seats.askPlace')}</p>
      )}
    </>
  )
}

/** In reschedule mode: the booking a chosen time would move, said before anything is chosen. */
function MovingBooking({
  query,
}: {
  query: { data?: { registration: Registration }; error: unknown }
}) {
  const { t } = useReader()
  const intl = useIntl()
  if (query.error != null) return <ProblemMessage error={query.error} />
  const registration = query.data?.registration
  if (registration === undefined) return null
  return (
    <p className="warning">
      {t('seats.moving', {
        when: formatOnClock(intl.locale, registration.startsAt, registration.centre.timeZone),
        centre: registration.centre.name,
      })}
    </p>
  )
}
