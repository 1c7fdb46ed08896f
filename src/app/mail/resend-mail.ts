import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { DB } from '../../db/engine/schema.js'
import { enqueueMail, findMail } from '../../db/mail/outbox.js'
import { type MailSummary, type OutboxMessage, toMailSummary } from '../../domain/outbox-mail.js'
import { composeOutboxMail } from '../../mail/compose-outbox-mail.js'
import { holdsMailSecrets } from '../../mail/hide-mail-secrets.js'
import type { Actor } from '../actor.js'
import { auditAction } from '../audit-action.js'
import type { Clock } from '../clock.js'
import { AppError } from '../errors.js'
import { hashRequest, type IdempotencyKey, type Idempotent } from '../idempotent.js'
import { runCommand } from '../run-command.js'

/**
 * Staff send a mail again, as it went out (the same subject, text and
 * files, a code in it whole) to the same address, because its recipient
 * cannot find it: "where is my reward code?". The copy is a new mail of the
 * outbox, delivered like any other, with a Message-ID of its own so that no
 * mail program drops it as the first one seen again. Audited on the
 * candidate's records with the staff member and the reason they gave.
 * Refused for a mail that has not gone out (MAIL_NOT_SENT) and for a
 * sign-in or confirmation mail (MAIL_NOT_RESENDABLE).
 */
export async function resendMail(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  mailId: string,
  actor: Actor,
  idempotency: IdempotencyKey | null,
): Promise<Idempotent<MailSummary>> {
  const now = deps.clock.now()
  return runCommand(
    deps,
    {
      idempotency: {
        key: idempotency,
        requestHash: hashRequest('resend-mail', { mailId, reason: actor.reason }),
      },
    },
    async (trx) => {
      const stored = await findMail(trx, mailId)
      if (!stored) throw new AppError('MAIL_NOT_FOUND', { field: 'id', mailId })
      if (stored.status !== 'sent')
        throw new AppError('MAIL_NOT_SENT', { field: 'id', mailId, mailStatus: stored.status })
      if (holdsMailSecrets(stored.kind))
        throw new AppError('MAIL_NOT_RESENDABLE', { field: 'id', mailId, kind: stored.kind })
      const sent = composeOutboxMail(stored)
      const id = uuidv7()
      const copy: OutboxMessage = {
        id,
        dedupeKey: `mail-resent:${stored.id}:${id}`,
        kind: stored.kind,
        candidateId: stored.candidateId,
        recipient: stored.recipient,
        createdAt: now,
        subject: sent.subject,
        bodyText: sent.bodyText,
        bodyHtml: sent.bodyHtml,
        attachments: sent.attachments,
      }
      await enqueueMail(trx, copy)
      await auditAction(trx, actor, now, {
        candidateId: stored.candidateId,
        subjectType: 'mail',
        subjectId: stored.id,
        action: 'mail-resent',
        detail: { copyId: id, kind: stored.kind, recipient: stored.recipient },
      })
      return toMailSummary({
        ...copy,
        status: 'pending',
        tries: 0,
        lastError: null,
        availableAt: now,
        claimedUntil: null,
        sentAt: null,
      })
    },
  )
}
