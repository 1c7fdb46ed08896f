import type { Kysely } from 'kysely'
import type { Instant } from '../../domain/instant.js'
import type { PasskeyCeremony } from '../../domain/passkey.js'
import { writeInstant } from '../engine/columns.js'
import type { DB } from '../engine/schema.js'

/** Keeps a challenge handed out (its hash), for one ceremony and, for a registration, one account. */
export async function insertChallenge(
  db: Kysely<DB>,
  challenge: {
    readonly hash: string
    readonly ceremony: PasskeyCeremony
    readonly accountId: string | null
    readonly createdAt: Instant
    readonly expiresAt: Instant
  },
): Promise<void> {
  await db
    .insertInto('webauthn_challenges')
    .values({
      challenge_hash: challenge.hash,
      ceremony: challenge.ceremony,
      account_id: challenge.accountId,
      created_at: writeInstant(challenge.createdAt),
      expires_at: writeInstant(challenge.expiresAt),
      spent_at: null,
    })
    .execute()
}

/**
 * Spends a challenge at `now`: only one of its ceremony (and, for a
 * registration, of this account), not spent and not expired. The one
 * statement decides, on every process: of two answers to one challenge, one
 * is taken. False when there was none to spend.
 */
export async function spendChallenge(
  db: Kysely<DB>,
  hash: string,
  ceremony: PasskeyCeremony,
  accountId: string | null,
  now: Instant,
): Promise<boolean> {
  let query = db
    .updateTable('webauthn_challenges')
    .set({ spent_at: writeInstant(now) })
    .where('challenge_hash', '=', hash)
    .where('ceremony', '=', ceremony)
    .where('spent_at', 'is', null)
    .where('expires_at', '>', writeInstant(now))
  query =
    accountId === null
      ? query.where('account_id', 'is', null)
      : query.where('account_id', '=', accountId)
  const result = await query.executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Forgets challenges that expired before `before`; how many. */
export async function purgeChallenges(db: Kysely<DB>, before: Instant): Promise<number> {
  const result = await db
    .deleteFrom('webauthn_challenges')
    .where('expires_at', '<', writeInstant(before))
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
