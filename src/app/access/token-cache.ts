import { isExpired } from '../../domain/api-token.js'
import type { Instant } from '../../domain/instant.js'
import type { Principal } from '../../domain/principal.js'
import type { Clock } from '../clock.js'
import type { TokenHolder } from './api-tokens.js'

const CACHE_LIMIT = 10_000

/**
 * Remembers who a token speaks for, and until when, for `ttlMs`, so that a
 * busy client does not cost a token lookup per request. The price: a
 * revoked token keeps working for at most `ttlMs` on a process that had
 * seen it. An expired one is refused at once: its expiry is remembered and
 * compared with the clock on every request. Unknown tokens are not
 * remembered, so a new token works at once. A remembered token is answered
 * at once, without a promise: this runs before every request. `onUse` hears
 * of every admitted request (it must be cheap: it runs on the request's path).
 */
export function cacheAuthentication(
  findHolder: (token: string) => Promise<TokenHolder | null>,
  clock: Clock,
  ttlMs: number,
  onUse: (principal: Principal, at: Instant) => void = () => {},
): (token: string) => Principal | null | Promise<Principal | null> {
  const known = new Map<string, { readonly holder: TokenHolder; readonly until: Instant }>()
  const admit = (holder: TokenHolder, now: Instant): Principal | null => {
    if (isExpired(holder.expiresAt, now)) return null
    onUse(holder.principal, now)
    return holder.principal
  }
  return (token) => {
    const now = clock.now()
    const hit = known.get(token)
    if (hit && hit.until > now) {
      const principal = admit(hit.holder, now)
      if (principal === null) known.delete(token)
      return principal
    }
    return findHolder(token).then((holder) => {
      if (holder) {
        if (known.size >= CACHE_LIMIT) known.clear()
        known.set(token, { holder, until: now + ttlMs })
        return admit(holder, now)
      }
      known.delete(token)
      return null
    })
  }
}
