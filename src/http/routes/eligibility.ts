import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import { type Static, Type } from 'typebox'
import { requireCandidateAccess } from '../../app/access/require-access.js'
import type { AppDeps } from '../../app/app-deps.js'
import { decideEligibility, type Eligibility } from '../../app/retakes/decide-eligibility.js'
import type { EligibilityView } from '../../app/retakes/eligibility-view.js'
import { planRetakes } from '../../app/retakes/plan-retakes.js'
import { toRetakeRuleView } from '../../app/retakes/retake-rule-view.js'
import { RETAKE_CODES, UNAVAILABILITIES } from '../../domain/retake-decision.js'
import { InstantText, LocalTimeText, toInstantOut, toLocalOut } from '../schemas/instant.js'
import { Nullable } from '../schemas/nullable.js'
import { eligibilityAnswer } from './eligibility-answer.js'

const RetakeCode = Type.Enum([...RETAKE_CODES], { description: 'The rule that decided' })

const PolicyRefOut = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  name: Type.String(),
})

/** The figures of the rule that decided, so that a page can say it in any language. */
const RuleFields = {
  wait: Nullable(
    Type.Object(
      {
        policy: PolicyRefOut,
        hours: Type.Integer({ description: 'The wait the policy asks', examples: [336] }),
        afterFailures: Type.Integer({ description: 'Failures in a row, the last one included' }),
        lastAttemptAt: Type.String({ description: 'The failure the wait counts from' }),
        lastAttemptAtLocal: LocalTimeText,
      },
      { description: 'For `RETAKE_TOO_SOON`: the wait after a run of failures; null otherwise' },
    ),
  ),
  annualLimit: Nullable(
    Type.Object(
      {
        policy: PolicyRefOut,
        attempts: Type.Integer({ description: 'Attempts the policy allows in one period' }),
        taken: Type.Integer({ description: 'Attempts taken in the period' }),
        periodMonths: Type.Integer(),
        periodStart: Type.String({ description: 'The first attempt of the period' }),
        periodStartLocal: LocalTimeText,
      },
      { description: 'For `ANNUAL_LIMIT_REACHED`: the limit and its period; null otherwise' },
    ),
  ),
  unavailable: Type.Union([Type.Enum([...UNAVAILABILITIES]), Type.Null()], {
    description: 'For `EXAM_NOT_AVAILABLE`: why the exam cannot be sat at all; null otherwise',
  }),
}

const EligibilityOut = Type.Object({
  candidateId: Type.String(),
  exam: Type.String(),
  at: Type.String(),
  eligible: Type.Boolean(),
  earliestAt: Nullable(
    Type.String({
      description:
        'First instant at or after `at` when an attempt is allowed; null: never, under the current data',
    }),
  ),
  earliestAtLocal: Nullable(LocalTimeText),
  timeZone: Type.String({
    description: "The candidate's zone, used in `reason` and the local times",
  }),
  code: RetakeCode,
  reason: Type.String({ description: 'A sentence for the candidate' }),
  policy: Nullable(PolicyRefOut),
  attemptNumber: Type.Integer({ description: 'Which attempt at this exam the next one would be' }),
  waiverId: Nullable(
    Type.String({ description: 'The approved exception this attempt would use up' }),
  ),
  ...RuleFields,
})

const TimelineOut = Type.Object({
  candidateId: Type.String(),
  exam: Type.String(),
  from: Type.String(),
  timeZone: Type.String(),
  steps: Type.Array(
    Type.Object({
      attemptNumber: Type.Integer(),
      earliestAt: Nullable(Type.String()),
      earliestAtLocal: Nullable(LocalTimeText),
      code: RetakeCode,
      reason: Type.String(),
      policy: Nullable(PolicyRefOut),
      ...RuleFields,
      usesWaiver: Type.Boolean(),
    }),
  ),
})

/** The serializer Fastify made from the route's 200 schema, which writes every answer. */
function serializerOf(reply: FastifyReply): (view: EligibilityView) => string {
  const serialize = reply.getSerializationFunction('200')
  if (serialize === undefined) throw new Error('the eligibility route has no 200 schema')
  // The view is the schema's object; Fastify types a serializer's input loosely.
  return (view) => serialize(view as unknown as Record<string, unknown>)
}

/** Fastify's own type for JSON answers, so that this one is sent like every other. */
const JSON_TYPE = 'application/json; charset=utf-8'

const CandidateParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })
const ExamText = Type.String({ minLength: 1, maxLength: 20, examples: ['70-620'] })

/** Retake eligibility with its reason, and the "what if I fail" timeline. */
export function eligibilityRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

    app.get(
      '/candidates/:id/eligibility',
      {
        schema: {
          operationId: 'decideEligibility',
          summary: 'May the candidate sit this exam at `at`, and if not, from when and why?',
          tags: ['retake policy'],
          'x-problems': [
            'EXAM_NUMBER_MALFORMED',
            'INSTANT_INVALID',
            'CANDIDATE_NOT_FOUND',
            'EXAM_NOT_FOUND',
          ],
          params: CandidateParams,
          querystring: Type.Object({ exam: ExamText, at: Type.Optional(InstantText) }),
          response: { 200: EligibilityOut },
        },
      },
      (request, reply) => {
        // Decided on the id alone, before anything is read: another's record answers as missing.
        requireCandidateAccess(request.principal, request.params.id, 'id')
        const eligibility = decideEligibility(deps, {
          candidateId: request.params.id,
          ...request.query,
        })
        const send = (decided: Eligibility) => {
          const answer = eligibilityAnswer(decided, () => serializerOf(reply))
          // Text already JSON, which Fastify sends as it is; the type provider knows only the object.
          return reply.type(JSON_TYPE).send(answer as unknown as Static<typeof EligibilityOut>)
        }
        // A question asked before is answered at once: no promise for Fastify to wait on.
        if (!(eligibility instanceof Promise)) {
          send(eligibility)
          return
        }
        // A reply is a thenable that settles once it is sent: Fastify then has nothing to send.
        return eligibility.then(async (decided) => {
          await send(decided)
        })
      },
    )

    app.get(
      '/candidates/:id/timeline',
      {
        schema: {
          operationId: 'planRetakes',
          summary:
            'If every attempt from `from` on failed, when could each of the next six be taken?',
          tags: ['retake policy'],
          'x-problems': [
            'EXAM_NUMBER_MALFORMED',
            'INSTANT_INVALID',
            'CANDIDATE_NOT_FOUND',
            'EXAM_NOT_FOUND',
          ],
          params: CandidateParams,
          querystring: Type.Object({ exam: ExamText, from: Type.Optional(InstantText) }),
          response: { 200: TimelineOut },
        },
      },
      async (request) => {
        requireCandidateAccess(request.principal, request.params.id, 'id')
        const plan = await planRetakes(deps, { candidateId: request.params.id, ...request.query })
        return {
          candidateId: plan.candidateId,
          exam: plan.exam.number,
          from: toInstantOut(plan.from),
          timeZone: plan.timeZone,
          steps: plan.steps.map((step) => ({
            ...step,
            ...toRetakeRuleView(step, plan.timeZone),
            earliestAt: step.earliestAt === null ? null : toInstantOut(step.earliestAt),
            earliestAtLocal:
              step.earliestAt === null ? null : toLocalOut(step.earliestAt, plan.timeZone),
          })),
        }
      },
    )
  }
}
