import type { Kysely } from 'kysely'
import type { CandidateSignUp } from '../../domain/account.js'
import type { Instant } from '../../domain/instant.js'
import { MAX_WRONG_SIGN_IN_CODES, type SignInRequestState } from '../../domain/sign-in-request.js'
import { readInstant, readOptionalInstant, writeInstant } from '../engine/columns.js'
import { dialectOf } from '../engine/dialect.js'
import type { DB } from '../engine/schema.js'

/** A sign-in request as stored: hashes only, never its link's secret or its code. */
export interface StoredSignInRequest extends SignInRequestState {
  readonly id: string
  readonly accountId: string
  readonly codeHash: string
  readonly createdAt: Instant
  /** What the sign-up that asked for it gave; null for a plain sign-in. */
  readonly signUp: CandidateSignUp | null
}

export async function insertSignInRequest(
  db: Kysely<DB>,
  request: StoredSignInRequest & { readonly linkHash: string },
): Promise<void> {
  await db
    .insertInto('sign_in_requests')
    .values({
      id: request.id,
      account_id: request.accountId,
      link_hash: request.linkHash,
      code_hash: request.codeHash,
      created_at: writeInstant(request.createdAt),
      expires_at: writeInstant(request.expiresAt),
      spent_at: null,
      wrong_codes: 0,
      first_name: request.signUp?.firstName ?? null,
      last_name: request.signUp?.lastName ?? null,
      country: request.signUp?.country ?? null,
      time_zone: request.signUp?.timeZone ?? null,
    })
    .execute()
}

const COLUMNS = [
  'id',
  'account_id',
  'code_hash',
  'created_at',
  'expires_at',
  'spent_at',
  'wrong_codes',
  'first_name',
  'last_name',
  'country',
  'time_zone',
] as const

/** The request whose link has this hash, spent or not; null when there is none. */
export async function findSignInRequestByLink(
  db: Kysely<DB>,
  linkHash: string,
): Promise<StoredSignInRequest | null> {
  const row = await db
    .selectFrom('sign_in_requests')
    .select(COLUMNS)
    .where('link_hash', '=', linkHash)
    .executeTakeFirst()
  return row ? toRequest(row) : null
}

/** An account's requests that can still sign in at `now`, newest first. */
export async function findLiveSignInRequests(
  db: Kysely<DB>,
  accountId: string,
  now: Instant,
): Promise<StoredSignInRequest[]> {
  const rows = await db
    .selectFrom('sign_in_requests')
    .select(COLUMNS)
    .where('account_id', '=', accountId)
    .where('expires_at', '>', writeInstant(now))
    .where('spent_at', 'is', null)
    .where('wrong_codes', '<', MAX_WRONG_SIGN_IN_CODES)
    .orderBy('created_at', 'desc')
    .execute()
  return rows.map(toRequest)
}

/**
 * Spends a request at `now` if it is still live; false when it was spent,
 * expired or killed meanwhile (by another process, too): the one statement
 * decides, so a request signs in once.
 */
export async function spendSignInRequest(
  db: Kysely<DB>,
  id: string,
  now: Instant,
): Promise<boolean> {
  const result = await db
    .updateTable('sign_in_requests')
    .set({ spent_at: writeInstant(now) })
    .where('id', '=', id)
    .where('spent_at', 'is', null)
    .where('expires_at', '>', writeInstant(now))
    .where('wrong_codes', '<', MAX_WRONG_SIGN_IN_CODES)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Counts a wrong code against every live request of the account, in one statement. */
export async function countWrongSignInCode(
  db: Kysely<DB>,
  accountId: string,
  now: Instant,
): Promise<void> {
  await db
    .updateTable('sign_in_requests')
    .set((eb) => ({ wrong_codes: eb('wrong_codes', '+', 1) }))
    .where('account_id', '=', accountId)
    .where('spent_at', 'is', null)
    .where('expires_at', '>', writeInstant(now))
    .where('wrong_codes', '<', MAX_WRONG_SIGN_IN_CODES)
    .execute()
}

/** Ends every live request of an account at `now` (it expires now): their link and code stop working. */
export async function expireSignInRequests(
  db: Kysely<DB>,
  accountId: string,
  now: Instant,
): Promise<void> {
  await db
    .updateTable('sign_in_requests')
    .set({ expires_at: writeInstant(now) })
    .where('account_id', '=', accountId)
    .where('spent_at', 'is', null)
    .where('expires_at', '>', writeInstant(now))
    .execute()
}

/**
 * Deletes at most `limit` requests spent or expired before `before`, in one
 * statement; how many went. Several processes may purge at once (on
 * PostgreSQL rows being deleted by another are skipped).
 */
export async function deleteSignInRequestsOver(
  db: Kysely<DB>,
  before: Instant,
  limit: number,
): Promise<number> {
  const over = db
    .selectFrom('sign_in_requests')
    .select('id')
    .where((eb) =>
      eb.or([
        eb('spent_at', '<', writeInstant(before)),
        eb('expires_at', '<', writeInstant(before)),
      ]),
    )
    .limit(limit)
  const batch = dialectOf(db) === 'postgres' ? over.forUpdate().skipLocked() : over
  const result = await db.deleteFrom('sign_in_requests').where('id', 'in', batch).executeTakeFirst()
  return Number(result.numDeletedRows)
}

function toRequest(row: {
  id: string
  account_id: string
  code_hash: string
  created_at: string | Date
  expires_at: string | Date
  spent_at: string | Date | null
  wrong_codes: number
  first_name: string | null
  last_name: string | null
  country: string | null
  time_zone: string | null
}): StoredSignInRequest {
  return {
    id: row.id,
    accountId: row.account_id,
    codeHash: row.code_hash,
    createdAt: readInstant(row.created_at),
    expiresAt: readInstant(row.expires_at),
    spentAt: readOptionalInstant(row.spent_at),
    wrongCodes: Number(row.wrong_codes),
    signUp:
      row.first_name !== null &&
      row.last_name !== null &&
      row.country !== null &&
      row.time_zone !== null
        ? {
            firstName: row.first_name,
            lastName: row.last_name,
            country: row.country,
            timeZone: row.time_zone,
          }
        : null,
  }
}
