import { isExpired } from '../../domain/api-token.js'
import type { Instant } from '../../domain/instant.js'
import type { Principal } from '../../domain/principal.js'
import type { Clock } from '../clock.js'
import type { TokenHolder } from './api-tokens.js'

const CACHE_LIMIT = 10_000

/** What the token cache needs: where tokens are looked up, the clock, and how to tell that access changed. */
export interface TokenCacheOptions {
  readonly findHolder: (token: string) => Promise<TokenHolder | null>
  readonly clock: Clock
  /** The longest a token is remembered, however quiet the access changes are. */
  readonly ttlMs: number
  /**
   * Stays the same while no token can have been revoked by any process
   * (`AccessWatch.epoch`); null when that cannot be told, and then every
   * request looks its token up.
   */
  readonly accessEpoch: () => unknown
  /** Hears of every admitted request (it must be cheap: it runs on the request's path). */
  readonly onUse?: (principal: Principal, at: Instant) => void
}

/**
 * Remembers who a token speaks for, so that a busy client does not cost a
 * token lookup per request, for as long as the access epoch stays the same
 * (at most `ttlMs`): a revocation by any process gives a new epoch, and the
 * next request looks the token up. An expired token is refused at once: its
 * expiry is remembered and compared with the clock on every request. Unknown
 * tokens are not remembered, so a new token works at once. A remembered token
 * is answered at once, without a promise: this runs before every request.
 */
export function cacheAuthentication(
  options: TokenCacheOptions,
): (token: string) => Principal | null | Promise<Principal | null> {
  const { findHolder, clock, ttlMs, accessEpoch, onUse = () => {} } = options
  const known = new Map<
    string,
    { readonly holder: TokenHolder; readonly until: Instant; readonly epoch: unknown }
  >()
  const admit = (holder: TokenHolder, now: Instant): Principal | null => {
    if (isExpired(holder.expiresAt, now)) return null
    onUse(holder.principal, now)
    return holder.principal
  }
  return (token) => {
    const now = clock.now()
    // Taken before the lookup: a revocation committed while it runs gives a later epoch.
    const epoch = accessEpoch()
    const hit = known.get(token)
    if (hit && hit.until > now && epoch !== null && hit.epoch === epoch) {
      const principal = admit(hit.holder, now)
      if (principal === null) known.delete(token)
      return principal
    }
    return findHolder(token).then((holder) => {
      if (holder) {
        if (known.size >= CACHE_LIMIT) known.clear()
        known.set(token, { holder, until: now + ttlMs, epoch })
        return admit(holder, now)
      }
      known.delete(token)
      return null
    })
  }
}
