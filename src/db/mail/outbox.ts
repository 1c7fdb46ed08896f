import { type Kysely, type Selectable, sql } from 'kysely'
import type { Instant } from '../../domain/instant.js'
import {
  type MailAttachment,
  type MailContent,
  type MailStatus,
  type MailSummary,
  type OutboxFacts,
  type OutboxMessage,
  type StoredMail,
  toMailSummary,
} from '../../domain/outbox-mail.js'
import { readInstant, readOptionalInstant, writeInstant } from '../engine/columns.js'
import { dialectOf } from '../engine/dialect.js'
import { reusableInsert } from '../engine/reusable-query.js'
import type { DB, OutboxTable } from '../engine/schema.js'

/**
 * The mail outbox: a use case writes its mail here inside its own
 * transaction, so that mail exists exactly when the change it reports does;
 * the outbox worker delivers it afterwards, at least once.
 */

/** Longest `last_error` kept: an SMTP transcript can be long and says nothing more past this. */
const MAX_ERROR_LENGTH = 1000

/**
 * Puts a mail in the outbox, to be delivered from `message.createdAt` on.
 * Does nothing when a mail with the same dedupe key is there already; says
 * whether this one was added. Pass the use case's transaction as `db`.
 *
 * @example
 * await enqueueMail(trx, { id: uuidv7(), dedupeKey: `registration-confirmed:${id}:1`, … })
 */
export async function enqueueMail(
  db: Kysely<DB>,
  message: OutboxMessage | OutboxFacts,
): Promise<boolean> {
  const inserted = await insertOutboxRow(db, toOutboxRow(message))
  return inserted > 0
}

const insertOutboxRow = reusableInsert('outbox', { ignoreConflictOn: 'dedupe_key' })

/** Mails per INSERT in `enqueueMails`: 17 parameters each stays under every engine's limit. */
const ENQUEUE_BATCH = 500

/**
 * `enqueueMail` for many mails at once, a multi-row INSERT per 500: those
 * whose dedupe key is in the outbox already are skipped. Returns how many
 * were added. Pass the use case's transaction as `db`.
 */
export async function enqueueMails(
  db: Kysely<DB>,
  messages: readonly OutboxMessage[],
): Promise<number> {
  let added = 0
  for (let start = 0; start < messages.length; start += ENQUEUE_BATCH) {
    const result = await db
      .insertInto('outbox')
      .values(messages.slice(start, start + ENQUEUE_BATCH).map(toOutboxRow))
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .executeTakeFirst()
    added += Number(result.numInsertedOrUpdatedRows ?? 0n)
  }
  return added
}

/** A mail as a row of the outbox, pending from its creation; mail kept as facts is composed when sent. */
function toOutboxRow(message: OutboxMessage | OutboxFacts) {
  const stored =
    'facts' in message
      ? {
          subject: '',
          body_text: '',
          body_html: null,
          attachments: '[]',
          facts: JSON.stringify(message.facts),
        }
      : {
          subject: message.subject,
          body_text: message.bodyText,
          body_html: message.bodyHtml,
          attachments: JSON.stringify(message.attachments),
          facts: null,
        }
  return {
    id: message.id,
    dedupe_key: message.dedupeKey,
    kind: message.kind,
    candidate_id: message.candidateId,
    recipient: message.recipient,
    ...stored,
    status: 'pending' as const,
    tries: 0,
    last_error: null,
    available_at: writeInstant(message.createdAt),
    claimed_until: null,
    created_at: writeInstant(message.createdAt),
    sent_at: null,
  }
}

/**
 * Takes up to `limit` pending mails that are due at `now` and that no worker
 * holds, and holds them for `leaseMs`, counting a try on each. Safe with
 * several workers (processes) on one database: a mail is held by one worker
 * at a time. A worker that dies lets its mail go when the lease ends.
 */
