import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { DB } from '../../db/engine/schema.js'
import { enqueueMail } from '../../db/mail/outbox.js'
import {
  composeFreeRetakeFollowUpMail,
  computeFreeRetakeFollowUpDedupeKey,
  type FreeRetakeFollowUpInput,
} from '../../mail/compose-free-retake-follow-up-mail.js'
import type { MailSettings } from '../../mail/mail-settings.js'

/** Puts the mail in the outbox inside the caller's transaction, once per candidate and offer. */
export async function enqueueFreeRetakeFollowUpMail(
  trx: Kysely<DB>,
  settings: MailSettings,
  input: FreeRetakeFollowUpInput,
): Promise<boolean> {
  return enqueueMail(trx, {
    id: uuidv7(),
    dedupeKey: computeFreeRetakeFollowUpDedupeKey(input.candidate.id, input.offer.offerId),
    kind: 'free-retake-more-exams',
    candidateId: input.candidate.id,
    recipient: input.candidate.email,
    ...composeFreeRetakeFollowUpMail(input, settings),
    createdAt: input.now,
  })
}
