import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import {
  countTokens,
  findActiveTokenByHash,
  findTokenByHash,
  insertToken,
  type TokenRole,
} from '../../db/access/api-tokens.js'
import type { DB } from '../../db/engine/schema.js'
import { isExpired } from '../../domain/api-token.js'
import type { Instant } from '../../domain/instant.js'
import { type Principal, tokenPrincipal } from '../../domain/principal.js'
import type { Clock } from '../clock.js'

/** API tokens: handed out once, stored only as a SHA-256 hash. */

/** Who a token speaks for, and until when: what the token cache keeps. */
export interface TokenHolder {
  readonly principal: Principal
  readonly expiresAt: Instant | null
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** A new secret: 32 random bytes, prefixed so that a leaked one is recognised as ours. */
export function newTokenSecret(): string {
  return `exd_${randomBytes(32).toString('base64url')}`
}

/**
 * Stores a token as given, no rule asked: no provider and no expiry unless
 * told. What a new token must be (its provider, a year's life) is
 * `issueApiToken`'s; this is for the start's admin token and for test set-ups.
 * The secret is returned here and never again.
 */
export async function createToken(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  input: {
    readonly role: TokenRole
    readonly label: string
    readonly secret?: string
    readonly providerId?: string | null
    readonly expiresAt?: Instant | null
  },
): Promise<{ readonly id: string; readonly role: TokenRole; readonly token: string }> {
  const token = input.secret ?? newTokenSecret()
  const id = uuidv7()
  await insertToken(deps.db, {
    id,
    tokenHash: hashToken(token),
    role: input.role,
    label: input.label,
    providerId: input.providerId ?? null,
    expiresAt: input.expiresAt ?? null,
    createdAt: deps.clock.now(),
  })
  return { id, role: input.role, token }
}

/** Who an unrevoked token speaks for and until when, or null when it is unknown or revoked. */
export async function findTokenHolder(
  deps: { readonly db: Kysely<DB> },
  token: string,
): Promise<TokenHolder | null> {
  const found = await findActiveTokenByHash(deps.db, hashToken(token))
  if (found === null) return null
  return {
    principal: tokenPrincipal(found),
    expiresAt: found.expiresAt,
  }
}

/** Who a presented token speaks for, or null when it is unknown, revoked or expired. */
export async function authenticate(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  token: string,
): Promise<Principal | null> {
  const holder = await findTokenHolder(deps, token)
  if (holder === null || isExpired(holder.expiresAt, deps.clock.now())) return null
  return holder.principal
}

/**
 * On first start the database has no token: create an admin token, from
 * `presetSecret` when the operator gave one. Returns the new secret when one
 * was generated (to be shown once), else null. Neither expires: they are how
 * an operator gets in at all, and are revoked by hand.
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
