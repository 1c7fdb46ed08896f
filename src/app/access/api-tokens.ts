import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import {
  countTokens,
  findActiveTokenByHash,
  findToken,
  findTokenByHash,
  insertToken,
  listTokens,
  revokeToken,
  type StoredToken,
  type TokenRole,
} from '../../db/access/api-tokens.js'
import type { DB } from '../../db/engine/schema.js'
import type { Clock } from '../clock.js'

/** API tokens: handed out once, stored only as a SHA-256 hash. */

export interface Principal {
  readonly tokenId: string
  readonly role: TokenRole
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** Makes a new token with a role; the secret is returned here and never again. */
export async function createToken(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  input: { readonly role: TokenRole; readonly label: string; readonly secret?: string },
): Promise<{ readonly id: string; readonly role: TokenRole; readonly token: string }> {
  const token = input.secret ?? `exd_${randomBytes(32).toString('base64url')}`
  const id = uuidv7()
  await insertToken(deps.db, {
    id,
    tokenHash: hashToken(token),
    role: input.role,
    label: input.label,
    createdAt: deps.clock.now(),
  })
  return { id, role: input.role, token }
}

/** Who a presented token speaks for, or null when it is unknown or revoked. */
export async function authenticate(
  deps: { readonly db: Kysely<DB> },
  token: string,
): Promise<Principal | null> {
  const found = await findActiveTokenByHash(deps.db, hashToken(token))
  return found ? { tokenId: found.id, role: found.role } : null
}

/**
 * On first start the database has no token: create an admin token, from
 * `presetSecret` when the operator gave one. Returns the new secret when one
 * was generated (to be shown once), else null.
 */
export async function ensureAdminToken(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  presetSecret: string | undefined,
): Promise<{ readonly token: string; readonly generated: boolean } | null> {
  if ((await countTokens(deps.db)) > 0) {
    // A preset secret already stored, even revoked, is not stored again: a
    // revoked one stays revoked (and a second row would break the unique hash).
    if (presetSecret && !(await findTokenByHash(deps.db, hashToken(presetSecret)))) {
      await createToken(deps, {
        role: 'admin',
        label: 'EXAMDESK_ADMIN_TOKEN',
        secret: presetSecret,
      })
    }
    return null
  }
  const created = await createToken(deps, {
    role: 'admin',
    label: presetSecret ? 'EXAMDESK_ADMIN_TOKEN' : 'first start',
    ...(presetSecret ? { secret: presetSecret } : {}),
  })
  return { token: created.token, generated: !presetSecret }
}

/** Every token with its role, label, creation and revocation; never a secret, which is not kept. */
export function listApiTokens(deps: { readonly db: Kysely<DB> }): Promise<StoredToken[]> {
  return listTokens(deps.db)
}

/**
 * Revokes a token from now on. Answers the token as it now stands and
 * whether this call revoked it (false: it was revoked before), or null
 * when no token has this id.
 */
export async function revokeApiToken(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  id: string,
): Promise<{ readonly token: StoredToken; readonly revokedNow: boolean } | null> {
  const now = deps.clock.now()
  const revokedNow = await revokeToken(deps.db, id, now)
  const token = await findToken(deps.db, id)
  return token === null ? null : { token, revokedNow }
}
