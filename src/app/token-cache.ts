import type { Instant } from '../domain/instant.js'
import type { Principal } from './api-tokens.js'
import type { Clock } from './clock.js'

const CACHE_LIMIT = 10_000

/**
 * Remembers who a token speaks for, for `ttlMs`, so that a busy client does
 * not cost a token lookup per request. The price: a revoked token keeps
 * working for at most `ttlMs` on a process that had seen it. Unknown tokens
 * are not remembered, so a new token works at once.
 */
export function cacheAuthentication(
  authenticate: (token: string) => Promise<Principal | null>,
  clock: Clock,
  ttlMs: number,
): (token: string) => Promise<Principal | null> {
  const known = new Map<string, { readonly principal: Principal; readonly until: Instant }>()
  return async (token) => {
    const now = clock.now()
    const hit = known.get(token)
    if (hit && hit.until > now) return hit.principal
    const principal = await authenticate(token)
    if (principal) {
      if (known.size >= CACHE_LIMIT) known.clear()
      known.set(token, { principal, until: now + ttlMs })
    } else {
      known.delete(token)
    }
    return principal
  }
}
