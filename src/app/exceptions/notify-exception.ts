import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { DB } from '../../db/engine/schema.js'
import { enqueueMail } from '../../db/mail/outbox.js'
import {
  composeExceptionMail,
  computeExceptionDedupeKey,
  type ExceptionMailInput,
} from '../../mail/compose-exception-mail.js'
import type { MailSettings } from '../../mail/mail-settings.js'

/**
 * Puts an exception mail in the outbox inside the caller's transaction, to
 * the candidate's address on file; says whether it was added.
 *
 * @example
 * await enqueueExceptionMail(trx, deps.mail, { ...input, candidateId, recipient })
 */
export async function enqueueExceptionMail(
  trx: Kysely<DB>,
  mail: MailSettings,
  input: Omit<ExceptionMailInput, 'help' | 'publicUrl'> & {
    readonly candidateId: string
    readonly recipient: string
  },
): Promise<boolean> {
  const { candidateId, recipient, ...content } = input
  const composed = composeExceptionMail({
    ...content,
    help: mail.help,
    publicUrl: mail.publicUrl(),
  })
  return enqueueMail(trx, {
    id: uuidv7(),
    dedupeKey: computeExceptionDedupeKey(input.kind, input.request.id),
    kind: input.kind,
    candidateId,
    recipient,
    ...composed,
    createdAt: input.composedAt,
  })
}
