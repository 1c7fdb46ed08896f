import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import type { AppDeps } from '../../app/app-deps.js'
import { createOfferVersion } from '../../app/vouchers/create-offer-version.js'
import { getOffer } from '../../app/vouchers/get-offer.js'
import { listOffers } from '../../app/vouchers/list-offers.js'
import {
  CreateOfferBody,
  OfferOut,
  OfferSummaryOut,
  toOfferOut,
  toOfferSummaryOut,
} from '../schemas/offer.js'

const OfferParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 40, examples: ['second-shot'] }),
})

/** `/v1/offers`: offers and their versions (Second Shot, discounts, beta codes). */
export function offerRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

    app.get(
      '/offers',
      {
        schema: {
          operationId: 'listOffers',
          summary: 'Every offer, with its versions and the one in force now',
          tags: ['offers'],
          response: { 200: Type.Object({ items: Type.Array(OfferSummaryOut) }) },
        },
      },
      async () => ({ items: (await listOffers(deps)).map(toOfferSummaryOut) }),
    )

    app.get(
      '/offers/:id',
      {
        schema: {
          operationId: 'getOffer',
          summary: "One offer: every version's terms, the one in force marked",
          tags: ['offers'],
          'x-problems': ['OFFER_NOT_FOUND'],
          params: OfferParams,
          response: { 200: OfferOut },
        },
      },
      async (request) => toOfferOut(await getOffer(deps, request.params.id)),
    )

    app.post(
      '/offers',
      {
        schema: {
          operationId: 'createOfferVersion',
          summary: 'Add an offer (version 1) or the next version of one',
          description:
            'A version takes effect at `effectiveFrom` (default now, never in the past) and stays in force until a later-dated version; codes already issued keep the version they were issued under.',
          tags: ['offers'],
          'x-problems': [
            'EXAM_NUMBER_MALFORMED',
            'INSTANT_INVALID',
            'EXAM_NOT_FOUND',
            'FAMILY_UNKNOWN',
            'PROVIDER_UNKNOWN',
            'OFFER_TERMS_INVALID',
            'OFFER_VERSION_EXISTS',
          ],
          body: CreateOfferBody,
          response: { 201: OfferOut },
        },
      },
      async (request, reply) => {
        const offer = await createOfferVersion(deps, request.body)
        return reply
          .code(201)
          .header('location', `/v1/offers/${offer.offerId}`)
          .send(toOfferOut(offer))
      },
    )
  }
}
