import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import type { AppDeps } from '../../app/app-deps.js'
import {
  DEFAULT_PLACE_LIMIT,
  findPlaces,
  MAX_PLACE_LIMIT,
} from '../../app/catalogue/find-places.js'
import { PlaceOut, toPlaceOut } from '../schemas/place.js'

/** `/v1/places`: places to search for a seat from, by name. */
export function placeRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

    app.get(
      '/places',
      {
        schema: {
          operationId: 'findPlaces',
          summary: 'Places by name, to search for a seat near: every city that has a test centre',
          description:
            'A place matches when a word of its name starts with `q`, accents and case ignored (`sao p` finds São Paulo). The whole name first, then names that start with `q`, then the others; then by name. Its position is the midpoint of its centres: pass it as `near`.',
          tags: ['centres and slots'],
          'x-problems': [],
          querystring: Type.Object({
            q: Type.String({ minLength: 1, maxLength: 100, examples: ['auck'] }),
            limit: Type.Optional(
              Type.Integer({ minimum: 1, maximum: MAX_PLACE_LIMIT, default: DEFAULT_PLACE_LIMIT }),
            ),
          }),
          response: { 200: Type.Object({ items: Type.Array(PlaceOut) }) },
        },
      },
      async (request) => ({
        items: (await findPlaces(deps, request.query)).map(toPlaceOut),
      }),
    )
  }
}
