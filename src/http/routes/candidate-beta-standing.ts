import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import { requireCandidateAccess } from '../../app/access/require-access.js'
import type { AppDeps } from '../../app/app-deps.js'
import { getBetaStanding } from '../../app/beta/get-beta-standing.js'
import { Nullable } from '../schemas/nullable.js'

const BetaStandingOut = Type.Object({
  candidateId: Type.String(),
  exam: Type.String({ examples: ['071-621'] }),
  onRoster: Type.Boolean({
    description:
      "On the programme's roster: a closed programme takes registrations from its roster only",
  }),
  waitingForWave: Nullable(
    Type.Object(
      {
        id: Type.String(),
        position: Type.Integer({ description: 'Which wave of the exam' }),
      },
      {
        description: 'The wave that invites the candidate, while it has not opened; null otherwise',
      },
    ),
  ),
  registrationId: Nullable(
    Type.String({
      description: "The candidate's one registration for this beta, at any provider, if any",
    }),
  ),
})

/** `GET /v1/candidates/{id}/beta-standing`: where a candidate stands with one beta programme. */
export function candidateBetaStandingRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
    app.get(
      '/candidates/:id/beta-standing',
      {
        schema: {
          operationId: 'getBetaStanding',
          summary:
            "Where a candidate stands with a beta exam's programme: on its roster, invited by a wave still to open, registered",
          description:
            'The invitations mailed are `GET /v1/candidates/{id}/beta-invitations`; whether the candidate may register now, and why not, is eligibility.',
          tags: ['beta'],
          'x-problems': [
            'EXAM_NUMBER_MALFORMED',
            'CANDIDATE_NOT_FOUND',
            'EXAM_NOT_FOUND',
            'BETA_PROGRAMME_NOT_FOUND',
          ],
          params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
          querystring: Type.Object({
            exam: Type.String({ minLength: 1, maxLength: 20, examples: ['71-621'] }),
          }),
          response: { 200: BetaStandingOut },
        },
      },
      async (request) => {
        // Decided on the id alone, before anything is read: another's record answers as missing.
        requireCandidateAccess(request.principal, request.params.id, 'id')
        const standing = await getBetaStanding(deps, request.params.id, request.query.exam)
        return {
          candidateId: standing.candidate.id,
          exam: standing.exam.number,
          onRoster: standing.onRoster,
          waitingForWave: standing.waitingForWave,
          registrationId: standing.registrationId,
        }
      },
    )
  }
}
