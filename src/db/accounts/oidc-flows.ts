import type { Kysely } from 'kysely'
import type { Instant } from '../../domain/instant.js'
import type { OidcFlowMode, OidcFlowState } from '../../domain/outside-identity.js'
import { readInstant, readOptionalInstant, writeInstant } from '../engine/columns.js'
import type { DB } from '../engine/schema.js'

/** A started OpenID Connect flow as stored: hashes of its state and browser secret, never those secrets. */
export interface StoredOidcFlow extends OidcFlowState {
  readonly id: string
  readonly browserHash: string
  readonly codeVerifier: string
  readonly nonce: string
  readonly mode: OidcFlowMode
  readonly accountId: string | null
  readonly createdAt: Instant
}

export async function insertOidcFlow(
  db: Kysely<DB>,
  flow: StoredOidcFlow & { readonly stateHash: string },
): Promise<void> {
  await db
    .insertInto('oidc_flows')
    .values({
      id: flow.id,
      state_hash: flow.stateHash,
      browser_hash: flow.browserHash,
      code_verifier: flow.codeVerifier,
      nonce: flow.nonce,
      mode: flow.mode,
      account_id: flow.accountId,
      created_at: writeInstant(flow.createdAt),
      expires_at: writeInstant(flow.expiresAt),
      spent_at: null,
    })
    .execute()
}

/** The flow whose state has this hash, spent or not; null when there is none. */
export async function findOidcFlowByState(
  db: Kysely<DB>,
  stateHash: string,
): Promise<StoredOidcFlow | null> {
  const row = await db
    .selectFrom('oidc_flows')
    .selectAll()
    .where('state_hash', '=', stateHash)
    .executeTakeFirst()
  if (row === undefined) return null
  return {
    id: row.id,
    browserHash: row.browser_hash,
    codeVerifier: row.code_verifier,
    nonce: row.nonce,
    mode: row.mode,
    accountId: row.account_id,
    createdAt: readInstant(row.created_at),
    expiresAt: readInstant(row.expires_at),
    spentAt: readOptionalInstant(row.spent_at),
  }
}

/** Spends a live flow at `now`; false when it was spent or had expired (on another process, too). */
export async function spendOidcFlow(db: Kysely<DB>, id: string, now: Instant): Promise<boolean> {
  const result = await db
    .updateTable('oidc_flows')
    .set({ spent_at: writeInstant(now) })
    .where('id', '=', id)
    .where('spent_at', 'is', null)
    .where('expires_at', '>', writeInstant(now))
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Forgets flows that ended before `before`: nothing is left to finish in them. */
export async function purgeOidcFlows(db: Kysely<DB>, before: Instant): Promise<number> {
  const result = await db
    .deleteFrom('oidc_flows')
    .where('expires_at', '<', writeInstant(before))
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
