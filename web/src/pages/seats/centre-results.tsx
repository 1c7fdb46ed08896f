import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import { Button } from 'react-aria-components'
import { useIntl } from 'react-intl'
import { $api } from '../../api/client'
import { dateTimeFormat } from '../../i18n/formatters'
import { useT } from '../../i18n/use-t'
import { ProblemMessage } from '../../ui/problem-message'
import { CentreEntry, centreEntryId } from './centre-entry'
import { centresQuestion, nextCentresOffset } from './centres-question'
import { formatKm } from './distance'
import type { FoundCentre } from './found-centre'
import type { SeatSearch } from './seat-search'

/** Leaflet and the world's outlines are a file of their own, fetched only when the map is shown. */
const CentreMap = lazy(() => import('./centre-map').then((m) => ({ default: m.CentreMap })))

/**
 * The answer: centres nearest first, each with its distance, counts and next
 * free times; more centres on asking; and the map beside the list for those
 * who want it (the list says everything the map shows).
 */
export function CentreResults(props: {
  readonly search: SeatSearch
  readonly examNumber: string
  /** The candidate's clock, on which the search's days are read. */
  readonly timeZone: string
  /** The slot of the booking being moved, which is not offered again. */
  readonly currentSlotId: string | null
  readonly onToggleMap: (shown: boolean) => void
}) {
  const t = useT()
  const intl = useIntl()
  const { search } = props
  const list = useRef<HTMLOListElement>(null)
  const query = $api.useInfiniteQuery(
    'get',
    '/v1/exams/{number}/centres',
    centresQuestion(search, props.examNumber, props.timeZone),
    {
      pageParamName: 'offset',
      initialPageParam: 0,
      getNextPageParam: nextCentresOffset,
    },
  )

  const centres: FoundCentre[] = query.data?.pages.flatMap((page) => page.items) ?? []
  // After "more centres", the first centre it added takes the focus, so a keyboard reader goes on from there.
  const [focusFrom, setFocusFrom] = useState<number | null>(null)
  useEffect(() => {
    if (focusFrom === null || centres.length <= focusFrom) return
    list.current?.querySelectorAll<HTMLElement>('.centre-entry')[focusFrom]?.focus()
    setFocusFrom(null)
  }, [focusFrom, centres.length])

  if (query.isPending) return <p>{t('common.loading')}</p>
  if (query.error !== null) return <ProblemMessage error={query.error} />
  const total = query.data.pages[0]?.total ?? 0
  const days = {
    from: formatLocalDay(intl.locale, search.from),
    to: formatLocalDay(intl.locale, search.to),
  }
  const where = search.place || search.near

  function more() {
    setFocusFrom(centres.length)
    void query.fetchNextPage()
  }

  function showCentre(id: string) {
    const entry = document.getElementById(centreEntryId(id))
    entry?.scrollIntoView({ block: 'start' })
    entry?.focus({ preventScroll: true })
  }

  return (
    <section aria-labelledby="results" className="seat-results">
      <div className="row spread results-head">
        <h2 id="results" className="results-title">
          {t('seats.results')}
        </h2>
        {total > 0 && (
          <Button
            className="button quiet"
            aria-pressed={search.map}
            onPress={() => props.onToggleMap(!search.map)}
          >
            {t('seats.showMap')}
          </Button>
        )}
      </div>
      {total === 0 ? (
        <div className="warning" role="status">
          <p>
            {search.radiusKm === null
              ? t('seats.none', { exam: props.examNumber, ...days })
              : t('seats.noneWithin', {
                  exam: props.examNumber,
                  distance: formatKm(intl.locale, search.radiusKm),
                  place: where,
                  ...days,
                })}
          </p>
          <p>
            {t('seats.noneHint')}
            {search.radiusKm !== null && <> {t('seats.noneHintRadius')}</>}
            {search.provider !== '' && <> {t('seats.noneHintProvider')}</>}
          </p>
        </div>
      ) : (
        <>
          <p role="status">
            {t('seats.found', {
              count: total,
              place: where,
              ...days,
            })}
            {centres.length < total && <> {t('seats.shown', { shown: centres.length })}</>}
          </p>
          <div className={search.map ? 'results-with-map' : undefined}>
            {search.map && (
              <Suspense fallback={<p>{t('seats.mapLoading')}</p>}>
                <CentreMap centres={centres} onShowCentre={showCentre} />
              </Suspense>
            )}
            <div>
              <ol className="centre-list" ref={list}>
                {centres.map((centre) => (
                  <li key={centre.id}>
                    <CentreEntry
                      centre={centre}
                      exam={props.examNumber}
                      reschedule={search.reschedule}
                      currentSlotId={props.currentSlotId}
                    />
                  </li>
                ))}
              </ol>
              {query.hasNextPage && (
                <Button
                  className="button quiet"
                  isDisabled={query.isFetchingNextPage}
                  onPress={more}
                >
                  {t('seats.more', { count: total - centres.length })}
                </Button>
              )}
            </div>
          </div>
        </>
      )}
    </section>
  )
}

/** A calendar day as the reader writes it (`15 June 2026`). */
function formatLocalDay(locale: string, day: string): string {
  return dateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  )
}
