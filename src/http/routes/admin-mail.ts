import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import type { AppDeps } from '../../app/app-deps.js'
import { getMail } from '../../app/mail/get-mail.js'
import { listMail } from '../../app/mail/list-mail.js'
import { listMailQueue } from '../../app/mail/list-mail-queue.js'
import { resendMail } from '../../app/mail/resend-mail.js'
import { retryMail } from '../../app/mail/retry-mail.js'
import { computePaging } from '../../app/page.js'
import { maskCodesInText } from '../../domain/code-mask.js'
import type { MailSummary, StoredMail } from '../../domain/outbox-mail.js'
import { computeMessageId } from '../../mail/message-id.js'
import { toInstantOut } from '../schemas/instant.js'
import { Nullable } from '../schemas/nullable.js'
import { Channel } from '../schemas/request-fields.js'
import { actorOf, IdempotencyHeaders, requireIdempotencyKey } from './registrations.js'

const MailStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('sent'),
  Type.Literal('failed'),
])

const mailFields = {
  id: Type.String(),
  kind: Type.String({ examples: ['registration-confirmed'] }),
  dedupeKey: Type.String({ description: 'One mail per key; a retried change does not send twice' }),
  messageId: Type.String({
    description: 'The Message-ID it is sent with, the same on every resend',
  }),
  candidateId: Nullable(Type.String()),
  recipient: Type.String(),
  subject: Type.String(),
  status: MailStatus,
  tries: Type.Integer({ description: 'Delivery attempts begun' }),
  lastError: Nullable(Type.String({ description: 'Why the last attempt failed' })),
  availableAt: Type.String({ description: 'Not sent before this instant (back-off)' }),
  createdAt: Type.String(),
  sentAt: Nullable(Type.String()),
}

const MailSummaryOut = Type.Object({
  ...mailFields,
  attachments: Type.Array(Type.Object({ filename: Type.String(), contentType: Type.String() })),
})

const MailOut = Type.Object({
  ...mailFields,
  bodyText: Type.String({
    description: 'As sent, but every voucher code masked to its last four characters',
  }),
  bodyHtml: Nullable(
    Type.String({
      description:
        'The HTML alternative, laid out from the text; null for mail stored before mail had one',
    }),
  ),
  attachments: Type.Array(
    Type.Object({ filename: Type.String(), contentType: Type.String(), content: Type.String() }),
  ),
})

/**
 * Staff read the outbox to see what went where, not to copy a candidate's
 * code: every code in what is shown is masked, for admin and support alike
 * (`maskCodesInText`). Dedupe keys hold no code since migration 0017; one
 * that did would show masked, with the Message-ID made from the masked key.
 */
function toMailFields(mail: MailSummary) {
  const dedupeKey = maskCodesInText(mail.dedupeKey)
  return {
    id: mail.id,
    kind: mail.kind,
    dedupeKey,
    messageId: computeMessageId(dedupeKey),
    candidateId: mail.candidateId,
    recipient: mail.recipient,
    subject: maskCodesInText(mail.subject),
    status: mail.status,
    tries: mail.tries,
    lastError: mail.lastError === null ? null : maskCodesInText(mail.lastError),
    availableAt: toInstantOut(mail.availableAt),
    createdAt: toInstantOut(mail.createdAt),
    sentAt: mail.sentAt === null ? null : toInstantOut(mail.sentAt),
  }
}

function toMailSummaryOut(mail: MailSummary) {
  return { ...toMailFields(mail), attachments: [...mail.attachments] }
}

const MailParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })

/** What staff send to act on a mail: why (kept in the candidate's audit trail) and how they were asked. */
function StaffMailAction(why: string, example: string) {
  return Type.Object(
    {
      reason: Type.String({
        minLength: 1,
        maxLength: 500,
        pattern: '\\S',
        description: `${why}; kept in the candidate's audit trail`,
        examples: [example],
      }),
      channel: Channel,
    },
    { additionalProperties: false },
  )
}

