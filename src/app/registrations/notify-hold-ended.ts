import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { DB } from '../../db/engine/schema.js'
import { enqueueMail } from '../../db/mail/outbox.js'
import { composeHoldEndedMail, type HoldEndedMailInput } from '../../mail/compose-hold-mail.js'
import type { MailSettings } from '../../mail/mail-settings.js'

/** Puts the mail in the outbox, once per registration: a hold ends at most once. */
export async function enqueueHoldEndedMail(
  trx: Kysely<DB>,
  settings: MailSettings,
  input: HoldEndedMailInput,
): Promise<boolean> {
  const composed = composeHoldEndedMail(input, settings)
  return enqueueMail(trx, {
    id: uuidv7(),
    dedupeKey: `hold-ended:${input.registrationId}`,
    // As const: the kind is `hold-expired` or `hold-released`, each a kind of its own.
    kind: `hold-${input.ending}` as const,
    candidateId: input.candidate.id,
    recipient: input.candidate.email,
    ...composed,
    createdAt: input.now,
  })
}
