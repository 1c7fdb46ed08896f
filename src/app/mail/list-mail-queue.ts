import type { Kysely } from 'kysely'
import type { Paging } from '../../db/engine/paging.js'
import type { DB } from '../../db/engine/schema.js'
import { selectMailQueue } from '../../db/mail/outbox.js'
import {
  computeStuckBefore,
  type MailSummary,
  STUCK_AFTER_MINUTES,
} from '../../domain/outbox-mail.js'
import { summarizeOutboxMail } from '../../mail/compose-outbox-mail.js'
import type { Clock } from '../clock.js'
import type { Page } from '../page.js'

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
    stuckBefore: computeStuckBefore(now),
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
