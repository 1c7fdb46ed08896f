import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import type { AppDeps } from '../../app/app-deps.js'
import { createCandidate } from '../../app/candidates/create-candidate.js'
import { getCandidateFor } from '../../app/candidates/get-candidate.js'
import { updateCandidate } from '../../app/candidates/update-candidate.js'
import type { Candidate } from '../../domain/candidate.js'
import { toInstantOut } from '../schemas/instant.js'
import { Channel, OnBehalfReason } from '../schemas/request-fields.js'
import { actorOf } from './registrations.js'

const CandidateOut = Type.Object({
  id: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  email: Type.String(),
  country: Type.String({ description: 'ISO 3166-1 alpha-2' }),
  timeZone: Type.String({ description: 'IANA time zone; times are shown in it' }),
  createdAt: Type.String(),
})

const CreateCandidateBody = Type.Object(
  {
    firstName: Type.String({ minLength: 1, maxLength: 100 }),
    lastName: Type.String({ minLength: 1, maxLength: 100 }),
    email: Type.String({ minLength: 3, maxLength: 254 }),
    country: Type.String({ maxLength: 8, examples: ['NZ'] }),
    timeZone: Type.String({ maxLength: 64, examples: ['Pacific/Auckland'] }),
  },
  { additionalProperties: false },
)

const ProfileChangeBody = Type.Object(
  {
    firstName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    lastName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    timeZone: Type.Optional(Type.String({ maxLength: 64, examples: ['Europe/Berlin'] })),
    channel: Channel,
    onBehalfReason: OnBehalfReason,
  },
  { additionalProperties: false },
)

function toCandidateOut(candidate: Candidate) {
  return { ...candidate, createdAt: toInstantOut(candidate.createdAt) }
}

/** `/v1/candidates`: the people who sit exams. */
export function candidateRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

    app.post(
      '/candidates',
      {
        schema: {
          operationId: 'createCandidate',
          summary: 'Register a candidate',
          tags: ['candidates'],
          'x-problems': ['EMAIL_INVALID', 'COUNTRY_INVALID', 'TIME_ZONE_INVALID'],
          body: CreateCandidateBody,
          response: { 201: CandidateOut },
        },
      },
      async (request, reply) => {
        const candidate = await createCandidate(deps, request.body)
        return reply
          .code(201)
          .header('location', `/v1/candidates/${candidate.id}`)
          .send(toCandidateOut(candidate))
      },
    )

    app.get(
      '/candidates/:id',
      {
        schema: {
          operationId: 'getCandidate',
          summary: 'One candidate',
          tags: ['candidates'],
          'x-problems': ['CANDIDATE_NOT_FOUND'],
          params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
          response: { 200: CandidateOut },
        },
      },
      async (request) =>
        toCandidateOut(await getCandidateFor(deps, request.params.id, request.principal, 'id')),
    )

    app.patch(
      '/candidates/:id',
      {
        schema: {
          operationId: 'updateCandidate',
          summary: "Change a candidate's name or time zone",
          description:
            'Only the fields given change; the change is audited with what was before. The email and the country are not changed here.',
          tags: ['candidates'],
          'x-problems': ['CANDIDATE_NOT_FOUND', 'TIME_ZONE_INVALID', 'ON_BEHALF_REASON_REQUIRED'],
          params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
          body: ProfileChangeBody,
          response: { 200: CandidateOut },
        },
      },
      async (request) => {
        const { channel, onBehalfReason, ...change } = request.body
        return toCandidateOut(
          await updateCandidate(
            deps,
            actorOf(request, channel, onBehalfReason),
            request.params.id,
            change,
          ),
        )
      },
    )
  }
}
