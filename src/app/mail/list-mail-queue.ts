import type { Kysely } from 'kysely'
import type { Paging } from '../../db/engine/paging.js'
import type { DB } from '../../db/engine/schema.js'
import { selectMailQueue } from '../../db/mail/outbox.js'
import type { MailSummary } from '../../domain/outbox-mail.js'
import { summarizeOutboxMail } from '../../mail/compose-outbox-mail.js'
import type { Clock } from '../clock.js'
import type { Page } from '../page.js'

/**
 * How long a mail may wait to be sent before staff are shown it: the worker
 * sends within seconds, and its first retries after a failure come within
 * minutes, so a mail still waiting after this is held up by something a
 * person should look at (a relay refusing it, an address it bounces from).
 */
export const STUCK_AFTER_MINUTES = 15

const MINUTE_MS = 60_000

/** A mail of the queue, and how long it has waited since it was written, by the server's clock. */
export interface QueuedMail {
  readonly mail: MailSummary
  readonly waitedMs: number
}

/**
 * Staff's queue of mail that needs a look, oldest first, a page at a time:
 * every mail whose delivery gave up, and every one still waiting after
 * `STUCK_AFTER_MINUTES`.
 */
export async function listMailQueue(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  paging: Paging,
): Promise<Page<QueuedMail> & { readonly stuckAfterMinutes: number }> {
  const now = deps.clock.now()
  const { items, total } = await selectMailQueue(deps.db, {
    stuckBefore: now - STUCK_AFTER_MINUTES * MINUTE_MS,
    ...paging,
  })
  return {
    items: items.map((mail) => ({
      mail: summarizeOutboxMail(mail),
      waitedMs: Math.max(0, now - mail.createdAt),
    })),
    total,
    stuckAfterMinutes: STUCK_AFTER_MINUTES,
  }
}
