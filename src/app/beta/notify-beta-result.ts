import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { DB } from '../../db/engine/schema.js'
import { enqueueMail } from '../../db/mail/outbox.js'
import {
  type BetaResultMailInput,
  composeBetaResultMail,
} from '../../mail/compose-beta-result-mail.js'
import type { MailSettings } from '../../mail/mail-settings.js'

/** Puts a beta result mail in the outbox, once per attempt and kind. */
export async function enqueueBetaResultMail(
  trx: Kysely<DB>,
  settings: MailSettings,
  input: BetaResultMailInput,
): Promise<boolean> {
  const composed = composeBetaResultMail(input, settings)
  return enqueueMail(trx, {
    id: uuidv7(),
    dedupeKey: `${input.kind}:${input.attemptId}`,
    kind: input.kind,
    candidateId: input.candidate.id,
    recipient: input.candidate.email,
    ...composed,
    createdAt: input.now,
  })
}
