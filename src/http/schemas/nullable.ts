import { type Static, type TSchema, Type } from 'typebox'

/**
 * `schema` or null, written as a JSON-schema type list (`type: ['string',
 * 'null']`) rather than `anyOf`: the response serializer handles a type list
 * directly, while for `anyOf` it validates the value against each branch.
 */
export function Nullable<T extends TSchema & { readonly type: string }>(schema: T) {
  return Type.Unsafe<Static<T> | null>({ ...schema, type: [schema.type, 'null'] })
}
