import type { Kysely } from 'kysely'
import { watchAccessChanges } from '../../db/engine/access-changes.js'
import type { DB } from '../../db/engine/schema.js'
import type { Instant } from '../../domain/instant.js'
import type { Principal } from '../../domain/principal.js'
import type { Clock } from '../clock.js'
import { findTokenHolder } from './api-tokens.js'
import { cacheAuthentication } from './token-cache.js'

/**
 * The longest a token is remembered. A revocation reaches every process at
 * once (`watchAccessChanges`); this bounds it only while that cannot be
 * told, and then each request looks its token up anyway.
 */
export const TOKEN_CACHE_MS = 10_000

/** Bearer tokens as one process checks them: remembered, and forgotten when any process revokes one. */
export interface TokenAuthentication {
  readonly authenticate: (token: string) => Principal | null | Promise<Principal | null>
  /** Stops listening for revocations. */
  close(): Promise<void>
}

export function authenticateTokens(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  hooks: {
    readonly onUse: (principal: Principal, at: Instant) => void
    /** The connection that hears of revocations was lost; it is opened again, and meanwhile every token is looked up. */
    readonly onListenerLost: (error: unknown) => void
  },
): TokenAuthentication {
  const accessChanges = watchAccessChanges(deps.db, hooks.onListenerLost)
  return {
    authenticate: cacheAuthentication({
      findHolder: (token) => findTokenHolder(deps, token),
      clock: deps.clock,
      ttlMs: TOKEN_CACHE_MS,
      accessEpoch: () => accessChanges.epoch(),
      onUse: hooks.onUse,
    }),
    close: () => accessChanges.close(),
  }
}
