import type { Paging } from '../db/engine/paging.js'

/** One page of a list that grows: its items and how many there are in all. */
export interface Page<T> {
  readonly items: readonly T[]
  readonly total: number
}

/** What a caller gets without asking: enough for a screen. */
export const DEFAULT_PAGE_LIMIT = 50
/** The most a caller may ask for at once, so that no list's length is a request's cost. */
export const MAX_PAGE_LIMIT = 200

/** The page asked for, with the defaults filled in; the HTTP schema has checked the bounds. */
export function computePaging(input: {
  readonly limit?: number
  readonly offset?: number
}): Paging {
  return {
    limit: Math.min(input.limit ?? DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT),
    offset: input.offset ?? 0,
  }
}
