import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import { requireCandidateAccess } from '../../app/access/require-access.js'
import type { AppDeps } from '../../app/app-deps.js'
import { listBetaInvitations } from '../../app/beta/list-beta-invitations.js'
import { formatVoucherCode } from '../../domain/voucher-code.js'
import { LocalTimeText, toInstantOut, toLocalOut } from '../schemas/instant.js'
import { Nullable } from '../schemas/nullable.js'

const InvitationOut = Type.Object({
  exam: Type.String({ examples: ['071-621'] }),
  wave: Type.Object({
    id: Type.String(),
    name: Type.String(),
    position: Type.Integer({
      description: 'Which wave of the exam: earlier waves had the seats first',
    }),
  }),
  invitedAt: Type.String({ description: 'When the invitation was mailed' }),
  invitedAtLocal: LocalTimeText,
  code: Nullable(
    Type.String({
      description: "The invitation's promotion code: the invitee's own or the wave's",
    }),
  ),
  mayRegister: Type.Boolean({
    description: 'Whether a registration for the beta would be accepted now',
  }),
  refusal: Nullable(
    Type.Object({
      code: Type.Enum([
        'REGION_RESTRICTED',
        'NOT_INVITED',
        'INVITATION_NOT_OPEN',
        'BETA_ALREADY_REGISTERED',
        'BETA_SEATS_FULL',
      ]),
      reason: Type.String(),
    }),
  ),
})

/** `GET /v1/candidates/{id}/beta-invitations`: the invitations a candidate received and what each allows now. */
export function candidateInvitationRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
    app.get(
      '/candidates/:id/beta-invitations',
      {
        schema: {
          operationId: 'listBetaInvitations',
          summary:
            'The beta invitations mailed to a candidate, newest first, and whether each lets them register now',
          description:
            'One invitation per beta exam at most. A wave not yet opened has mailed nothing, so it is not listed.',
          tags: ['beta'],
          'x-problems': ['CANDIDATE_NOT_FOUND'],
          params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
          response: { 200: Type.Object({ items: Type.Array(InvitationOut) }) },
        },
      },
      async (request) => {
        requireCandidateAccess(request.principal, request.params.id, 'id')
        const { candidate, items } = await listBetaInvitations(deps, request.params.id)
        return {
          items: items.map(({ invitation, access }) => ({
            exam: invitation.exam,
            wave: {
              id: invitation.waveId,
              name: invitation.waveName,
              position: invitation.position,
            },
            invitedAt: toInstantOut(invitation.mailedAt),
            invitedAtLocal: toLocalOut(invitation.mailedAt, candidate.timeZone),
            code:
              invitation.voucherCode === null ? null : formatVoucherCode(invitation.voucherCode),
            mayRegister: access.allowed,
            refusal: access.allowed ? null : { code: access.code, reason: access.reason },
          })),
        }
      },
    )
  }
}
