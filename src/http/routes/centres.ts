import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import type { AppDeps } from '../../app/app-deps.js'
import { createCentre } from '../../app/catalogue/create-centre.js'
import { getCentreFor } from '../../app/catalogue/get-centre.js'
import { listCentres } from '../../app/catalogue/list-centres.js'
import { computePaging } from '../../app/page.js'
import { CentreOut, CreateCentreBody, toCentreOut } from '../schemas/centre.js'
import { PageOut, PagingFields } from '../schemas/paging.js'

/** `/v1/centres`: the providers' test centres. */
export function centreRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

    app.post(
      '/centres',
      {
        schema: {
          operationId: 'createCentre',
          summary: 'Add a test centre to a provider',
          tags: ['centres and slots'],
          'x-problems': [
            'COUNTRY_INVALID',
            'POSITION_INVALID',
            'TIME_ZONE_INVALID',
            'PROVIDER_UNKNOWN',
            'CENTRE_ALREADY_EXISTS',
          ],
          body: CreateCentreBody,
          response: { 201: CentreOut },
        },
      },
      async (request, reply) => {
        const centre = await createCentre(deps, request.body)
        return reply
          .code(201)
          .header('location', `/v1/centres/${encodeURIComponent(centre.id)}`)
          .send(toCentreOut(centre))
      },
    )

    app.get(
      '/centres',
      {
        schema: {
          operationId: 'listCentres',
          summary: "Every test centre, or one provider's, a page at a time",
          tags: ['centres and slots'],
          'x-problems': ['PROVIDER_UNKNOWN'],
          querystring: Type.Object({
            provider: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
            ...PagingFields,
          }),
          response: { 200: PageOut(CentreOut) },
        },
      },
      async (request) => {
        const page = await listCentres(
          deps,
          request.query,
          computePaging(request.query),
          request.principal,
        )
        return { items: page.items.map(toCentreOut), total: page.total }
      },
    )

    app.get(
      '/centres/:id',
      {
        schema: {
          operationId: 'getCentre',
          summary: 'One test centre',
          tags: ['centres and slots'],
          'x-problems': ['CENTRE_NOT_FOUND'],
          params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
          response: { 200: CentreOut },
        },
      },
      async (request) =>
        toCentreOut(await getCentreFor(deps, request.params.id, request.principal)),
    )
  }
}
