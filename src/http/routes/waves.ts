import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import { namesOf, type WaveActor } from '../../app/actor.js'
import type { AppDeps } from '../../app/app-deps.js'
import { composeWave } from '../../app/beta/compose-wave.js'
import { getWaveView, listWaves } from '../../app/beta/get-wave.js'
import { checkWave, openWave, pauseWave, resumeWave } from '../../app/beta/open-wave.js'
import { sendWave } from '../../app/beta/send-wave.js'
import { withdrawWave } from '../../app/beta/withdraw-wave.js'
import { BULK_BODY_LIMIT } from '../body-limits.js'
import { toInstantOut } from '../schemas/instant.js'
import { ExamParams } from '../schemas/request-fields.js'
import {
  SelfCheckOut,
  SentWaveOut,
  toWaveOut,
  WaveBody,
  WaveOut,
  WaveParams,
} from '../schemas/wave.js'

function waveActorOf(request: FastifyRequest): WaveActor {
  const { principal } = request
  return {
    id: principal.id,
    role: principal.role,
    channel: 'api',
    ...namesOf(principal),
  }
}

/** Invitation waves of a beta exam: composed per exam, then opened, paused, resumed or withdrawn by id. */
export function waveRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

    app.post(
      '/exams/:number/beta-programme/waves',
      {
        schema: {
          operationId: 'composeWave',
          summary: "Compose a beta exam's next invitation wave: its invitees and their codes",
          tags: ['beta'],
          'x-problems': [
            'EXAM_NUMBER_MALFORMED',
            'EXAM_NOT_FOUND',
            'BETA_PROGRAMME_NOT_FOUND',
            'WAVE_CONFLICT',
            'CANDIDATES_NOT_FOUND',
            'WAVE_EMPTY',
          ],
          params: ExamParams,
          body: WaveBody,
          response: { 201: WaveOut },
        },
        bodyLimit: BULK_BODY_LIMIT,
      },
      async (request, reply) => {
        const view = await composeWave(
          deps,
          request.params.number,
          request.body,
          waveActorOf(request),
        )
        reply.code(201).header('location', `/v1/waves/${view.id}`)
        return toWaveOut(view)
      },
    )

    app.get(
      '/exams/:number/beta-programme/waves',
      {
        schema: {
          operationId: 'listWaves',
          summary: "A beta exam's invitation waves, in order, with their counts",
          tags: ['beta'],
          'x-problems': ['EXAM_NUMBER_MALFORMED', 'EXAM_NOT_FOUND', 'BETA_PROGRAMME_NOT_FOUND'],
          params: ExamParams,
          response: { 200: Type.Object({ items: Type.Array(WaveOut) }) },
        },
      },
      async (request) => ({
        items: (await listWaves(deps, request.params.number)).map(toWaveOut),
      }),
    )

    app.get(
      '/waves/:id',
      {
        schema: {
          operationId: 'getWave',
          summary:
            'One invitation wave: status, open time, and invited, mailed, delivered, registered',
          tags: ['beta'],
          'x-problems': ['WAVE_NOT_FOUND'],
          params: WaveParams,
          response: { 200: WaveOut },
        },
      },
      async (request) => toWaveOut(await getWaveView(deps, request.params.id)),
    )

    app.post(
      '/waves/:id/self-check',
      {
        schema: {
          operationId: 'checkWave',
          summary:
            "Run a wave's self-check without opening it: a trial registration of one invitee with their code, online and by phone, rolled back",
          tags: ['beta'],
          'x-problems': ['WAVE_NOT_FOUND', 'WAVE_WITHDRAWN'],
          params: WaveParams,
          response: { 200: SelfCheckOut },
        },
      },
      async (request) => {
        const report = await checkWave(deps, request.params.id)
        return { ...report, checkedAt: toInstantOut(report.checkedAt) }
      },
    )

    app.post(
      '/waves/:id/send',
      {
        schema: {
          operationId: 'sendWave',
          summary:
            "Put an open wave's invitation mails in the outbox; sending again sends only what is missing",
          tags: ['beta'],
          'x-problems': ['WAVE_NOT_FOUND', 'WAVE_NOT_OPEN'],
          params: WaveParams,
          response: { 200: SentWaveOut },
        },
      },
      async (request) => sendWave(deps, { waveId: request.params.id }, waveActorOf(request)),
    )

    const actions = [
      [
        'open',
        openWave,
        'Open a wave: after its self-check, its invitees join the roster and its clock starts',
        ['WAVE_NOT_FOUND', 'WAVE_WITHDRAWN', 'WAVE_TOO_EARLY', 'WAVE_SELF_CHECK_FAILED'],
      ],
      [
        'pause',
        pauseWave,
        "Pause a wave's priority clock (registration is not working for it)",
        ['WAVE_NOT_FOUND', 'WAVE_WITHDRAWN', 'WAVE_NOT_OPEN'],
      ],
      [
        'resume',
        resumeWave,
        "Resume a paused wave's clock, after the self-check",
        ['WAVE_NOT_FOUND', 'WAVE_WITHDRAWN', 'WAVE_NOT_OPEN', 'WAVE_SELF_CHECK_FAILED'],
      ],
      [
        'withdraw',
        withdrawWave,
        'Withdraw a wave that never opened: its codes stop working and it holds back no later wave',
        ['WAVE_NOT_FOUND', 'WAVE_ALREADY_OPENED'],
      ],
    ] as const
    for (const [action, run, summary, problems] of actions) {
      app.post(
        `/waves/:id/${action}`,
        {
          schema: {
            operationId: `${action}Wave`,
            summary,
            tags: ['beta'],
            'x-problems': problems,
            params: WaveParams,
            response: { 200: WaveOut },
          },
        },
        async (request) => toWaveOut(await run(deps, request.params.id, waveActorOf(request))),
      )
    }
  }
}
