import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import type { AppDeps } from '../../app/app-deps.js'
import { getCandidate, getCandidateFor } from '../../app/candidates/get-candidate.js'
import { computePaging } from '../../app/page.js'
import { listAttempts } from '../../app/retakes/list-attempts.js'
import { recordAttempt } from '../../app/retakes/record-attempt.js'
import { setAttemptOutcome } from '../../app/retakes/set-attempt-outcome.js'
import type { Attempt } from '../../domain/attempt.js'
import { InstantText, LocalTimeText, toInstantOut, toLocalOut } from '../schemas/instant.js'
import { Nullable } from '../schemas/nullable.js'
import { PageOut, PagingQuery } from '../schemas/paging.js'

const Outcome = Type.Union([Type.Literal('pass'), Type.Literal('fail'), Type.Literal('pending')])

const AttemptOut = Type.Object({
  id: Type.String(),
  candidateId: Type.String(),
  exam: Type.String(),
  creditFor: Type.String({
    description: 'The exam a pass earns credit for (a beta counts for its live exam)',
  }),
  provider: Type.String(),
  takenAt: Type.String(),
  takenAtLocal: LocalTimeText,
  outcome: Outcome,
})

const RecordAttemptBody = Type.Object(
  {
    candidateId: Type.String({ minLength: 1, maxLength: 64 }),
    exam: Type.String({ minLength: 1, maxLength: 20, examples: ['70-620'] }),
    takenAt: InstantText,
    outcome: Outcome,
    provider: Type.String({ minLength: 1, maxLength: 40, examples: ['prometric', 'pearson-vue'] }),
  },
  { additionalProperties: false },
)

function toAttemptOut(attempt: Attempt, candidateId: string, timeZone: string) {
  return {
    id: attempt.id,
    candidateId,
    exam: attempt.exam,
    creditFor: attempt.creditFor,
    provider: attempt.provider,
    takenAt: toInstantOut(attempt.takenAt),
    takenAtLocal: toLocalOut(attempt.takenAt, timeZone),
    outcome: attempt.outcome,
  }
}

/** `/v1/attempts` and a candidate's history: one history across every provider. */
export function attemptRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

    app.post(
      '/attempts',
      {
        schema: {
          operationId: 'recordAttempt',
          summary: 'Record a sitting and its outcome',
          tags: ['attempts'],
          'x-problems': [
            'CANDIDATE_NOT_FOUND',
            'EXAM_NUMBER_MALFORMED',
            'EXAM_NOT_FOUND',
            'INSTANT_INVALID',
            'PROVIDER_UNKNOWN',
            'ATTEMPT_IN_FUTURE',
            'EXAM_RETIRED',
          ],
          body: RecordAttemptBody,
          response: { 201: AttemptOut },
        },
      },
      async (request, reply) => {
        const attempt = await recordAttempt(deps, request.body, request.principal)
        const candidate = await getCandidate(deps, attempt.candidateId)
        return reply.code(201).send(toAttemptOut(attempt, attempt.candidateId, candidate.timeZone))
      },
    )

    app.patch(
      '/attempts/:id',
      {
        schema: {
          operationId: 'setAttemptOutcome',
          summary: 'Set the outcome of a recorded attempt (a result released later)',
          tags: ['attempts'],
          'x-problems': ['ATTEMPT_NOT_FOUND', 'OUTCOME_LOCKED'],
          params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
          body: Type.Object({ outcome: Outcome }, { additionalProperties: false }),
          response: { 200: AttemptOut },
        },
      },
      async (request) => {
        const attempt = await setAttemptOutcome(
          deps,
          { attemptId: request.params.id, outcome: request.body.outcome },
          request.principal,
        )
        const candidate = await getCandidate(deps, attempt.candidateId)
        return toAttemptOut(attempt, attempt.candidateId, candidate.timeZone)
      },
    )

    app.get(
      '/candidates/:id/attempts',
      {
        schema: {
          operationId: 'listAttempts',
          summary: "A candidate's attempts at every provider, oldest first, a page at a time",
          tags: ['attempts'],
          'x-problems': ['CANDIDATE_NOT_FOUND'],
          params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
          querystring: PagingQuery,
          response: {
            200: PageOut(
              Type.Intersect([
                AttemptOut,
                Type.Object({
                  resultsDueAt: Nullable(
                    Type.String({
                      description: 'For a beta result still withheld: when it will be released',
                    }),
                  ),
                  resultsDueAtLocal: Nullable(LocalTimeText),
                }),
              ]),
            ),
          },
        },
      },
      async (request) => {
        const candidate = await getCandidateFor(deps, request.params.id, request.principal, 'id')
        const page = await listAttempts(deps, candidate.id, computePaging(request.query))
        return {
          total: page.total,
          items: page.items.map((attempt) => {
            const dueAt = page.resultsDue.get(attempt.id) ?? null
            return {
              ...toAttemptOut(attempt, candidate.id, candidate.timeZone),
              resultsDueAt: dueAt === null ? null : toInstantOut(dueAt),
              resultsDueAtLocal: dueAt === null ? null : toLocalOut(dueAt, candidate.timeZone),
            }
          }),
        }
      },
    )
  }
}
