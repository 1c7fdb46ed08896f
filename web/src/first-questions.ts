import {
  type FetchQueryOptions,
  hashKey,
  type Query,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query'
import { $api } from './api/client'
import type { Me } from './api/session'
import { centresQuestion, firstCentresPage } from './pages/seats/centres-question'
import { readSeatSearch } from './pages/seats/seat-search'
import { localDayOf } from './time/local-day'

/** The keys of the answers asked for the page first opened, until the reader moves on. */
const askedFirst = new Set<string>()

/**
 * Whether `query` was asked for the page first opened, which is still open:
 * its answer came moments ago, and the page mounting after it need not ask
 * again (its parts would otherwise show "loading" once more, and the server
 * answer everything twice).
 */
export function askedForFirstPage(query: Query): boolean {
  return askedFirst.has(query.queryHash)
}

/** The reader moved to another page: from here every page asks as it mounts. */
export function forgetFirstQuestions(): void {
  askedFirst.clear()
}

/**
 * Asks the API what the page at `location` will ask first, as soon as it is
 * known who is signed in, while the page's script is still arriving: a page
 * that asked only once rendered would wait for its script, then for its
 * answers, one after the other. Each question is the one the page asks
 * itself (the same key), so the page finds the answer here, or on its way.
 */
export function askFirstQuestions(queries: QueryClient, location: Location, me: Me): void {
  const candidateId = me.account.candidateId
  const params = new URLSearchParams(location.search)
  // Typed by each call's own options: the client only keeps the answer under its key.
  const ask = (options: { readonly queryKey: QueryKey }) =>
    void queries.prefetchQuery(asked(options) as FetchQueryOptions)
  const candidate =
    candidateId === null
      ? Promise.resolve(null)
      : queries
          .fetchQuery(
            asked(
              $api.queryOptions('get', '/v1/candidates/{id}', {
                params: { path: { id: candidateId } },
              }),
            ),
          )
          // Dropped or refused: the page asks again and says what went wrong.
          .catch(() => null)
  if (candidateId === null) return
  const registrations = () =>
    ask(
      $api.queryOptions('get', '/v1/candidates/{id}/registrations', {
        params: { path: { id: candidateId }, query: { limit: 200 } },
      }),
    )
  const path = { path: { id: candidateId } }
  const page = location.pathname.split('/')[1] ?? ''
  if (page === '') {
    registrations()
    ask($api.queryOptions('get', '/v1/candidates/{id}/beta-invitations', { params: path }))
    ask(
      $api.queryOptions('get', '/v1/candidates/{id}/attempts', {
        params: { ...path, query: { limit: 200 } },
      }),
    )
    ask($api.queryOptions('get', '/v1/candidates/{id}/certifications', { params: path }))
    ask($api.queryOptions('get', '/v1/candidates/{id}/codes', { params: path }))
    ask(
      $api.queryOptions('get', '/v1/candidates/{id}/exception-requests', {
        params: { ...path, query: { limit: 200 } },
      }),
    )
    ask($api.queryOptions('get', '/v1/providers'))
  } else if (page === 'seats') {
    const exam = params.get('exam')?.trim() ?? ''
    ask($api.queryOptions('get', '/v1/providers'))
    if (exam === '' || params.has('reschedule')) return
    ask($api.queryOptions('get', '/v1/exams/{number}', { params: { path: { number: exam } } }))
    void candidate.then((record) => {
      if (record === null) return
      const search = readSeatSearch(params, localDayOf(new Date(), record.timeZone))
      if (search.near === '') return
      void queries.prefetchInfiniteQuery(
        asked(firstCentresPage(centresQuestion(search, exam, record.timeZone))),
      )
    })
  } else if (page === 'book') {
    const exam = params.get('exam') ?? ''
    const slotId = params.get('slot') ?? ''
    const number = { path: { number: exam } }
    ask($api.queryOptions('get', '/v1/exams/{number}', { params: number }))
    ask($api.queryOptions('get', '/v1/exams/{number}/pricing', { params: number }))
    ask($api.queryOptions('get', '/v1/providers'))
    registrations()
    void queries
      .fetchQuery(
        asked($api.queryOptions('get', '/v1/slots/{id}', { params: { path: { id: slotId } } })),
      )
      .then((slot) =>
        ask(
          $api.queryOptions('get', '/v1/candidates/{id}/eligibility', {
            params: { ...path, query: { exam, at: slot.startsAt } },
          }),
        ),
      )
      .catch(() => {
        // The page asks again and says what went wrong.
      })
  } else if (page === 'exams') {
    const exam = decodeURIComponent(location.pathname.split('/')[2] ?? '')
    ask($api.queryOptions('get', '/v1/exams/{number}', { params: { path: { number: exam } } }))
    ask(
      $api.queryOptions('get', '/v1/candidates/{id}/eligibility', {
        params: { ...path, query: { exam } },
      }),
    )
    registrations()
  }
}

/** `options`, its key noted as asked for the first page. */
function asked<Options extends { readonly queryKey: QueryKey }>(options: Options): Options {
  askedFirst.add(hashKey(options.queryKey))
  return options
}
