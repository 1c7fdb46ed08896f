import type { Kysely } from 'kysely'
import type { CandidateSignUp } from '../../domain/account.js'
import type { Instant } from '../../domain/instant.js'
import type { SignInRequestState } from '../../domain/sign-in-request.js'
import { readInstant, readOptionalInstant, writeInstant } from '../engine/columns.js'
import type { DB } from '../engine/schema.js'
import { isLive } from './mailed-code-requests.js'

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
    .where(isLive(now))
    .where('account_id', '=', accountId)
    .orderBy('created_at', 'desc')
    .execute()
  return rows.map(toRequest)
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
