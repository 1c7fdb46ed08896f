import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import type { AppDeps } from '../../app/app-deps.js'
import { listEnrollingOffers } from '../../app/vouchers/list-enrolling-offers.js'
import { OfferVersionOut, toOfferVersionOut } from '../schemas/offer.js'

const Params = Type.Object({
  number: Type.String({ minLength: 1, maxLength: 20, examples: ['70-620', '070-620'] }),
})

/** `/v1/exams/{number}/offers`: the offers a candidate could enrol in for an exam. */
export function examOfferRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

    app.get(
      '/exams/:number/offers',
      {
        schema: {
          operationId: 'listEnrollingOffers',
          summary: 'The offers open for enrolment now that cover an exam',
          description:
            'The version in force of each offer whose enrolment is open now and whose terms cover the exam, with every term; a candidate enrols with `POST /v1/offers/{id}/enrolments`.',
          tags: ['offers'],
          'x-problems': ['EXAM_NUMBER_MALFORMED', 'EXAM_NOT_FOUND'],
          params: Params,
          response: {
            200: Type.Object({ exam: Type.String(), items: Type.Array(OfferVersionOut) }),
          },
        },
      },
      async (request) => {
        const { exam, offers } = await listEnrollingOffers(deps, request.params.number)
        return { exam: exam.number, items: offers.map(toOfferVersionOut) }
      },
    )
  }
}
