import type { Kysely } from 'kysely'
import type { AccountRole } from '../../domain/account.js'
import type { Instant } from '../../domain/instant.js'
import type { Session, SessionEnding } from '../../domain/session.js'
import { readInstant, readOptionalInstant, writeInstant } from '../engine/columns.js'
import { dialectOf } from '../engine/dialect.js'
import type { DB } from '../engine/schema.js'

/** A person's session as stored: the hash of its cookie's secret is never read back. */
export type StoredSession = Session

/** A session with who it speaks for, as a request with its cookie needs it. */
export interface SessionHolder extends StoredSession {
  readonly account: {
    readonly role: AccountRole
    readonly displayName: string
    readonly email: string
    readonly candidateId: string | null
    readonly disabledAt: Instant | null
  }
}

export async function insertSession(
  db: Kysely<DB>,
  session: StoredSession & { readonly secretHash: string },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      secret_hash: session.secretHash,
      account_id: session.accountId,
      created_at: writeInstant(session.createdAt),
      last_seen_at: writeInstant(session.lastSeenAt),
      ended_at: null,
      ended_reason: null,
      user_agent: session.userAgent,
      address: session.address,
    })
    .execute()
}

const SESSION_COLUMNS = [
  'sessions.id',
  'sessions.account_id',
  'sessions.created_at',
  'sessions.last_seen_at',
  'sessions.ended_at',
  'sessions.ended_reason',
  'sessions.user_agent',
  'sessions.address',
] as const

/** The session whose cookie secret has this hash, with its account; null when there is none. */
export async function findSessionByHash(
  db: Kysely<DB>,
  secretHash: string,
): Promise<SessionHolder | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
    .select([
      ...SESSION_COLUMNS,
      'accounts.role',
      'accounts.display_name',
      'accounts.email',
      'accounts.candidate_id',
      'accounts.disabled_at',
    ])
    .where('sessions.secret_hash', '=', secretHash)
    .executeTakeFirst()
  if (row === undefined) return null
  return {
    ...toSession(row),
    account: {
      role: row.role,
      displayName: row.display_name,
      email: row.email,
      candidateId: row.candidate_id,
      disabledAt: readOptionalInstant(row.disabled_at),
    },
  }
}

/** Records a use at `at`, unless the session has ended or a later use is recorded already. */
export async function touchSession(db: Kysely<DB>, id: string, at: Instant): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: writeInstant(at) })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .where('last_seen_at', '<', writeInstant(at))
    .execute()
}

/** Ends one session (of `accountId`, when given) at `at`; false when it had ended already or is not theirs. */
export async function endSession(
  db: Kysely<DB>,
  id: string,
  at: Instant,
  reason: SessionEnding,
  accountId?: string,
): Promise<boolean> {
  let query = db
    .updateTable('sessions')
    .set({ ended_at: writeInstant(at), ended_reason: reason })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
  if (accountId !== undefined) query = query.where('account_id', '=', accountId)
  const result = await query.executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Ends every open session of an account; how many were ended. */
export async function endSessionsOfAccount(
  db: Kysely<DB>,
  accountId: string,
  at: Instant,
  reason: SessionEnding,
): Promise<number> {
  const result = await db
    .updateTable('sessions')
    .set({ ended_at: writeInstant(at), ended_reason: reason })
    .where('account_id', '=', accountId)
    .where('ended_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** An account's session with this id, or null (another account's too). */
export async function findSessionOfAccount(
  db: Kysely<DB>,
  accountId: string,
  id: string,
): Promise<StoredSession | null> {
  const row = await db
    .selectFrom('sessions')
    .select(SESSION_COLUMNS)
    .where('sessions.id', '=', id)
    .where('sessions.account_id', '=', accountId)
    .executeTakeFirst()
  return row ? toSession(row) : null
}

/** An account's sessions, newest first: open ones and ended ones alike. */
export async function listSessionsOfAccount(
  db: Kysely<DB>,
  accountId: string,
  limit: number,
): Promise<StoredSession[]> {
  const rows = await db
    .selectFrom('sessions')
    .select(SESSION_COLUMNS)
    .where('sessions.account_id', '=', accountId)
    .orderBy('sessions.created_at', 'desc')
    .orderBy('sessions.id', 'desc')
    .limit(limit)
    .execute()
  return rows.map(toSession)
}

/**
 * Deletes at most `limit` sessions that ended before `endedBefore`, began
 * before `createdBefore` or were last used before `lastSeenBefore`, in one
 * statement; how many went. On PostgreSQL rows another process is deleting
 * at the same moment are skipped rather than waited for, so several
 * processes may purge at once. The table holds about a day of sessions
 * once purged, so no index serves this: a scan of it is short.
 */
export async function deleteSessionsOver(
  db: Kysely<DB>,
  cutoffs: {
    readonly endedBefore: Instant
    readonly createdBefore: Instant
    readonly lastSeenBefore: Instant
  },
  limit: number,
): Promise<number> {
  const over = db
    .selectFrom('sessions')
    .select('id')
    .where((eb) =>
      eb.or([
        eb('ended_at', '<', writeInstant(cutoffs.endedBefore)),
        eb('created_at', '<', writeInstant(cutoffs.createdBefore)),
        eb('last_seen_at', '<', writeInstant(cutoffs.lastSeenBefore)),
      ]),
    )
    .limit(limit)
  const batch = dialectOf(db) === 'postgres' ? over.forUpdate().skipLocked() : over
  const result = await db.deleteFrom('sessions').where('id', 'in', batch).executeTakeFirst()
  return Number(result.numDeletedRows)
}

function toSession(row: {
  id: string
  account_id: string
  created_at: string | Date
  last_seen_at: string | Date
  ended_at: string | Date | null
  ended_reason: SessionEnding | null
  user_agent: string | null
  address: string | null
}): StoredSession {
  return {
    id: row.id,
    accountId: row.account_id,
    createdAt: readInstant(row.created_at),
    lastSeenAt: readInstant(row.last_seen_at),
    endedAt: readOptionalInstant(row.ended_at),
    endedReason: row.ended_reason,
    userAgent: row.user_agent,
    address: row.address,
  }
}
