import type { ExpressionBuilder, Kysely } from 'kysely'
import type { Instant } from '../../domain/instant.js'
import { MAX_WRONG_SIGN_IN_CODES } from '../../domain/sign-in-request.js'
import { writeInstant } from '../engine/columns.js'
import { dialectOf } from '../engine/dialect.js'
import type { DB } from '../engine/schema.js'

/**
 * The tables of requests answered by a mailed link or code (a sign-in, an
 * email change): the same life, spent once, expired, or killed by wrong codes.
 */
export type MailedCodeTable = 'sign_in_requests' | 'email_change_requests'

/**
 * Spends a request at `now` if it is still live; false when it was spent,
 * expired, replaced or killed meanwhile (by another process, too): the one
 * statement decides, so a request is used once.
 */
export async function spendMailedCodeRequest(
  db: Kysely<DB>,
  table: MailedCodeTable,
  id: string,
  now: Instant,
): Promise<boolean> {
  const result = await db
    .updateTable(table)
    .set({ spent_at: writeInstant(now) })
    .where(isLive(now))
    .where('id', '=', id)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Counts a wrong code against every live request of the account, in one statement. */
export async function countWrongMailedCode(
  db: Kysely<DB>,
  table: MailedCodeTable,
  accountId: string,
  now: Instant,
): Promise<void> {
  await db
    .updateTable(table)
    .set((eb) => ({ wrong_codes: eb('wrong_codes', '+', 1) }))
    .where(isLive(now))
    .where('account_id', '=', accountId)
    .execute()
}

/**
 * Ends every live request of an account at `now` (it expires now): their
 * link and code stop working. A new request replaces those before it.
 */
export async function expireMailedCodeRequests(
  db: Kysely<DB>,
  table: MailedCodeTable,
  accountId: string,
  now: Instant,
): Promise<void> {
  await db
    .updateTable(table)
    .set({ expires_at: writeInstant(now) })
    .where(isLive(now))
    .where('account_id', '=', accountId)
    .execute()
}

/**
 * Deletes at most `limit` requests spent or expired before `before`, in one
 * statement; how many went. Several processes may purge at once (on
 * PostgreSQL rows being deleted by another are skipped).
 */
export async function deleteMailedCodeRequestsOver(
  db: Kysely<DB>,
  table: MailedCodeTable,
  before: Instant,
  limit: number,
): Promise<number> {
  const over = db
    .selectFrom(table)
    .select('id')
    .where((eb) =>
      eb.or([
        eb('spent_at', '<', writeInstant(before)),
        eb('expires_at', '<', writeInstant(before)),
      ]),
    )
    .limit(limit)
  const batch = dialectOf(db) === 'postgres' ? over.forUpdate().skipLocked() : over
  const result = await db.deleteFrom(table).where('id', 'in', batch).executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** The requests live at `now`: unspent, unexpired, not killed by wrong codes. */
export function isLive(now: Instant) {
  return (eb: ExpressionBuilder<DB, MailedCodeTable>) =>
    eb.and([
      eb('spent_at', 'is', null),
      eb('expires_at', '>', writeInstant(now)),
      eb('wrong_codes', '<', MAX_WRONG_SIGN_IN_CODES),
    ])
}
