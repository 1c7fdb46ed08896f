import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import type { AppDeps } from '../../app/app-deps.js'
import { releaseHold } from '../../app/registrations/release-hold.js'
import { RegistrationOut, toRegistrationOut } from '../schemas/registration.js'
import { Channel } from '../schemas/request-fields.js'
import { actorOf, IdempotencyHeaders, idempotencyOf } from './registrations.js'

/** `/v1/registrations/{id}/release-hold`: an admin gives back a seat held for payment. */
export function holdRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

    app.post(
      '/registrations/:id/release-hold',
      {
        schema: {
          operationId: 'releaseHold',
          summary:
            'Release the seat of a registration waiting for payment, with a reason (inside the cancel window too)',
          tags: ['registrations'],
          'x-problems': [
            'REGISTRATION_NOT_FOUND',
            'NOT_AN_UNPAID_HOLD',
            'REGISTRATION_CHANGED',
            'IDEMPOTENCY_KEY_REUSED',
            'ON_BEHALF_REASON_REQUIRED',
          ],
          headers: IdempotencyHeaders,
          params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) }),
          body: Type.Object(
            {
              reason: Type.String({
                minLength: 1,
                maxLength: 500,
                pattern: '\\S',
                description: 'Why; kept in the audit trail and mailed to the candidate',
              }),
              channel: Channel,
            },
            { additionalProperties: false },
          ),
          response: { 200: RegistrationOut },
        },
      },
      async (request, reply) => {
        const outcome = await releaseHold(
          deps,
          request.params.id,
          request.body.reason.trim(),
          // The release's reason is the one the candidate is told.
          actorOf(request, request.body.channel, request.body.reason, 'reason'),
          idempotencyOf(request),
        )
        if (outcome.replayed) reply.header('idempotent-replayed', 'true')
        return toRegistrationOut(outcome.result, request.principal)
      },
    )
  }
}
