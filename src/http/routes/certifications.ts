import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import { requireCandidateAccess } from '../../app/access/require-access.js'
import type { AppDeps } from '../../app/app-deps.js'
import { listEarnedCertifications } from '../../app/candidates/list-earned-certifications.js'
import { LocalTimeText, toInstantOut, toLocalOut } from '../schemas/instant.js'
import { Nullable } from '../schemas/nullable.js'

const EarnedOut = Type.Object({
  certificationId: Type.String(),
  name: Type.String(),
  exams: Type.Array(Type.String()),
  earnedAt: Type.String(),
  expiresAt: Nullable(Type.String({ description: 'null: it does not expire' })),
  expiresAtLocal: Nullable(LocalTimeText),
  current: Type.Boolean({ description: 'Not expired now' }),
})

/** `GET /v1/candidates/{id}/certifications`: what the history has earned. */
export function certificationRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
    app.get(
      '/candidates/:id/certifications',
      {
        schema: {
          operationId: 'listEarnedCertifications',
          summary: 'Certifications earned by the candidate, current or expired',
          tags: ['candidates'],
          'x-problems': ['CANDIDATE_NOT_FOUND'],
          params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
          response: { 200: Type.Object({ items: Type.Array(EarnedOut) }) },
        },
      },
      async (request) => {
        requireCandidateAccess(request.principal, request.params.id, 'id')
        const { candidate, earned } = await listEarnedCertifications(deps, request.params.id)
        return {
          items: earned.map((item) => ({
            certificationId: item.certificationId,
            name: item.name,
            exams: [...item.exams],
            earnedAt: toInstantOut(item.earnedAt),
            expiresAt: item.expiresAt === null ? null : toInstantOut(item.expiresAt),
            expiresAtLocal:
              item.expiresAt === null ? null : toLocalOut(item.expiresAt, candidate.timeZone),
            current: item.current,
          })),
        }
      },
    )
  }
}