export async function claimDueMail(
  db: Kysely<DB>,
  now: Instant,
  leaseMs: number,
  limit: number,
): Promise<StoredMail[]> {
  const at = writeInstant(now)
  const claim = { claimed_until: writeInstant(now + leaseMs) }
  let rows: Selectable<OutboxTable>[]
  if (dialectOf(db) === 'postgres') {
    // A CTE, not `id in (subquery)`: PostgreSQL may run an IN subquery more
    // than once in one update, and then LIMIT no longer bounds the batch. Rows
    // another worker is claiming are skipped, not waited for; the conditions
    // are checked again on each locked row, so a row claimed meanwhile drops out.
    rows = await db
      .with('due', (qb) =>
        qb
          .selectFrom('outbox')
          .select('id')
          .where('status', '=', 'pending')
          .where('available_at', '<=', at)
          .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', at)]))
          .orderBy('available_at')
          .orderBy('id')
          .limit(limit)
          .forUpdate()
          .skipLocked(),
      )
      .updateTable('outbox')
      .set((eb) => ({ ...claim, tries: eb('outbox.tries', '+', 1) }))
      .from('due')
      .whereRef('outbox.id', '=', 'due.id')
      .returningAll('outbox')
      .execute()
  } else {
    // SQLite runs one writer at a time: select and update cannot interleave with another claim.
    rows = await db
      .updateTable('outbox')
      .set((eb) => ({ ...claim, tries: eb('tries', '+', 1) }))
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('outbox')
          .select('id')
          .where('status', '=', 'pending')
          .where('available_at', '<=', at)
          .where((w) => w.or([w('claimed_until', 'is', null), w('claimed_until', '<=', at)]))
          .orderBy('available_at')
          .orderBy('id')
          .limit(limit),
      )
      .returningAll()
      .execute()
  }
  return rows
    .map(toStoredMail)
    .sort((a, b) => a.availableAt - b.availableAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/**
 * Records a delivery; false when the mail was no longer pending (another
 * worker finished it). `sent` is what a mail stored as facts was composed
 * into: it is kept in place of the facts, so the outbox shows what went out.
 */
export async function markSent(
  db: Kysely<DB>,
  id: string,
  at: Instant,
  sent?: MailContent,
): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({
      status: 'sent',
      sent_at: writeInstant(at),
      claimed_until: null,
      ...(sent === undefined
        ? {}
        : {
            subject: sent.subject,
            body_text: sent.bodyText,
            body_html: sent.bodyHtml,
            attachments: JSON.stringify(sent.attachments),
            facts: null,
          }),
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/**
 * Records a failed delivery: the mail waits until `nextAvailableAt` and is
 * tried again, or, when `giveUp`, is marked failed for an admin to see.
 */
export async function markFailedAttempt(
  db: Kysely<DB>,
  id: string,
  error: string,
  nextAvailableAt: Instant,
  giveUp: boolean,
): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({
      status: giveUp ? 'failed' : 'pending',
      last_error: error.slice(0, MAX_ERROR_LENGTH),
      available_at: writeInstant(nextAvailableAt),
      claimed_until: null,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

export interface MailFilter {
  readonly status?: MailStatus
  readonly candidateId?: string
  /** An address, whatever its case (mail is sent to ASCII addresses only). */
  readonly recipient?: string
  readonly limit: number
  readonly offset: number
}

/** A mail's columns as a list reads them: everything but its body. */
const SUMMARY_COLUMNS = [
  'id',
  'dedupe_key',
  'kind',
  'candidate_id',
  'recipient',
  'subject',
  'attachments',
  'facts',
  'status',
  'tries',
  'last_error',
  'available_at',
  'claimed_until',
  'created_at',
  'sent_at',
] as const

function summaryOfRow(row: Omit<Selectable<OutboxTable>, 'body_text' | 'body_html'>): MailSummary {
  return toMailSummary(toStoredMail({ ...row, body_text: '', body_html: null }))
}

/** Mail for an admin, newest first, without bodies; `total` counts every match. */
export async function selectMailPage(
  db: Kysely<DB>,
  filter: MailFilter,
): Promise<{ readonly items: MailSummary[]; readonly total: number }> {
  let query = db.selectFrom('outbox')
  if (filter.status !== undefined) query = query.where('status', '=', filter.status)
  if (filter.candidateId !== undefined) query = query.where('candidate_id', '=', filter.candidateId)
  if (filter.recipient !== undefined)
    query = query.where(sql<string>`lower(recipient)`, '=', filter.recipient.toLowerCase())
  const [rows, count] = await Promise.all([
    query
      .select(SUMMARY_COLUMNS)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query
      .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return {
    items: rows.map(summaryOfRow),
    total: Number(count.n),
  }
}

/**
 * The mail that needs a look, oldest first: failed (delivery gave up), and
 * pending since before `stuckBefore` (waiting longer than it should, such as
 * a relay refusing it for hours); `total` counts every such mail.
 */
export async function selectMailQueue(
  db: Kysely<DB>,
  filter: { readonly stuckBefore: Instant; readonly limit: number; readonly offset: number },
): Promise<{ readonly items: MailSummary[]; readonly total: number }> {
  const query = db
    .selectFrom('outbox')
    .where((eb) =>
      eb.or([
        eb('status', '=', 'failed'),
        eb.and([
          eb('status', '=', 'pending'),
          eb('created_at', '<', writeInstant(filter.stuckBefore)),
        ]),
      ]),
    )
  const [rows, count] = await Promise.all([
    query
      .select(SUMMARY_COLUMNS)
      .orderBy('created_at')
      .orderBy('id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query
      .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { items: rows.map(summaryOfRow), total: Number(count.n) }
}

/**
 * Puts a failed mail back to be sent now, its tries counted afresh (its last
 * error kept until a try succeeds); false when it was not failed.
 */
export async function requeueFailedMail(db: Kysely<DB>, id: string, at: Instant): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({ status: 'pending', tries: 0, available_at: writeInstant(at), claimed_until: null })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** One mail with its body and attachments, or null. */
export async function findMail(db: Kysely<DB>, id: string): Promise<StoredMail | null> {
  const row = await db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? toStoredMail(row) : null
}

function toStoredMail(row: Selectable<OutboxTable>): StoredMail {
  return {
    id: row.id,
    dedupeKey: row.dedupe_key,
    kind: row.kind,
    candidateId: row.candidate_id,
    recipient: row.recipient,
    subject: row.subject,
    bodyText: row.body_text,
    bodyHtml: row.body_html,
    attachments: JSON.parse(row.attachments) as MailAttachment[],
    ...(row.facts === null ? {} : { facts: JSON.parse(row.facts) as unknown }),
    createdAt: readInstant(row.created_at),
    status: row.status,
    tries: Number(row.tries),
    lastError: row.last_error,
    availableAt: readInstant(row.available_at),
    claimedUntil: readOptionalInstant(row.claimed_until),
    sentAt: readOptionalInstant(row.sent_at),
  }
}
