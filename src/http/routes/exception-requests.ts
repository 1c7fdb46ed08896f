import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import {
  getExceptionRequest,
  listCandidateExceptionRequests,
} from '../../app/exceptions/get-exception-request.js'
import {
  type ExceptionQueueDeps,
  listExceptionQueue,
} from '../../app/exceptions/list-exception-queue.js'
import { type ExceptionDeps, requestException } from '../../app/exceptions/request-exception.js'
import { reviewException } from '../../app/exceptions/review-exception.js'
import { computePaging } from '../../app/page.js'
import {
  ApproveBody,
  DenyBody,
  ExceptionRequestBody,
  ExceptionRequestOut,
  toExceptionRequestOut,
} from '../schemas/exception-request.js'
import { toInstantOut, toLocalOut } from '../schemas/instant.js'
import { PageOut, PagingFields, PagingQuery } from '../schemas/paging.js'
import { AuditEntryOut, toAuditEntryOut } from '../schemas/registration.js'
import { actorOf, IdempotencyHeaders, idempotencyOf } from './registrations.js'

const RequestParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) })

const QueuedRequestOut = Type.Object({
  request: ExceptionRequestOut,
  waitedMinutes: Type.Integer({
    description: 'How long it has waited: from filing until now, or until its review',
  }),
  dueAt: Type.String({
    description:
      'When support should have decided: `EXAMDESK_EXCEPTION_DUE_WORKING_DAYS` working days (Monday to Friday) after filing, on the programme’s clock',
  }),
  dueAtLocal: Type.String({
    description: 'The due time on the programme’s clock (`EXAMDESK_PROGRAMME_TIME_ZONE`)',
    examples: ['2026-06-17T12:00 UTC'],
  }),
  overdue: Type.Boolean({ description: 'Not decided by its due time' }),
})

/** `/v1/exception-requests`: asking for a retake exception, and support's review of it. */
export function exceptionRequestRoutes(
  deps: ExceptionDeps & ExceptionQueueDeps,
): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

    app.post(
      '/exception-requests',
      {
        schema: {
          operationId: 'requestException',
          summary:
            'Ask for a retake exception after a sitting a technical problem spoiled (every problem listed at once)',
          tags: ['exception requests'],
          'x-problems': [
            'EXCEPTION_REQUEST_EXISTS',
            'EXCEPTION_REQUEST_INVALID',
            'EXCEPTION_REASON_NOT_ACCEPTED',
            'IDEMPOTENCY_KEY_REUSED',
            'ON_BEHALF_REASON_REQUIRED',
          ],
          headers: IdempotencyHeaders,
          body: ExceptionRequestBody,
          response: { 201: ExceptionRequestOut },
        },
      },
      async (request, reply) => {
        const { channel, onBehalfReason, ...fields } = request.body
        const outcome = await requestException(
          deps,
          fields,
          actorOf(request, channel, onBehalfReason),
          idempotencyOf(request),
        )
        if (outcome.replayed) reply.header('idempotent-replayed', 'true')
        return reply
          .code(201)
          .header('location', `/v1/exception-requests/${outcome.result.id}`)
          .send(toExceptionRequestOut(outcome.result))
      },
    )

    app.post(
      '/exception-requests/:id/approve',
      {
        schema: {
          operationId: 'approveException',
          summary:
            'Approve a request: the candidate gets a waiver for their next attempt at the exam',
          tags: ['exception requests'],
          'x-problems': [
            'EXCEPTION_REQUEST_NOT_FOUND',
            'EXCEPTION_REQUEST_ALREADY_REVIEWED',
            'EXCEPTION_WAIVES_NOTHING',
          ],
          params: RequestParams,
          body: ApproveBody,
          response: { 200: ExceptionRequestOut },
        },
      },
      async (request) =>
        toExceptionRequestOut(
          await reviewException(
            deps,
            request.params.id,
            { decision: 'approve', ...request.body },
            actorOf(request, 'api'),
          ),
        ),
    )

    app.post(
      '/exception-requests/:id/deny',
      {
        schema: {
          operationId: 'denyException',
          summary: 'Deny a request, saying why (the note is mailed to the candidate)',
          tags: ['exception requests'],
          'x-problems': ['EXCEPTION_REQUEST_NOT_FOUND', 'EXCEPTION_REQUEST_ALREADY_REVIEWED'],
          params: RequestParams,
          body: DenyBody,
          response: { 200: ExceptionRequestOut },
        },
      },
      async (request) =>
        toExceptionRequestOut(
          await reviewException(
            deps,
            request.params.id,
            { decision: 'deny', note: request.body.note },
            actorOf(request, 'api'),
          ),
        ),
    )

    app.get(
      '/exception-requests',
      {
        schema: {
          operationId: 'listExceptionQueue',
          summary:
            'The exception requests waiting for review (or with another status), oldest first, each with how long it has waited and its due time',
          tags: ['exception requests'],
          querystring: Type.Object({
            status: Type.Optional(
              Type.Enum(['open', 'approved', 'denied'], {
                default: 'open',
                description: '`open`: waiting for review',
              }),
            ),
            ...PagingFields,
          }),
          response: { 200: PageOut(QueuedRequestOut) },
        },
      },
      async (request) => {
        const { status = 'open', ...paging } = request.query
        const page = await listExceptionQueue(deps, status, computePaging(paging))
        return {
          items: page.items.map((queued) => ({
            request: toExceptionRequestOut(queued.request),
            waitedMinutes: Math.floor(queued.waitedMs / 60_000),
            dueAt: toInstantOut(queued.dueAt),
            dueAtLocal: toLocalOut(queued.dueAt, page.timeZone),
            overdue: queued.overdue,
          })),
          total: page.total,
        }
      },
    )

    app.get(
      '/exception-requests/:id',
      {
        schema: {
          operationId: 'getExceptionRequest',
          summary: 'An exception request, where it stands, and every step taken on it',
          tags: ['exception requests'],
          'x-problems': ['EXCEPTION_REQUEST_NOT_FOUND'],
          params: RequestParams,
          response: {
            200: Type.Object({
              request: ExceptionRequestOut,
              history: Type.Array(AuditEntryOut),
            }),
          },
        },
      },
      async (request) => {
        const { request: found, history } = await getExceptionRequest(
          deps,
          request.params.id,
          request.principal,
        )
        return { request: toExceptionRequestOut(found), history: history.map(toAuditEntryOut) }
      },
    )

    app.get(
      '/candidates/:id/exception-requests',
      {
        schema: {
          operationId: 'listCandidateExceptionRequests',
          summary: "A candidate's exception requests, newest first, a page at a time",
          tags: ['exception requests'],
          'x-problems': ['CANDIDATE_NOT_FOUND'],
          params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
          querystring: PagingQuery,
          response: { 200: PageOut(ExceptionRequestOut) },
        },
      },
      async (request) => {
        const page = await listCandidateExceptionRequests(
          deps,
          request.params.id,
          computePaging(request.query),
          request.principal,
        )
        return { items: page.items.map(toExceptionRequestOut), total: page.total }
      },
    )
  }
}
