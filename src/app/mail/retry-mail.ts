import type { Kysely } from 'kysely'
import type { DB } from '../../db/engine/schema.js'
import { findMail, requeueFailedMail } from '../../db/mail/outbox.js'
import { type MailSummary, toMailSummary } from '../../domain/outbox-mail.js'
import { summarizeOutboxMail } from '../../mail/compose-outbox-mail.js'
import type { Actor } from '../actor.js'
import { auditAction } from '../audit-action.js'
import type { Clock } from '../clock.js'
import { AppError } from '../errors.js'
import { hashRequest, type IdempotencyKey, type Idempotent } from '../idempotent.js'
import { runCommand } from '../run-command.js'

/**
 * Staff put a mail whose delivery gave up back in the outbox, to be tried
 * now with a fresh count of tries: once the cause is mended (the relay is
 * back, the mailbox has room), the same mail goes, with the same Message-ID,
 * so that a copy that did arrive after all is dropped as one seen before.
 * Audited on the candidate's records (or as the outbox's, for mail to
 * staff) with who and why. Only a failed mail (MAIL_NOT_FAILED).
 */
export async function retryMail(
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
        requestHash: hashRequest('retry-mail', { mailId, reason: actor.reason }),
      },
    },
    async (trx) => {
      const stored = await findMail(trx, mailId)
      if (!stored) throw new AppError('MAIL_NOT_FOUND', { field: 'id', mailId })
      if (stored.status !== 'failed' || !(await requeueFailedMail(trx, mailId, now)))
        throw new AppError('MAIL_NOT_FAILED', {
          field: 'id',
          mailId,
          mailStatus: stored.status === 'sent' ? 'sent' : 'pending',
        })
      await auditAction(trx, actor, now, {
        candidateId: stored.candidateId,
        subjectType: 'mail',
        subjectId: stored.id,
        action: 'mail-retried',
        detail: { kind: stored.kind, recipient: stored.recipient, lastError: stored.lastError },
      })
      return summarizeOutboxMail(
        toMailSummary({
          ...stored,
          status: 'pending',
          tries: 0,
          availableAt: now,
          claimedUntil: null,
        }),
      )
    },
  )
}
