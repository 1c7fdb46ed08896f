import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import type { AppDeps } from '../../app/app-deps.js'
import { getMail } from '../../app/mail/get-mail.js'
import { listMail } from '../../app/mail/list-mail.js'
import type { MailSummary, StoredMail } from '../../domain/outbox-mail.js'
import { computeMessageId } from '../../mail/message-id.js'
import { toInstantOut } from '../schemas/instant.js'
import { Nullable } from '../schemas/nullable.js'

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
  bodyText: Type.String(),
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

function toMailFields(mail: MailSummary) {
  return {
    id: mail.id,
    kind: mail.kind,
    dedupeKey: mail.dedupeKey,
    messageId: computeMessageId(mail.dedupeKey),
    candidateId: mail.candidateId,
    recipient: mail.recipient,
    subject: mail.subject,
    status: mail.status,
    tries: mail.tries,
    lastError: mail.lastError,
    availableAt: toInstantOut(mail.availableAt),
    createdAt: toInstantOut(mail.createdAt),
    sentAt: mail.sentAt === null ? null : toInstantOut(mail.sentAt),
  }
}

/** `/v1/admin/mail`: the outbox, so that staff can see what was sent, what waits and what failed. */
export function adminMailRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

    app.get(
      '/admin/mail',
      {
        schema: {
          operationId: 'listMail',
          summary: 'Mail in the outbox, newest first',
          tags: ['mail'],
          querystring: Type.Object({
            status: Type.Optional(MailStatus),
            candidateId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
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
        return {
          items: items.map((mail) => ({
            ...toMailFields(mail),
            attachments: [...mail.attachments],
          })),
          total,
        }
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
          params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
          response: { 200: MailOut },
        },
      },
      async (request) => {
        const mail: StoredMail = await getMail(deps, request.params.id)
        return {
          ...toMailFields({ ...mail, attachments: mail.attachments }),
          bodyText: mail.bodyText,
          bodyHtml: mail.bodyHtml,
          attachments: [...mail.attachments],
        }
      },
    )
  }
}
