import type { Kysely, Selectable } from 'kysely'
import type { Instant } from '../../domain/instant.js'
import type { SignInRequestState } from '../../domain/sign-in-request.js'
import { readInstant, readOptionalInstant, writeInstant } from '../engine/columns.js'
import type { DB, EmailChangeRequestTable } from '../engine/schema.js'
import { isLive } from './mailed-code-requests.js'

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
