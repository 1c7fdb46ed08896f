import type { ExpressionBuilder, Kysely, Selectable } from 'kysely'
import type { Instant } from '../../domain/instant.js'
import { MAX_WRONG_SIGN_IN_CODES, type SignInRequestState } from '../../domain/sign-in-request.js'
import { readInstant, readOptionalInstant, writeInstant } from '../engine/columns.js'
import { dialectOf } from '../engine/dialect.js'
import type { DB, EmailChangeRequestTable } from '../engine/schema.js'

/** A request to change an account's email, as stored: hashes only, never its link's secret or its code. */
export interface StoredEmailChange extends SignInRequestState {
  readonly id: string
  readonly accountId: string
  readonly newEmail: string
  readonly codeHash: string
  /** The principal that asked: the account itself, or an admin. */
  readonly requestedBy: string
  readonly createdAt: Instant
}

export async function insertEmailChange(
  db: Kysely<DB>,
  request: StoredEmailChange & { readonly linkHash: string },
): Promise<void> {
  await db
    .insertInto('email_change_requests')
    .values({
      id: request.id,
      account_id: request.accountId,
      new_email: request.newEmail,
      link_hash: request.linkHash,
      code_hash: request.codeHash,
      requested_by: request.requestedBy,
      created_at: writeInstant(request.createdAt),
      expires_at: writeInstant(request.expiresAt),
      spent_at: null,
      wrong_codes: 0,
    })
    .execute()
}

const COLUMNS = [
  'id',
  'account_id',
  'new_email',
  'code_hash',
  'requested_by',
  'created_at',
  'expires_at',
  'spent_at',
  'wrong_codes',
] as const

/** The request whose link has this hash, spent or not; null when there is none. */
export async function findEmailChangeByLink(
  db: Kysely<DB>,
  linkHash: string,
): Promise<StoredEmailChange | null> {
  const row = await db
    .selectFrom('email_change_requests')
    .select(COLUMNS)
    .where('link_hash', '=', linkHash)
    .executeTakeFirst()
  return row ? toEmailChange(row) : null
}

/** An account's requests that can still change its email at `now`, newest first. */
export async function findLiveEmailChanges(
  db: Kysely<DB>,
  accountId: string,
  now: Instant,
): Promise<StoredEmailChange[]> {
  const rows = await db
    .selectFrom('email_change_requests')
    .select(COLUMNS)
    .where(isLive(now))
    .where('account_id', '=', accountId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
  return rows.map(toEmailChange)
}

/**
 * Spends a request at `now` if it is still live; false when it was spent,
 * expired, replaced or killed meanwhile (by another process, too): the one
 * statement decides, so a request changes an email once.
 */
export async function spendEmailChange(db: Kysely<DB>, id: string, now: Instant): Promise<boolean> {
  const result = await db
    .updateTable('email_change_requests')
    .set({ spent_at: writeInstant(now) })
    .where(isLive(now))
    .where('id', '=', id)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Counts a wrong code against every live request of the account, in one statement. */
export async function countWrongEmailChangeCode(
  db: Kysely<DB>,
  accountId: string,
  now: Instant,
): Promise<void> {
  await db
    .updateTable('email_change_requests')
    .set((eb) => ({ wrong_codes: eb('wrong_codes', '+', 1) }))
    .where(isLive(now))
    .where('account_id', '=', accountId)
    .execute()
}

/**
 * Ends every live request of an account at `now` (it expires now): a new
 * request replaces those before it, and a confirmed one the others.
 */
export async function expireEmailChanges(
  db: Kysely<DB>,
  accountId: string,
  now: Instant,
): Promise<void> {
  await db
    .updateTable('email_change_requests')
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
export async function deleteEmailChangesOver(
  db: Kysely<DB>,
  before: Instant,
  limit: number,
): Promise<number> {
  const over = db
    .selectFrom('email_change_requests')
    .select('id')
    .where((eb) =>
      eb.or([
        eb('spent_at', '<', writeInstant(before)),
        eb('expires_at', '<', writeInstant(before)),
      ]),
    )
    .limit(limit)
  const batch = dialectOf(db) === 'postgres' ? over.forUpdate().skipLocked() : over
  const result = await db
    .deleteFrom('email_change_requests')
    .where('id', 'in', batch)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** The requests live at `now`: unspent, unexpired, not killed by wrong codes. */
function isLive(now: Instant) {
  return (eb: ExpressionBuilder<DB, 'email_change_requests'>) =>
    eb.and([
      eb('spent_at', 'is', null),
      eb('expires_at', '>', writeInstant(now)),
      eb('wrong_codes', '<', MAX_WRONG_SIGN_IN_CODES),
    ])
}

function toEmailChange(
  row: Pick<Selectable<EmailChangeRequestTable>, (typeof COLUMNS)[number]>,
): StoredEmailChange {
  return {
    id: row.id,
    accountId: row.account_id,
    newEmail: row.new_email,
    codeHash: row.code_hash,
    requestedBy: row.requested_by,
    createdAt: readInstant(row.created_at),
    expiresAt: readInstant(row.expires_at),
    spentAt: readOptionalInstant(row.spent_at),
    wrongCodes: Number(row.wrong_codes),
  }
}
