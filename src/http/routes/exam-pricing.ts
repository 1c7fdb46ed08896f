import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import type { AppDeps } from '../../app/app-deps.js'
import { getExamPricing, setExamPricing } from '../../app/catalogue/exam-pricing.js'
import { ExamPricingBody, ExamPricingOut, toExamPricingOut } from '../schemas/exam-pricing.js'

const PricingParams = Type.Object({
  number: Type.String({ minLength: 1, maxLength: 20, examples: ['70-620', '070-620'] }),
})

/** `/v1/exams/{number}/pricing`: an exam's price class and list prices. */
export function examPricingRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

    app.get(
      '/exams/:number/pricing',
      {
        schema: {
          operationId: 'getExamPricing',
          summary: "An exam's price class and list prices, by either spelling of its number",
          tags: ['catalogue'],
          'x-problems': ['EXAM_NUMBER_MALFORMED', 'EXAM_NOT_FOUND'],
          params: PricingParams,
          response: { 200: ExamPricingOut },
        },
      },
      async (request) =>
        toExamPricingOut(await getExamPricing(deps, request.params.number, 'number')),
    )

    app.put(
      '/exams/:number/pricing',
      {
        schema: {
          operationId: 'setExamPricing',
          summary: "Replace an exam's price class and every list price",
          description: 'Registrations already booked keep the price they were booked at.',
          tags: ['catalogue'],
          'x-problems': ['EXAM_NUMBER_MALFORMED', 'EXAM_NOT_FOUND'],
          params: PricingParams,
          body: ExamPricingBody,
          response: { 200: ExamPricingOut },
        },
      },
      async (request) =>
        toExamPricingOut(await setExamPricing(deps, request.params.number, request.body, 'number')),
    )
  }
}
