import type { Kysely } from 'kysely'
import { recordTokenUse } from '../../db/access/api-tokens.js'
import { runInTransaction } from '../../db/engine/group-commit.js'
import type { DB } from '../../db/engine/schema.js'
import { isLastUseDue } from '../../domain/api-token.js'
import type { Instant } from '../../domain/instant.js'
import type { Principal } from '../../domain/principal.js'

const TRACKED_LIMIT = 10_000

/**
 * Records when each token was last used, at most once a minute per token in
 * this process (`LAST_USE_PRECISION_MS`): a write per request would cost the
 * busiest endpoints a database write each. The write is not awaited, so the
 * request does not wait for it; one that fails is handed to `onFailure` and
 * the next minute's use tries again.
 */
export function recordLastUse(
  deps: { readonly db: Kysely<DB> },
  onFailure: (error: unknown, tokenId: string) => void,
): (principal: Principal, at: Instant) => void {
  const written = new Map<string, Instant>()
  return (principal, at) => {
    const tokenId = principal.tokenId
    if (tokenId === null) return
    if (!isLastUseDue(written.get(tokenId) ?? null, at)) return
    if (written.size >= TRACKED_LIMIT) written.clear()
    written.set(tokenId, at)
    // Through the group commit: on SQLite a bare write would land in whatever group is open.
    runInTransaction(deps.db, (trx) => recordTokenUse(trx, tokenId, at)).catch((error) =>
      onFailure(error, tokenId),
    )
  }
}
