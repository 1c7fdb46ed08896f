import type { Kysely } from 'kysely'
import type { Instant } from '../../domain/instant.js'
import { LIVE_STATUSES } from '../../domain/registration.js'
import { readInstant } from '../engine/columns.js'
import type { DB } from '../engine/schema.js'
import { expiredHoldAt } from '../registrations/registrations.js'

/**
 * The figures an operator watches that only the database knows, each one
 * short index range (migration 0010): cheap enough to ask at every scrape.
 */

/** Mail waiting to be sent and mail given up on (`sent` grows for ever and is left out). */
export async function countMailBacklog(
  db: Kysely<DB>,
): Promise<{ readonly pending: number; readonly failed: number }> {
  const rows = await db
    .selectFrom('outbox')
    .select(({ fn }) => ['status', fn.countAll<string | number>().as('count')])
    .where('status', 'in', ['pending', 'failed'])
    .groupBy('status')
    .execute()
  const count = (status: string) => Number(rows.find((row) => row.status === status)?.count ?? 0)
  return { pending: count('pending'), failed: count('failed') }
}

/** When the oldest mail still waiting to be sent was written; null when none waits. */
export async function findOldestPendingMail(db: Kysely<DB>): Promise<number | null> {
  const row = await db
    .selectFrom('outbox')
    .select('created_at')
    .where('status', '=', 'pending')
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst()
  return row === undefined ? null : readInstant(row.created_at)
}

/** Live registrations whose amount due is not paid yet. */
export async function countUnpaidRegistrations(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('registrations')
    .select(({ fn }) => fn.countAll<string | number>().as('count'))
    .where('payment_status', '=', 'due')
    .where('status', 'in', LIVE_STATUSES)
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

/**
 * Unpaid holds whose time has run out by `now` but which the expiry job has
 * not released yet (it should keep this near zero), and when the first of
 * them ran out; read from the partial index of unpaid holds.
 */
export async function findOverdueHolds(
  db: Kysely<DB>,
  now: Instant,
): Promise<{ readonly count: number; readonly firstExpiredAt: Instant | null }> {
  const row = await db
    .selectFrom('registrations')
    .select(({ fn }) => [
      fn.countAll<string | number>().as('count'),
      fn.min('hold_expires_at').as('first'),
    ])
    .where(expiredHoldAt(now))
    .executeTakeFirstOrThrow()
  return {
    count: Number(row.count),
    firstExpiredAt: row.first === null ? null : readInstant(row.first),
  }
}
