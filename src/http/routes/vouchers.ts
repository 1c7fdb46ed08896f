import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import type { AppDeps } from '../../app/app-deps.js'
import { codeCallerOf } from '../../app/vouchers/code-throttle.js'
import { enrolInOffer } from '../../app/vouchers/enrol-in-offer.js'
import { previewVoucher, type VoucherPreview } from '../../app/vouchers/preview-voucher.js'
import type { CodeSentenceFacts } from '../../domain/code-sentences.js'
import { codeAsShownTo } from '../../domain/code-visibility.js'
import { formatVoucherCode } from '../../domain/voucher-code.js'
import { CODE_ENTRY_REFUSALS } from '../booking-problems.js'
import { Nullable } from '../schemas/nullable.js'
import { PriceOut } from '../schemas/registration.js'
import { Channel, CurrencyCode, OnBehalfReason, PayableMethod } from '../schemas/request-fields.js'
import { actorOf, IdempotencyHeaders, idempotencyOf } from './registrations.js'

const EnrolmentOut = Type.Object({
  code: Type.String({
    description:
      'Whole for support and admin, who issue it for the candidate; masked to its last four characters for anyone else',
    examples: ['K7QM2X-9HDR4T-WPB3NZ'],
  }),
  candidateId: Nullable(Type.String()),
  offer: Type.Object({ id: Type.String(), version: Type.Integer(), name: Type.String() }),
  issuedAt: Type.String(),
  expiresAt: Nullable(Type.String()),
})

/** A sentence of a code's judgement as a stable code and its facts, to say in the reader's language. */
const SentenceOut = Type.Object(
  {
    code: Type.String({ examples: ['FREE_RETAKE'] }),
    params: Type.Record(
      Type.String(),
      Type.Union([Type.String(), Type.Number(), Type.Array(Type.String())]),
      {
        description:
          'What the sentence says: names, numbers and lists; a parameter whose name ends in At is an instant (RFC 3339), said on the clock of timeZone',
        examples: [{ exam: '70-620', attemptAt: '2008-11-20T09:00:00.000Z' }],
      },
    ),
  },
  { description: 'The same sentence as its English text, as a code and parameters' },
)

export const PreviewOut = Type.Object({
  code: Type.String({ examples: ['K7QM2X-9HDR4T-WPB3NZ'] }),
  offer: Type.Object({
    id: Type.String(),
    version: Type.Integer(),
    name: Type.String(),
    covers: Type.String({ description: 'The exams the offer covers, in a sentence' }),
    exams: Type.Object(
      {
        families: Type.Array(Type.String()),
        prefixes: Type.Array(Type.String()),
        numbers: Type.Array(Type.String()),
        priceClasses: Type.Array(Type.String()),
      },
      { description: 'What covers says, as its parts: every exam when all four are empty' },
    ),
    providers: Type.Array(Type.String(), { description: 'Empty: every provider' }),
    paymentMethods: Type.Array(Type.String(), { description: 'Empty: every method' }),
    combinable: Type.Boolean(),
  }),
  expiresAt: Nullable(Type.String()),
  accepted: Type.Boolean({ description: 'Would a registration with this code be made now?' }),
  refusal: Nullable(
    Type.Object({
      code: Type.String({
        description: "The rule: the code's (EXAM_NOT_COVERED…) or the retake policy's",
      }),
      reason: Type.String(),
      // Null for a refusal of the retake policy's, said by its code and the facts of its own.
      sentence: Nullable(SentenceOut),
    }),
  ),
  does: Nullable(Type.String({ description: 'What the code does on this registration' })),
  keeps: Type.Array(Type.String(), { description: 'What it still holds afterwards' }),
  loses: Type.Array(Type.String(), {
    description: 'What registering this way gives up; the registration needs acknowledgeForfeit',
  }),
  requiresAcknowledgement: Type.Boolean(),
  price: Nullable(PriceOut),
  sentences: Type.Object(
    {
      does: Nullable(SentenceOut),
      keeps: Type.Array(SentenceOut),
      loses: Type.Array(SentenceOut),
    },
    { description: 'does, keeps and loses, each as a code and parameters, in the same order' },
  ),
  timeZone: Type.String({
    description: "The candidate's zone: the sentences' instants are said on its clock",
  }),
})

