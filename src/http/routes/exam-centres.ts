import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import type { AppDeps } from '../../app/app-deps.js'
import {
  DEFAULT_SLOTS_PER_CENTRE,
  findCentresWithSeats,
  MAX_SLOTS_PER_CENTRE,
} from '../../app/catalogue/find-centres-with-seats.js'
import { MAX_RADIUS_KM } from '../../app/catalogue/seat-search-bounds.js'
import { computePaging } from '../../app/page.js'
import { CentreWithSeatsOut, toCentreWithSeatsOut } from '../schemas/centre-with-seats.js'
import { InstantText, toInstantOut } from '../schemas/instant.js'
import { PagingFields } from '../schemas/paging.js'

const Params = Type.Object({
  number: Type.String({ minLength: 1, maxLength: 20, examples: ['70-620', '070-620'] }),
})

const Query = Type.Object({
  near: Type.String({
    maxLength: 64,
    description: 'latitude,longitude: nearest centres first (a place from `GET /v1/places`)',
    examples: ['-36.85,174.76'],
  }),
  radiusKm: Type.Optional(Type.Number({ maximum: MAX_RADIUS_KM })),
  from: Type.Optional(Type.With(InstantText, { description: 'Default now' })),
  to: Type.Optional(
    Type.With(InstantText, { description: 'Exclusive; default 30 days after from' }),
  ),
  provider: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  slotsPerCentre: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: MAX_SLOTS_PER_CENTRE,
      default: DEFAULT_SLOTS_PER_CENTRE,
      description: "How many of each centre's earliest open slots to show",
    }),
  ),
  ...PagingFields,
})

const Out = Type.Object({
  exam: Type.String(),
  from: Type.String({ description: 'From now at the earliest' }),
  to: Type.String(),
  items: Type.Array(CentreWithSeatsOut),
  total: Type.Integer({
    description: 'Centres with a free seat in the range (within the radius), on every page',
  }),
})

/** `/v1/exams/{number}/centres`: where an exam can be sat, centre by centre. */
export function examCentreRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

    app.get(
      '/exams/:number/centres',
      {
        schema: {
          operationId: 'findCentresWithSeats',
          summary:
            'Find a seat by centre: the test centres near a place with a free seat for an exam',
          description:
            'Centres of every provider that delivers the exam and has a free seat in the range, nearest first (ties by id), a page at a time; each with its distance, its open slots and free seats counted, and its earliest open slots.',
          tags: ['centres and slots'],
          'x-problems': [
            'EXAM_NUMBER_MALFORMED',
            'INSTANT_INVALID',
            'POSITION_INVALID',
            'SEARCH_RANGE_INVALID',
            'EXAM_NOT_FOUND',
            'PROVIDER_UNKNOWN',
          ],
          params: Params,
          querystring: Query,
          response: { 200: Out },
        },
      },
      async (request) => {
        const { number } = request.params
        const search = await findCentresWithSeats(
          deps,
          { ...request.query, exam: number },
          computePaging(request.query),
          request.principal,
          'number',
        )
        return {
          exam: search.exam.number,
          from: toInstantOut(search.from),
          to: toInstantOut(search.to),
          items: search.items.map(toCentreWithSeatsOut),
          total: search.total,
        }
      },
    )
  }
}
