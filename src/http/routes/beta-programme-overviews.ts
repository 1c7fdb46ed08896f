import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import type { AppDeps } from '../../app/app-deps.js'
import {
  type BetaProgrammeOverview,
  getBetaProgrammeOverview,
  listBetaProgrammeOverviews,
} from '../../app/beta/programme-overview.js'
import { seatsLeft } from '../../domain/beta-programme.js'
import { toInstantOut } from '../schemas/instant.js'
import { Nullable } from '../schemas/nullable.js'
import { ExamParams } from '../schemas/request-fields.js'

const OverviewOut = Type.Object({
  exam: Type.String(),
  title: Type.String(),
  liveExam: Nullable(Type.String({ description: 'The live exam the beta previews' })),
  betaStart: Nullable(Type.String()),
  betaEnd: Nullable(Type.String()),
  seatLimit: Type.Integer(),
  seatsTaken: Type.Integer(),
  seatsLeft: Type.Integer(),
  acceptsNewCandidates: Type.Boolean(),
  restrictedCountries: Type.Array(Type.String()),
  resultsReleaseAt: Type.String(),
  resultsReleasedAt: Nullable(Type.String()),
  holdMinutes: Nullable(Type.Integer()),
  rosterSize: Type.Integer({ description: 'Candidates on the roster' }),
  waves: Type.Integer({ description: 'Waves composed, withdrawn ones included' }),
  rewardsIssued: Type.Integer({ description: 'Reward codes issued for taking this beta' }),
})

function toOverviewOut(record: BetaProgrammeOverview) {
  const { programme } = record
  const instant = (value: number | null) => (value === null ? null : toInstantOut(value))
  return {
    exam: programme.exam,
    title: record.title,
    liveExam: record.liveExam,
    betaStart: instant(record.betaStart),
    betaEnd: instant(record.betaEnd),
    seatLimit: programme.seatLimit,
    seatsTaken: programme.seatsTaken,
    seatsLeft: seatsLeft(programme),
    acceptsNewCandidates: programme.acceptsNewCandidates,
    restrictedCountries: [...programme.restrictedCountries],
    resultsReleaseAt: toInstantOut(programme.resultsReleaseAt),
    resultsReleasedAt: instant(programme.resultsReleasedAt),
    holdMinutes: programme.holdMinutes,
    rosterSize: record.rosterSize,
    waves: record.waves,
    rewardsIssued: record.rewardsIssued,
  }
}

/** `/v1/beta-programmes`: every beta programme as staff survey them, with the counts a candidate is not shown. */
export function betaProgrammeOverviewRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

    app.get(
      '/beta-programmes',
      {
        schema: {
          operationId: 'listBetaProgrammes',
          summary:
            'Every beta exam with a programme: seats, roster size, waves, results and rewards issued',
          tags: ['beta'],
          response: { 200: Type.Object({ items: Type.Array(OverviewOut) }) },
        },
      },
      async () => ({ items: (await listBetaProgrammeOverviews(deps)).map(toOverviewOut) }),
    )

    app.get(
      '/beta-programmes/:number',
      {
        schema: {
          operationId: 'getBetaProgrammeOverview',
          summary: "One beta exam's programme as staff survey it, with its counts",
          tags: ['beta'],
          'x-problems': ['EXAM_NUMBER_MALFORMED', 'EXAM_NOT_FOUND', 'BETA_PROGRAMME_NOT_FOUND'],
          params: ExamParams,
          response: { 200: OverviewOut },
        },
      },
      async (request) => toOverviewOut(await getBetaProgrammeOverview(deps, request.params.number)),
    )
  }
}
