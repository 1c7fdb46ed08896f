import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import type { AppDeps } from '../../app/app-deps.js'
import { createProvider } from '../../app/catalogue/create-provider.js'
import { getProvider } from '../../app/catalogue/get-provider.js'
import { listProviders } from '../../app/catalogue/list-providers.js'
import { setProviderExams } from '../../app/catalogue/set-provider-exams.js'
import { updateProviderRules } from '../../app/catalogue/update-provider-rules.js'
import {
  CreateProviderBody,
  ProviderOut,
  ProviderRulesBody,
  toProviderOut,
} from '../schemas/provider.js'

const ProviderParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) })

/** `/v1/providers`: delivery providers, their change rules and the exams they deliver. */
export function providerRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

    app.get(
      '/providers',
      {
        schema: {
          operationId: 'listProviders',
          summary: 'Every delivery provider, with its rules and exams',
          tags: ['providers'],
          response: { 200: Type.Object({ items: Type.Array(ProviderOut) }) },
        },
      },
      async () => ({ items: (await listProviders(deps)).map(toProviderOut) }),
    )

    app.get(
      '/providers/:id',
      {
        schema: {
          operationId: 'getProvider',
          summary: 'One delivery provider',
          tags: ['providers'],
          'x-problems': ['PROVIDER_NOT_FOUND'],
          params: ProviderParams,
          response: { 200: ProviderOut },
        },
      },
      async (request) => toProviderOut(await getProvider(deps, request.params.id)),
    )

    app.post(
      '/providers',
      {
        schema: {
          operationId: 'createProvider',
          summary: 'Add a delivery provider (it delivers no exam until told)',
          tags: ['providers'],
          'x-problems': ['PROVIDER_ALREADY_EXISTS'],
          body: CreateProviderBody,
          response: { 201: ProviderOut },
        },
      },
      async (request, reply) => {
        const provider = await createProvider(deps, request.body)
        return reply
          .code(201)
          .header('location', `/v1/providers/${provider.id}`)
          .send(toProviderOut({ ...provider, exams: [] }))
      },
    )

    app.put(
      '/providers/:id/rules',
      {
        schema: {
          operationId: 'updateProviderRules',
          summary: 'Set how late candidates may reschedule or cancel',
          tags: ['providers'],
          'x-problems': ['PROVIDER_NOT_FOUND'],
          params: ProviderParams,
          body: ProviderRulesBody,
          response: { 200: ProviderOut },
        },
      },
      async (request) => {
        await updateProviderRules(deps, request.params.id, request.body)
        return toProviderOut(await getProvider(deps, request.params.id))
      },
    )

    app.put(
      '/providers/:id/exams',
      {
        schema: {
          operationId: 'setProviderExams',
          summary: 'Replace the exams a provider delivers',
          tags: ['providers'],
          'x-problems': ['EXAM_NUMBER_MALFORMED', 'PROVIDER_NOT_FOUND', 'EXAM_NOT_FOUND'],
          params: ProviderParams,
          body: Type.Object(
            {
              exams: Type.Array(Type.String({ minLength: 1, maxLength: 20 }), {
                maxItems: 2000,
                examples: [['70-620', '098-349']],
              }),
            },
            { additionalProperties: false },
          ),
          response: { 200: ProviderOut },
        },
      },
      async (request) =>
        toProviderOut(await setProviderExams(deps, request.params.id, request.body.exams)),
    )
  }
}
