import { api } from '../../api/client'
import { type SeatSearch, toCentreQuery } from './seat-search'

/** Centres asked for at a time; "more centres" asks for the next as many. */
export const CENTRES_PAGE_SIZE = 5

/** The API's question for the centres of `search`, as the list asks it page by page (`offset`). */
export function centresQuestion(search: SeatSearch, examNumber: string, timeZone: string) {
  return {
    params: {
      path: { number: examNumber },
      query: { ...toCentreQuery(search, timeZone), limit: CENTRES_PAGE_SIZE },
    },
  }
}

/** The first page of that list, asked before the list is shown: the same key and answer the list's own question gives. */
export function firstCentresPage(question: ReturnType<typeof centresQuestion>) {
  return {
    queryKey: ['get', '/v1/exams/{number}/centres', question] as const,
    queryFn: async ({ pageParam }: { pageParam: number }) => {
      const { data } = await api.GET('/v1/exams/{number}/centres', {
        params: { ...question.params, query: { ...question.params.query, offset: pageParam } },
      })
      return data!
    },
    initialPageParam: 0,
    getNextPageParam: nextCentresOffset,
  }
}

/** Where the next page of centres starts; undefined once every centre is listed. */
export function nextCentresOffset(
  last: { readonly total: number },
  pages: readonly { readonly items: readonly unknown[] }[],
): number | undefined {
  const shown = pages.reduce((sum, page) => sum + page.items.length, 0)
  return shown < last.total ? shown : undefined
}
