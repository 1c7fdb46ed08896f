import type { Instant } from '../../domain/instant.js'
import type { Clock } from '../clock.js'
import type { Principal } from './api-tokens.js'

const CACHE_LIMIT = 10_000

/**
 * Remembers who a token speaks for, for `ttlMs`, so that a busy client does
 * not cost a token lookup per request. The price: a revoked token keeps
 * working for at most `ttlMs` on a process that had seen it. Unknown tokens
 * are not remembered, so a new token works at once. A remembered token is
 * answered at once, without a promise: this runs before every request.
 */
export function cacheAuthentication(
  authenticate: (token: string) => Promise<Principal | null>,
  clock: Clock,
  ttlMs: number,
): (token: string) => Principal | Promise<Principal | null> {
  const known = new Map<string, { readonly principal: Principal; readonly until: Instant }>()
  return (token) => {
    const now = clock.now()
    const hit = known.get(token)
    if (hit && hit.until > now) return hit.principal
    return authenticate(token).then((principal) => {
      if (principal) {
        if (known.size >= CACHE_LIMIT) known.clear()
        known.set(token, { principal, until: now + ttlMs })
      } else {
        known.delete(token)
      }
      return principal
    })
  }
}
