import { type TSchema, Type } from 'typebox'
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from '../../app/page.js'

/** The query fields of a list that grows: `limit` items after skipping `offset`. */
export const PagingFields = {
  limit: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: MAX_PAGE_LIMIT,
      default: DEFAULT_PAGE_LIMIT,
      description: `How many items to return (at most ${MAX_PAGE_LIMIT})`,
    }),
  ),
  // Bounded: a database cannot skip 1e20 rows (SQLite and PostgreSQL take a 64-bit offset).
  offset: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: Number.MAX_SAFE_INTEGER,
      default: 0,
      description: 'How many items to skip; there are more while offset + items < total',
    }),
  ),
}

/** The query of a list that grows and has no other parameter. */
export const PagingQuery = Type.Object(PagingFields)

/** One page of `item`s and how many there are in all. */
export function PageOut<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer({ description: 'How many items there are in all, on every page' }),
  })
}
