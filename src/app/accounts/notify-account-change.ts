import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { findCandidate } from '../../db/candidates/candidates.js'
import type { DB } from '../../db/engine/schema.js'
import { enqueueMail } from '../../db/mail/outbox.js'
import type { Account } from '../../domain/account.js'
import type { Instant } from '../../domain/instant.js'
import {
  type AccountChange,
  composeAccountChangeMail,
} from '../../mail/compose-account-change-mail.js'
import type { MailSettings } from '../../mail/mail-settings.js'

/**
 * Puts the mail telling a person their sign-in changed in the outbox, in
 * the transaction of the change, to `recipient` (the account's address, or
 * the one it had before an email change). Keyed by the change's kind and
 * the thing changed (`passkey-added:<passkey id>`): a retried change mails once.
 */
export async function notifyAccountChange(
  trx: Kysely<DB>,
  settings: MailSettings,
  input: {
    readonly account: Pick<Account, 'displayName' | 'email' | 'candidateId'>
    readonly change: AccountChange
    /** The passkey, identity or email change the mail is about. */
    readonly subjectId: string
    readonly at: Instant
    /** Where it goes; the account's email unless given. */
    readonly recipient?: string
  },
): Promise<void> {
  const { account, change } = input
  const candidate =
    account.candidateId === null ? null : await findCandidate(trx, account.candidateId)
  const composed = composeAccountChangeMail({
    change,
    displayName: account.displayName,
    at: input.at,
    timeZone: candidate?.timeZone ?? 'UTC',
    help: settings.help,
    helpContact: settings.helpContact,
  })
  await enqueueMail(trx, {
    id: uuidv7(),
    dedupeKey: `${change.kind}:${input.subjectId}`,
    kind: change.kind,
    candidateId: account.candidateId,
    recipient: input.recipient ?? account.email,
    ...composed,
    createdAt: input.at,
  })
}
