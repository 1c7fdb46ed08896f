import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import type { AppDeps } from '../../app/app-deps.js'
import {
  addCandidatesToRoster,
  getBetaProgramme,
  setBetaProgramme,
} from '../../app/beta/beta-programme.js'
import { releaseBetaResults } from '../../app/beta/release-beta-results.js'
import { AppError } from '../../app/errors.js'
import { type BetaProgramme, seatsLeft } from '../../domain/beta-programme.js'
import { MAX_HOLD_MINUTES, MIN_HOLD_MINUTES } from '../../domain/unpaid-hold.js'
import { BULK_BODY_LIMIT } from '../body-limits.js'
import { InstantText, toInstantOut } from '../schemas/instant.js'
import { Nullable } from '../schemas/nullable.js'
import { ExamParams } from '../schemas/request-fields.js'
import { actorOf } from './registrations.js'

const ProgrammeOut = Type.Object({
  exam: Type.String(),
  seatLimit: Type.Integer(),
  seatsTaken: Type.Integer(),
  seatsLeft: Type.Integer(),
  acceptsNewCandidates: Type.Boolean(),
  restrictedCountries: Type.Array(Type.String()),
  resultsReleaseAt: Type.String(),
  resultsReleasedAt: Nullable(Type.String()),
  holdMinutes: Nullable(
    Type.Integer({
      description: 'How long an unpaid booking holds its seat; null: the programme-wide setting',
    }),
  ),
})

function toProgrammeOut(programme: BetaProgramme) {
  return {
    ...programme,
    restrictedCountries: [...programme.restrictedCountries],
    seatsLeft: seatsLeft(programme),
    resultsReleaseAt: toInstantOut(programme.resultsReleaseAt),
    resultsReleasedAt:
      programme.resultsReleasedAt === null ? null : toInstantOut(programme.resultsReleasedAt),
  }
}

/** `/v1/exams/{number}/beta-programme`: a beta exam's seats, roster, restrictions and results date. */
export function betaProgrammeRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

    app.put(
      '/exams/:number/beta-programme',
      {
        schema: {
          operationId: 'setBetaProgramme',
          summary: "Set up or change a beta exam's programme",
          tags: ['beta'],
          'x-problems': [
            'EXAM_NUMBER_MALFORMED',
            'EXAM_NOT_FOUND',
            'COUNTRY_INVALID',
            'INSTANT_INVALID',
            'BETA_PROGRAMME_INVALID',
          ],
          params: ExamParams,
          body: Type.Object(
            {
              seatLimit: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
              acceptsNewCandidates: Type.Boolean(),
              restrictedCountries: Type.Array(Type.String({ minLength: 2, maxLength: 2 }), {
                maxItems: 250,
                examples: [['CN', 'IR']],
              }),
              resultsReleaseAt: InstantText,
              holdMinutes: Type.Optional(
                Nullable(
                  Type.Integer({
                    minimum: MIN_HOLD_MINUTES,
                    maximum: MAX_HOLD_MINUTES,
                    description:
                      'Minutes an unpaid booking of this beta holds its seat; null or absent: EXAMDESK_HOLD_MINUTES',
                  }),
                ),
              ),
            },
            { additionalProperties: false },
          ),
          response: { 200: ProgrammeOut },
        },
      },
      async (request) =>
        toProgrammeOut(
          await setBetaProgramme(
            deps,
            request.params.number,
            request.body,
            actorOf(request, 'api'),
          ),
        ),
    )

    app.get(
      '/exams/:number/beta-programme',
      {
        schema: {
          operationId: 'getBetaProgramme',
          summary: "A beta exam's programme, with the seats left",
          tags: ['beta'],
          'x-problems': ['EXAM_NUMBER_MALFORMED', 'EXAM_NOT_FOUND', 'BETA_PROGRAMME_NOT_FOUND'],
          params: ExamParams,
          response: { 200: ProgrammeOut },
        },
      },
      async (request) => toProgrammeOut(await getBetaProgramme(deps, request.params.number)),
    )

    app.post(
      '/exams/:number/beta-programme/release-results',
      {
        schema: {
          operationId: 'releaseBetaResults',
          summary:
            'Release the beta results (from the release date): outcomes visible, mails, reward codes',
          tags: ['beta'],
          'x-problems': [
            'EXAM_NUMBER_MALFORMED',
            'EXAM_NOT_FOUND',
            'BETA_PROGRAMME_NOT_FOUND',
            'BETA_RESULTS_NOT_DUE',
          ],
          params: ExamParams,
          response: {
            200: Type.Object({
              exam: Type.String(),
              released: Type.Integer(),
              passed: Type.Integer(),
              failed: Type.Integer(),
              rewardsIssued: Type.Integer(),
            }),
          },
        },
      },
      async (request) => releaseBetaResults(deps, request.params.number, actorOf(request, 'api')),
    )

    app.post(
      '/exams/:number/beta-programme/roster',
      {
        schema: {
          operationId: 'addCandidatesToRoster',
          summary:
            "Put candidates on a beta's roster (who may register while it takes no new candidates)",
          tags: ['beta'],
          'x-problems': [
            'EXAM_NUMBER_MALFORMED',
            'EXAM_NOT_FOUND',
            'BETA_PROGRAMME_NOT_FOUND',
            'CANDIDATES_NOT_FOUND',
          ],
          params: ExamParams,
          body: Type.Object(
            {
              candidateIds: Type.Optional(
                Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
                  maxItems: 10_000,
                }),
              ),
              emails: Type.Optional(
                Type.Array(Type.String({ minLength: 3, maxLength: 254 }), {
                  maxItems: 10_000,
                  description: 'Candidates named by their email, whatever its case',
                }),
              ),
              source: Type.Optional(Type.String({ minLength: 1, maxLength: 40, default: 'list' })),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              added: Type.Integer({ description: 'Candidates who were not on the roster before' }),
            }),
          },
        },
        bodyLimit: BULK_BODY_LIMIT,
      },
      async (request) => {
        const { candidateIds = [], emails = [] } = request.body
        if (candidateIds.length + emails.length === 0) {
          throw new AppError('VALIDATION_FAILED', {
            field: 'candidateIds',
            problem: 'name at least one candidate, by id or by email',
          })
        }
        return {
          added: await addCandidatesToRoster(
            deps,
            request.params.number,
            { candidateIds, emails },
            request.body.source ?? 'list',
          ),
        }
      },
    )
  }
}
