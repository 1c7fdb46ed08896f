import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import type { AppDeps } from '../../app/app-deps.js'
import { applyCodes } from '../../app/vouchers/apply-codes.js'
import { codeCallerOf } from '../../app/vouchers/code-throttle.js'
import { previewRegistrationCode } from '../../app/vouchers/preview-registration-code.js'
import { CODE_ENTRY_REFUSALS, CODE_REFUSALS } from '../booking-problems.js'
import { RegistrationOut, toRegistrationOut } from '../schemas/registration.js'
import { Channel, OnBehalfReason } from '../schemas/request-fields.js'
import { actorOf, IdempotencyHeaders, idempotencyOf } from './registrations.js'
import { PreviewOut, toPreviewOut } from './vouchers.js'

const RegistrationParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) })
const Code = Type.String({ minLength: 1, maxLength: 64, examples: ['K7QM2X-9HDR4T-WPB3NZ'] })

/** `/v1/registrations/{id}/codes`: a code applied to a registration that waits for payment. */
export function registrationCodeRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

    app.post(
      '/registrations/:id/codes',
      {
        schema: {
          operationId: 'applyRegistrationCodes',
          summary: 'Apply a voucher or discount code to a registration that waits for payment',
          description:
            'Judged by the rules of a code given at booking; the price, the payment due and the audit trail follow. A registration the codes leave nothing to pay is confirmed and mailed. Refused for a paid registration (`REGISTRATION_ALREADY_PAID`), one that needs no payment (`PAYMENT_NOT_DUE`), an ended hold (`HOLD_EXPIRED`), and a code that would give up a free retake without `acknowledgeForfeit` (`CODE_WOULD_FORFEIT`).',
          tags: ['registrations'],
          'x-problems': [
            'IDEMPOTENCY_KEY_REUSED',
            'REGISTRATION_NOT_FOUND',
            'REGISTRATION_NOT_ACTIVE',
            'REGISTRATION_ALREADY_PAID',
            'ON_BEHALF_REASON_REQUIRED',
            'PAYMENT_NOT_DUE',
            'HOLD_EXPIRED',
            'REGISTRATION_CHANGED',
            'CODE_WOULD_FORFEIT',
            'CODE_ALREADY_USED',
            ...CODE_ENTRY_REFUSALS,
            ...CODE_REFUSALS,
          ],
          headers: IdempotencyHeaders,
          params: RegistrationParams,
          body: Type.Object(
            {
              voucherCode: Type.Optional(Code),
              voucherCodes: Type.Optional(Type.Array(Code, { maxItems: 3 })),
              acknowledgeForfeit: Type.Optional(
                Type.Boolean({ description: 'Go ahead although the code gives up a free retake' }),
              ),
              channel: Channel,
              onBehalfReason: OnBehalfReason,
            },
            { additionalProperties: false },
          ),
          response: { 200: RegistrationOut },
        },
      },
      async (request, reply) => {
        const { voucherCode, voucherCodes, acknowledgeForfeit, channel, onBehalfReason } =
          request.body
        const outcome = await applyCodes(
          deps,
          {
            registrationId: request.params.id,
            voucherCodes: [
              ...(voucherCode === undefined ? [] : [voucherCode]),
              ...(voucherCodes ?? []),
            ],
            ...(acknowledgeForfeit === undefined ? {} : { acknowledgeForfeit }),
          },
          actorOf(request, channel, onBehalfReason),
          idempotencyOf(request),
        )
        if (outcome.replayed) reply.header('idempotent-replayed', 'true')
        return reply.code(200).send(toRegistrationOut(outcome.result, request.principal))
      },
    )

    app.get(
      '/registrations/:id/codes/:code/preview',
      {
        schema: {
          operationId: 'previewRegistrationCode',
          summary:
            'What a code would do applied to this registration: accepted or not, the new price, what it keeps and loses',
          description:
            "A code that the registration would refuse is not an error here: the answer says `accepted: false`, with the refusal's code and sentence. Errors are kept for a question that cannot be asked (an unknown registration or code, one that no longer waits for payment) and for too many wrong codes.",
          tags: ['registrations'],
          'x-problems': [
            'REGISTRATION_NOT_FOUND',
            'REGISTRATION_NOT_ACTIVE',
            'REGISTRATION_ALREADY_PAID',
            'PAYMENT_NOT_DUE',
            'HOLD_EXPIRED',
            ...CODE_ENTRY_REFUSALS,
          ],
          params: Type.Object({ id: RegistrationParams.properties.id, code: Code }),
          querystring: Type.Object(
            {
              with: Type.Optional(
                Type.String({
                  maxLength: 200,
                  description: 'Other codes to apply with it, comma-separated',
                }),
              ),
            },
            { additionalProperties: false },
          ),
          response: { 200: PreviewOut },
        },
      },
      async (request) => {
        const withCodes = (request.query.with ?? '')
          .split(',')
          .map((code) => code.trim())
          .filter((code) => code !== '')
        const preview = await previewRegistrationCode(
          deps,
          { registrationId: request.params.id, code: request.params.code, withCodes },
          codeCallerOf({ principalId: request.principal.id }),
          request.principal,
        )
        return toPreviewOut(preview)
      },
    )
  }
}
