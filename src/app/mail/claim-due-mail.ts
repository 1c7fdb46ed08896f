import { claimDueMail as claimDueRows } from '../../db/mail/outbox.js'
import type { StoredMail } from '../../domain/outbox-mail.js'
import type { AppDeps } from '../app-deps.js'

export interface MailClaim {
  /** How long the claim holds each mail; past it, another worker may take it over. */
  readonly leaseMs: number
  /** Most mails taken at once. */
  readonly batch: number
}

/**
 * Takes the mails due at the clock's now that no worker holds, at most
 * `batch`, oldest first, and holds them for `leaseMs`, counting a try on
 * each. Several workers may claim from one database: a mail is one worker's.
 */
export function claimDueMail(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  claim: MailClaim,
): Promise<StoredMail[]> {
  return claimDueRows(deps.db, deps.clock.now(), claim.leaseMs, claim.batch)
}
