import { markSent } from '../../db/mail/outbox.js'
import type { MailContent } from '../../domain/outbox-mail.js'
import type { AppDeps } from '../app-deps.js'

/**
 * Records that a mail went out, at the clock's now. `sent` is what a mail
 * stored as facts was composed into: the outbox keeps it in place of the
 * facts, so it shows the text that was sent. False when the mail was no
 * longer pending (another worker finished it).
 */
export function recordMailSent(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  mailId: string,
  sent?: MailContent,
): Promise<boolean> {
  return markSent(deps.db, mailId, deps.clock.now(), sent)
}
