import type { Kysely } from 'kysely'
import type { DB } from '../../db/engine/schema.js'
import { selectMailPage } from '../../db/mail/outbox.js'
import type { MailStatus, MailSummary } from '../../domain/outbox-mail.js'
import { summarizeOutboxMail } from '../../mail/compose-outbox-mail.js'

export interface ListMailInput {
  readonly status?: MailStatus
  readonly candidateId?: string
  /** Mail to this address, whatever its case: what reached a person, whichever record it was for. */
  readonly recipient?: string
  readonly limit?: number
  readonly offset?: number
}

/** The outbox as an admin sees it, newest first, paged; `total` counts every match. */
export async function listMail(
  deps: { readonly db: Kysely<DB> },
  input: ListMailInput,
): Promise<{ readonly items: MailSummary[]; readonly total: number }> {
  const { items, total } = await selectMailPage(deps.db, {
    status: input.status,
    candidateId: input.candidateId,
    recipient: input.recipient?.trim(),
    limit: input.limit ?? 50,
    offset: input.offset ?? 0,
  })
  return { items: items.map(summarizeOutboxMail), total }
}
