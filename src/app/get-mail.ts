import type { Kysely } from 'kysely'
import { findMail, type StoredMail } from '../db/outbox.js'
import type { DB } from '../db/schema.js'
import { AppError } from './errors.js'

/** One mail of the outbox with its text and attachments, or MAIL_NOT_FOUND. */
export async function getMail(
  deps: { readonly db: Kysely<DB> },
  mailId: string,
): Promise<StoredMail> {
  const mail = await findMail(deps.db, mailId)
  if (!mail) throw new AppError('MAIL_NOT_FOUND', { field: 'id', mailId })
  return mail
}
