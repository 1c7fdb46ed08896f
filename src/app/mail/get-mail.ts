import type { Kysely } from 'kysely'
import type { DB } from '../../db/engine/schema.js'
import { findMail } from '../../db/mail/outbox.js'
import type { StoredMail } from '../../domain/outbox-mail.js'
import { composeOutboxMail } from '../../mail/compose-outbox-mail.js'
import { hideMailSecrets } from '../../mail/hide-mail-secrets.js'
import { AppError } from '../errors.js'

/**
 * One mail of the outbox with its text and attachments (composed if not
 * yet), a sign-in or email confirmation mail's link and code hidden; or
 * MAIL_NOT_FOUND.
 */
export async function getMail(
  deps: { readonly db: Kysely<DB> },
  mailId: string,
): Promise<StoredMail> {
  const mail = await findMail(deps.db, mailId)
  if (!mail) throw new AppError('MAIL_NOT_FOUND', { field: 'id', mailId })
  try {
    return hideMailSecrets(composeOutboxMail(mail))
  } catch {
    // Facts no composer reads: shown as stored (empty); the worker failed it and says why.
    const { facts: _, ...stored } = mail
    return stored
  }
}