/** `/v1/admin/mail`: the outbox, so that staff can see what was sent, what waits and what failed; codes masked. */
export function adminMailRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

    app.get(
      '/admin/mail',
      {
        schema: {
          operationId: 'listMail',
          summary: 'Mail in the outbox, newest first; one candidate’s, or one address’s',
          tags: ['mail'],
          querystring: Type.Object({
            status: Type.Optional(MailStatus),
            candidateId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
            recipient: Type.Optional(
              Type.String({
                minLength: 3,
                maxLength: 254,
                description: 'Mail sent to this address, whatever its case',
                examples: ['ana.garcia@example.org'],
              }),
            ),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
            offset: Type.Optional(
              Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, default: 0 }),
            ),
          }),
          response: {
            200: Type.Object({ items: Type.Array(MailSummaryOut), total: Type.Integer() }),
          },
        },
      },
      async (request) => {
        const { items, total } = await listMail(deps, request.query)
        return { items: items.map(toMailSummaryOut), total }
      },
    )

    app.post(
      '/admin/mail/:id/resend',
      {
        schema: {
          operationId: 'resendMail',
          summary:
            'Send a mail again, as it went out, to the same address (needs an Idempotency-Key header)',
          description:
            "For a recipient who cannot find a mail (a confirmation, a code, an invitation): a new mail of the outbox with the same subject, text and files, to the same address, with a Message-ID of its own. Recorded on the candidate's audit trail with who sent it again and the `reason` given. Only a mail that went out is sent again (`MAIL_NOT_SENT`), and never a sign-in or confirmation mail (`MAIL_NOT_RESENDABLE`). The `Idempotency-Key` header is required: the same key answers the same copy and sends no other.",
          tags: ['mail'],
          'x-problems': [
            'IDEMPOTENCY_KEY_REQUIRED',
            'IDEMPOTENCY_KEY_REUSED',
            'MAIL_NOT_FOUND',
            'MAIL_NOT_SENT',
            'MAIL_NOT_RESENDABLE',
          ],
          headers: IdempotencyHeaders,
          params: MailParams,
          body: StaffMailAction(
            'Why it is sent again',
            'The candidate called: the code mail never arrived',
          ),
          response: { 201: MailSummaryOut },
        },
      },
      async (request, reply) => {
        const idempotency = requireIdempotencyKey(request)
        const outcome = await resendMail(
          deps,
          request.params.id,
          actorOf(request, request.body.channel, request.body.reason, 'reason'),
          idempotency,
        )
        if (outcome.replayed) reply.header('idempotent-replayed', 'true')
        return reply
          .code(201)
          .header('location', `/v1/admin/mail/${outcome.result.id}`)
          .send(toMailSummaryOut(outcome.result))
      },
    )

    app.get(
      '/admin/mail-queue',
      {
        schema: {
          operationId: 'listMailQueue',
          summary: 'Mail that needs a look, oldest first: failed, or waiting too long',
          description:
            'Every mail whose delivery gave up (`failed`), and every one still `pending` longer than `stuckAfterMinutes` after it was written (by the server’s clock), oldest first, each with how long it has waited (`waitedMinutes`). A failed one can be tried again (`POST /v1/admin/mail/{id}/retry`).',
          tags: ['mail'],
          querystring: Type.Object({
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
            offset: Type.Optional(
              Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, default: 0 }),
            ),
          }),
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({
                  ...MailSummaryOut.properties,
                  waitedMinutes: Type.Integer({
                    description: 'Since the mail was written, by the server’s clock',
                  }),
                }),
              ),
              total: Type.Integer(),
              stuckAfterMinutes: Type.Integer({
                description: 'A pending mail is listed once it has waited this long',
              }),
            }),
          },
        },
      },
      async (request) => {
        const queue = await listMailQueue(deps, computePaging(request.query))
        return {
          items: queue.items.map(({ mail, waitedMs }) => ({
            ...toMailSummaryOut(mail),
            waitedMinutes: Math.floor(waitedMs / 60_000),
          })),
          total: queue.total,
          stuckAfterMinutes: queue.stuckAfterMinutes,
        }
      },
    )

    app.post(
      '/admin/mail/:id/retry',
      {
        schema: {
          operationId: 'retryMail',
          summary:
            'Try a failed mail again, now, with a fresh count of tries (needs an Idempotency-Key header)',
          description:
            "For a mail whose delivery gave up, once its cause is mended: it goes back to the outbox to be sent now, the same mail with the same Message-ID, and tried as many times as a new one. Recorded on the candidate's audit trail (`mail-retried`) with who did it and the `reason` given. Only a failed mail (`MAIL_NOT_FAILED`): one that went out is sent again with `POST /v1/admin/mail/{id}/resend`. The `Idempotency-Key` header is required.",
          tags: ['mail'],
          'x-problems': [
            'IDEMPOTENCY_KEY_REQUIRED',
            'IDEMPOTENCY_KEY_REUSED',
            'MAIL_NOT_FOUND',
            'MAIL_NOT_FAILED',
          ],
          headers: IdempotencyHeaders,
          params: MailParams,
          body: StaffMailAction(
            'Why it is tried again',
            'The relay was down all morning; it is back',
          ),
          response: { 200: MailSummaryOut },
        },
      },
      async (request, reply) => {
        const idempotency = requireIdempotencyKey(request)
        const outcome = await retryMail(
          deps,
          request.params.id,
          actorOf(request, request.body.channel, request.body.reason, 'reason'),
          idempotency,
        )
        if (outcome.replayed) reply.header('idempotent-replayed', 'true')
        return toMailSummaryOut(outcome.result)
      },
    )

    app.get(
      '/admin/mail/:id',
      {
        schema: {
          operationId: 'getMail',
          summary: 'One mail with its text, its HTML alternative and attachments',
          tags: ['mail'],
          'x-problems': ['MAIL_NOT_FOUND'],
          params: MailParams,
          response: { 200: MailOut },
        },
      },
      async (request) => {
        const mail: StoredMail = await getMail(deps, request.params.id)
        return {
          ...toMailFields({ ...mail, attachments: mail.attachments }),
          bodyText: maskCodesInText(mail.bodyText),
          bodyHtml: mail.bodyHtml === null ? null : maskCodesInText(mail.bodyHtml),
          attachments: mail.attachments.map((attachment) => ({
            ...attachment,
            content: maskCodesInText(attachment.content),
          })),
        }
      },
    )
  }
}
