import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { type TSchema, Type } from 'typebox'
import { type Actor, actorFor } from '../../app/actor.js'
import type { AppDeps } from '../../app/app-deps.js'
import { AppError, type ErrorCode } from '../../app/errors.js'
import type { Idempotent } from '../../app/idempotent.js'
import { computePaging } from '../../app/page.js'
import { cancelRegistration } from '../../app/registrations/cancel-registration.js'
import {
  getRegistration,
  listCandidateRegistrations,
} from '../../app/registrations/get-registration.js'
import { getRegistrationCalendar } from '../../app/registrations/get-registration-calendar.js'
import { payRegistration } from '../../app/registrations/pay-registration.js'
import { register } from '../../app/registrations/register.js'
import type { RegistrationView } from '../../app/registrations/registration-view.js'
import { rescheduleRegistration } from '../../app/registrations/reschedule-registration.js'
import { reportSitting, type SittingReport } from '../../app/retakes/report-sitting.js'
import {
  CODE_ENTRY_REFUSALS,
  CODE_REFUSALS,
  RETAKE_REFUSALS,
  SEAT_REFUSALS,
} from '../booking-problems.js'
import { PageOut, PagingQuery } from '../schemas/paging.js'
import {
  AuditEntryOut,
  RegistrationOut,
  toAuditEntryOut,
  toRegistrationOut,
} from '../schemas/registration.js'
import { Channel, CurrencyCode, OnBehalfReason, PayableMethod } from '../schemas/request-fields.js'

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      description:
        'A unique string per intended action; a retry with the same key never acts twice',
    }),
  ),
})
const RegistrationParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) })

/** The caller as the use case's actor: by the channel the body names (the API unless told) and, for staff acting for a candidate, the reason given. */
export function actorOf(
  request: FastifyRequest,
  channel: Actor['channel'] | undefined,
  reason?: string,
  reasonField?: string,
): Actor {
  return actorFor(request.principal, {
    channel: channel ?? 'api',
    reason,
    ...(reasonField === undefined ? {} : { reasonField }),
    address: request.ip,
  })
}

/** The request's `Idempotency-Key`, or null when it sent none. */
export function idempotencyOf(request: FastifyRequest) {
  const key = request.headers['idempotency-key']
  return typeof key === 'string' && key !== '' ? { principalId: request.principal.id, key } : null
}

/** The request's `Idempotency-Key`, or IDEMPOTENCY_KEY_REQUIRED for a request that must carry one. */
export function requireIdempotencyKey(request: FastifyRequest) {
  const idempotency = idempotencyOf(request)
  if (!idempotency)
    throw new AppError('IDEMPOTENCY_KEY_REQUIRED', { field: 'Idempotency-Key', location: 'header' })
  return idempotency
}

function send(reply: FastifyReply, outcome: Idempotent<RegistrationView>, status: number) {
  if (outcome.replayed) reply.header('idempotent-replayed', 'true')
  return reply.code(status).send(toRegistrationOut(outcome.result, reply.request.principal))
}