export function toPreviewOut(preview: VoucherPreview) {
  return {
    code: preview.code,
    offer: {
      id: preview.offer.offerId,
      version: preview.offer.version,
      name: preview.offer.name,
      covers: preview.covers,
      exams: {
        families: [...preview.offer.exams.families],
        prefixes: [...preview.offer.exams.prefixes],
        numbers: [...preview.offer.exams.numbers],
        priceClasses: [...preview.offer.exams.priceClasses],
      },
      providers: [...preview.offer.providers],
      paymentMethods: [...preview.offer.paymentMethods],
      combinable: preview.offer.combinable,
    },
    expiresAt: preview.expiresAt === null ? null : new Date(preview.expiresAt).toISOString(),
    accepted: preview.accepted,
    refusal: preview.refusal && {
      ...preview.refusal,
      sentence: preview.refusal.sentence && sentenceOut(preview.refusal.sentence),
    },
    does: preview.does,
    keeps: [...preview.keeps],
    loses: [...preview.loses],
    requiresAcknowledgement: preview.loses.length > 0,
    price: preview.price === null ? null : { ...preview.price, lines: [...preview.price.lines] },
    sentences: {
      does: preview.sentences.does && sentenceOut(preview.sentences.does),
      keeps: preview.sentences.keeps.map(sentenceOut),
      loses: preview.sentences.loses.map(sentenceOut),
    },
    timeZone: preview.timeZone,
  }
}

function sentenceOut(sentence: CodeSentenceFacts) {
  const params: Record<string, string | number | string[]> = {}
  for (const [key, value] of Object.entries(sentence.params)) {
    params[key] = typeof value === 'object' ? [...value] : value
  }
  return { code: sentence.code, params }
}

/** `/v1/vouchers`: what a code would do, before it is used. */
export function voucherRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

    app.post(
      '/offers/:id/enrolments',
      {
        schema: {
          operationId: 'enrolInOffer',
          summary: 'Enrol a candidate in an offer: a new code, mailed with its terms',
          tags: ['vouchers'],
          'x-problems': [
            'CANDIDATE_NOT_FOUND',
            'OFFER_NOT_FOUND',
            'OFFER_CLOSED',
            'OFFER_ALREADY_ENROLLED',
            'IDEMPOTENCY_KEY_REUSED',
            'ON_BEHALF_REASON_REQUIRED',
          ],
          headers: IdempotencyHeaders,
          params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
          body: Type.Object(
            {
              candidateId: Type.String({ minLength: 1, maxLength: 64 }),
              channel: Channel,
              onBehalfReason: OnBehalfReason,
            },
            { additionalProperties: false },
          ),
          response: { 201: EnrolmentOut },
        },
      },
      async (request, reply) => {
        const outcome = await enrolInOffer(
          deps,
          request.params.id,
          request.body.candidateId,
          actorOf(request, request.body.channel, request.body.onBehalfReason),
          idempotencyOf(request),
        )
        if (outcome.replayed) reply.header('idempotent-replayed', 'true')
        const { voucher, offer } = outcome.result
        return reply.code(201).send({
          code: codeAsShownTo(
            request.principal,
            voucher.candidateId,
            formatVoucherCode(voucher.code),
          ),
          candidateId: voucher.candidateId,
          offer: { id: offer.offerId, version: offer.version, name: offer.name },
          issuedAt: new Date(voucher.issuedAt).toISOString(),
          expiresAt: voucher.expiresAt === null ? null : new Date(voucher.expiresAt).toISOString(),
        })
      },
    )

    app.get(
      '/vouchers/:code/preview',
      {
        schema: {
          operationId: 'previewVoucher',
          summary:
            'What a code would do on a registration made now: accepted or not, price, what it keeps and loses',
          description:
            "A code that the registration would refuse is not an error here: the answer says `accepted: false`, with the refusal's code and sentence. Errors are kept for a question that cannot be asked (an unknown candidate, slot or code) and for too many wrong codes.",
          tags: ['vouchers'],
          'x-problems': [
            'EXAM_NUMBER_MALFORMED',
            'CANDIDATE_NOT_FOUND',
            'EXAM_NOT_FOUND',
            'SLOT_NOT_FOUND',
            'SLOT_IN_PAST',
            'EXAM_NOT_DELIVERED',
            ...CODE_ENTRY_REFUSALS,
          ],
          params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) }),
          querystring: Type.Object(
            {
              candidateId: Type.String({ minLength: 1, maxLength: 64 }),
              exam: Type.String({ minLength: 1, maxLength: 20, examples: ['70-620'] }),
              slotId: Type.String({ minLength: 1, maxLength: 64 }),
              paymentMethod: Type.Optional(PayableMethod),
              with: Type.Optional(
                Type.String({
                  maxLength: 200,
                  description: 'Other codes to give with it, comma-separated',
                }),
              ),
              currency: Type.Optional(CurrencyCode()),
            },
            { additionalProperties: false },
          ),
          response: { 200: PreviewOut },
        },
      },
      async (request) => {
        const { with: withText, ...query } = request.query
        const withCodes = (withText ?? '')
          .split(',')
          .map((code) => code.trim())
          .filter((code) => code !== '')
        const preview = await previewVoucher(
          deps,
          { code: request.params.code, ...query, withCodes },
          codeCallerOf({ principalId: request.principal.id }),
          request.principal,
        )
        return toPreviewOut(preview)
      },
    )
  }
}