/** `/v1/registrations`: booking, rescheduling and cancelling seats. */
export function registrationRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

    app.post(
      '/registrations',
      {
        schema: {
          operationId: 'register',
          summary: 'Book a seat for a candidate (needs an Idempotency-Key header)',
          description:
            "Books one seat, judged by the retake policy for the slot's start on the candidate's history at every provider. The `Idempotency-Key` header is required: the same key and body answer the same registration again (`Idempotent-Replayed: true`) and never book twice. A code that would give up a free retake is refused (`CODE_WOULD_FORFEIT`) unless `acknowledgeForfeit` is true; `GET /v1/vouchers/{code}/preview` says beforehand what a code would do. A seat whose reschedule or cancel deadline has already passed (each slot in `GET /v1/slots` says until when) is refused (`CHANGE_DEADLINES_PASSED`) unless `acknowledgeDeadlines` is true. With an amount due the registration holds its seat unpaid until `holdExpiresAt`.",
          tags: ['registrations'],
          'x-problems': [
            'IDEMPOTENCY_KEY_REQUIRED',
            'IDEMPOTENCY_KEY_REUSED',
            'EXAM_NUMBER_MALFORMED',
            'ON_BEHALF_REASON_REQUIRED',
            'CANDIDATE_NOT_FOUND',
            'EXAM_NOT_FOUND',
            'ALREADY_REGISTERED',
            ...SEAT_REFUSALS,
            'CHANGE_DEADLINES_PASSED',
            ...RETAKE_REFUSALS,
            ...CODE_REFUSALS,
            ...CODE_ENTRY_REFUSALS,
            'CODE_WOULD_FORFEIT',
            'CURRENCY_NOT_PRICED',
          ],
          headers: IdempotencyHeaders,
          body: Type.Object(
            {
              candidateId: Type.String({ minLength: 1, maxLength: 64 }),
              exam: Type.String({ minLength: 1, maxLength: 20, examples: ['70-620'] }),
              slotId: Type.String({ minLength: 1, maxLength: 64 }),
              channel: Channel,
              voucherCode: Type.Optional(
                Type.String({ minLength: 1, maxLength: 64, examples: ['K7QM2X-9HDR4T-WPB3NZ'] }),
              ),
              voucherCodes: Type.Optional(
                Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 3 }),
              ),
              acknowledgeForfeit: Type.Optional(
                Type.Boolean({
                  description: 'Go ahead although the registration gives up a free retake',
                }),
              ),
              acknowledgeDeadlines: Type.Optional(
                Type.Boolean({
                  description:
                    "Go ahead although the seat's reschedule or cancel deadline has passed (the search says so: `deadlinesPassed`)",
                }),
              ),
              payment: Type.Optional(
                Type.Object(
                  {
                    method: PayableMethod,
                    reference: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
                  },
                  { additionalProperties: false },
                ),
              ),
              currency: Type.Optional(CurrencyCode({ examples: ['USD'] })),
              onBehalfReason: OnBehalfReason,
            },
            { additionalProperties: false },
          ),
          response: { 201: RegistrationOut },
        },
        config: { countsBookings: true },
      },
      async (request, reply) => {
        const { channel, onBehalfReason, voucherCode, voucherCodes, ...rest } = request.body
        const codes = [...(voucherCode === undefined ? [] : [voucherCode]), ...(voucherCodes ?? [])]
        const outcome = await register(
          deps,
          { ...rest, ...(codes.length > 0 ? { voucherCodes: codes } : {}) },
          actorOf(request, channel, onBehalfReason),
          requireIdempotencyKey(request),
        )
        reply.header('location', `/v1/registrations/${outcome.result.id}`)
        return send(reply, outcome, 201)
      },
    )

    app.post(
      '/registrations/:id/reschedule',
      {
        schema: {
          operationId: 'rescheduleRegistration',
          summary: "Move a registration to another slot, within the provider's window",
          tags: ['registrations'],
          'x-problems': [
            'IDEMPOTENCY_KEY_REUSED',
            'REGISTRATION_NOT_FOUND',
            'REGISTRATION_NOT_ACTIVE',
            'CHANGE_WINDOW_CLOSED',
            'REGISTRATION_CHANGED',
            'SLOT_UNCHANGED',
            'ON_BEHALF_REASON_REQUIRED',
            ...SEAT_REFUSALS,
            'CHANGE_DEADLINES_PASSED',
            ...RETAKE_REFUSALS,
            ...CODE_REFUSALS,
          ],
          headers: IdempotencyHeaders,
          params: RegistrationParams,
          body: Type.Object(
            {
              slotId: Type.String({ minLength: 1, maxLength: 64 }),
              acknowledgeDeadlines: Type.Optional(
                Type.Boolean({
                  description:
                    "Go ahead although the new seat's reschedule or cancel deadline has passed",
                }),
              ),
              channel: Channel,
              onBehalfReason: OnBehalfReason,
            },
            { additionalProperties: false },
          ),
          response: { 200: RegistrationOut },
        },
      },
      async (request, reply) => {
        const outcome = await rescheduleRegistration(
          deps,
          {
            registrationId: request.params.id,
            slotId: request.body.slotId,
            ...(request.body.acknowledgeDeadlines === undefined
              ? {}
              : { acknowledgeDeadlines: request.body.acknowledgeDeadlines }),
          },
          actorOf(request, request.body.channel, request.body.onBehalfReason),
          idempotencyOf(request),
        )
        return send(reply, outcome, 200)
      },
    )

    app.post(
      '/registrations/:id/cancel',
      {
        schema: {
          operationId: 'cancelRegistration',
          summary: "Cancel a registration, within the provider's window",
          tags: ['registrations'],
          'x-problems': [
            'REGISTRATION_NOT_FOUND',
            'REGISTRATION_NOT_ACTIVE',
            'CHANGE_WINDOW_CLOSED',
            'REGISTRATION_CHANGED',
            'IDEMPOTENCY_KEY_REUSED',
            'ON_BEHALF_REASON_REQUIRED',
          ],
          headers: IdempotencyHeaders,
          params: RegistrationParams,
          body: Type.Optional(
            Type.Object(
              { channel: Channel, onBehalfReason: OnBehalfReason },
              { additionalProperties: false },
            ),
          ),
          response: { 200: RegistrationOut },
        },
      },
      async (request, reply) => {
        const outcome = await cancelRegistration(
          deps,
          request.params.id,
          actorOf(request, request.body?.channel, request.body?.onBehalfReason),
          idempotencyOf(request),
        )
        return send(reply, outcome, 200)
      },
    )

    app.post(
      '/registrations/:id/payment',
      {
        schema: {
          operationId: 'payRegistration',
          summary: 'Record the payment of what a registration has left to pay, which confirms it',
          tags: ['registrations'],
          'x-problems': [
            'REGISTRATION_NOT_FOUND',
            'REGISTRATION_NOT_ACTIVE',
            'PAYMENT_NOT_DUE',
            'PAYMENT_METHOD_NOT_ACCEPTED',
            'HOLD_EXPIRED',
            'REGISTRATION_CHANGED',
            'PAYMENT_AMOUNT_MISMATCH',
            'IDEMPOTENCY_KEY_REUSED',
            'ON_BEHALF_REASON_REQUIRED',
          ],
          headers: IdempotencyHeaders,
          params: RegistrationParams,
          body: Type.Object(
            {
              method: PayableMethod,
              currency: CurrencyCode({ examples: ['USD'] }),
              cents: Type.Integer({ minimum: 0, maximum: 100_000_000, examples: [16500] }),
              reference: Type.Optional(
                Type.String({
                  minLength: 1,
                  maxLength: 100,
                  description: 'Card authorisation, company voucher or invoice number',
                }),
              ),
              channel: Channel,
              onBehalfReason: OnBehalfReason,
            },
            { additionalProperties: false },
          ),
          response: { 200: RegistrationOut },
        },
      },
      async (request, reply) => {
        const { channel, onBehalfReason, ...payment } = request.body
        const outcome = await payRegistration(
          deps,
          request.params.id,
          payment,
          actorOf(request, channel, onBehalfReason),
          idempotencyOf(request),
        )
        return send(reply, outcome, 200)
      },
    )

    // Every report is refused for these; a result also for its takenAt.
    const REPORT_REFUSALS: ErrorCode[] = [
      'REGISTRATION_NOT_FOUND',
      'PAYMENT_DUE',
      'REGISTRATION_NOT_ACTIVE',
      'REPORT_TOO_EARLY',
      'REGISTRATION_CHANGED',
    ]
    const reportRoute = (
      path: string,
      docs: { operationId: string; summary: string; problems: readonly ErrorCode[] },
      toReport: (body: never) => SittingReport,
      body?: TSchema,
    ) =>
      app.post(
        `/registrations/:id/${path}`,
        {
          schema: {
            operationId: docs.operationId,
            summary: docs.summary,
            tags: ['results'],
            'x-problems': docs.problems,
            params: RegistrationParams,
            ...(body ? { body } : {}),
            response: { 200: RegistrationOut },
          },
        },
        async (request) =>
          toRegistrationOut(
            await reportSitting(
              deps,
              request.params.id,
              toReport(request.body as never),
              actorOf(request, 'api'),
            ),
            request.principal,
          ),
      )
    reportRoute(
      'check-in',
      {
        operationId: 'reportCheckIn',
        summary: 'The candidate checked in at the centre',
        problems: REPORT_REFUSALS,
      },
      () => ({ kind: 'check-in' }),
    )
    reportRoute(
      'no-show',
      {
        operationId: 'reportNoShow',
        summary: 'The candidate did not come (not an attempt; the appointment is spent)',
        problems: REPORT_REFUSALS,
      },
      () => ({ kind: 'no-show' }),
    )
    reportRoute(
      'result',
      {
        operationId: 'reportResult',
        summary: "The sitting's outcome; it becomes an attempt in the candidate's history",
        problems: [...REPORT_REFUSALS, 'INSTANT_INVALID', 'TAKEN_AT_OUTSIDE_SITTING'],
      },
      (body: { outcome: 'pass' | 'fail' | 'pending'; takenAt?: string }) => ({
        kind: 'result',
        ...body,
      }),
      Type.Object(
        {
          outcome: Type.Enum(['pass', 'fail', 'pending'], {
            description: '`pending` until scored (a beta)',
          }),
          takenAt: Type.Optional(
            Type.String({ maxLength: 64, description: "Default: the appointment's start" }),
          ),
        },
        { additionalProperties: false },
      ),
    )

    app.get(
      '/registrations/:id',
      {
        schema: {
          operationId: 'getRegistration',
          summary: 'A registration with its deadlines and every change made to it (who, how, when)',
          tags: ['registrations'],
          'x-problems': ['REGISTRATION_NOT_FOUND'],
          params: RegistrationParams,
          response: {
            200: Type.Object({ registration: RegistrationOut, history: Type.Array(AuditEntryOut) }),
          },
        },
      },
      async (request) => {
        const { registration, history } = await getRegistration(
          deps,
          request.params.id,
          request.principal,
        )
        return {
          registration: toRegistrationOut(registration, request.principal),
          history: history.map(toAuditEntryOut),
        }
      },
    )

    app.get(
      '/registrations/:id/calendar',
      {
        schema: {
          operationId: 'getRegistrationCalendar',
          summary: "A registration's calendar file, the one its mail attaches",
          description:
            "An iCalendar file (RFC 5545) of the appointment, made from the same facts as the confirmation mail's attachment: the event on the centre's clock with its `TZID` and `VTIMEZONE`, the exam, the place, and in its description the change deadlines as the mail says them and the registration's page. `METHOD:REQUEST` while the registration stands; `METHOD:CANCEL` with `STATUS:CANCELLED` once it is cancelled, with the same `UID`, so a calendar that holds the entry removes it. A registration still waiting for payment is not confirmed and has no file yet. A provider's token gets the event without the candidate as attendee.",
          tags: ['registrations'],
          'x-problems': ['REGISTRATION_NOT_FOUND', 'REGISTRATION_NOT_CONFIRMED'],
          params: RegistrationParams,
          response: {
            200: {
              description: 'The calendar file, to save or to open in a calendar program',
              headers: {
                'Content-Disposition': {
                  type: 'string',
                  description:
                    'attachment; filename="examdesk-<exam>-<date>.ics": the exam and the date on the centre\'s clock',
                },
              },
              content: { 'text/calendar': { schema: { type: 'string' } } },
            },
          },
        },
      },
      async (request, reply) => {
        const file = await getRegistrationCalendar(deps, request.params.id, request.principal)
        return reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .send(file.content)
      },
    )

    app.get(
      '/candidates/:id/registrations',
      {
        schema: {
          operationId: 'listCandidateRegistrations',
          summary: "A candidate's registrations at every provider, newest first, a page at a time",
          tags: ['registrations'],
          'x-problems': ['CANDIDATE_NOT_FOUND'],
          params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
          querystring: PagingQuery,
          response: { 200: PageOut(RegistrationOut) },
        },
      },
      async (request) => {
        const page = await listCandidateRegistrations(
          deps,
          request.params.id,
          computePaging(request.query),
          request.principal,
        )
        return {
          items: page.items.map((view) => toRegistrationOut(view, request.principal)),
          total: page.total,
        }
      },
    )
  }
}
