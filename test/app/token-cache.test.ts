import { describe, expect, it, vi } from 'vitest'
import type { TokenHolder } from '../../src/app/access/api-tokens.js'
import { cacheAuthentication } from '../../src/app/access/token-cache.js'
import { fixedClock } from '../../src/app/clock.js'
import { type Principal, tokenPrincipal } from '../../src/domain/principal.js'
import { NOW } from './scenario.js'

const PRINCIPAL: Principal = tokenPrincipal({
  id: 'token-1',
  role: 'provider',
  providerId: 'prometric',
})

describe('cacheAuthentication', () => {
  it('refuses a remembered token at once when its expiry comes, without asking the database', async () => {
    const clock = fixedClock(NOW)
    const holder: TokenHolder = { principal: PRINCIPAL, expiresAt: NOW + 5_000 }
    const find = vi.fn(async () => holder)
    const uses: number[] = []
    const authenticate = cacheAuthentication({
      findHolder: find,
      clock,
      ttlMs: 10_000,
      accessEpoch: () => 'quiet',
      onUse: (_, at) => uses.push(at),
    })
    expect(await authenticate('secret')).toEqual(PRINCIPAL)
    clock.set(NOW + 4_999)
    expect(authenticate('secret')).toEqual(PRINCIPAL)
    clock.set(NOW + 5_000)
    expect(authenticate('secret')).toBeNull()
    expect(await authenticate('secret')).toBeNull()
    expect(uses).toEqual([NOW, NOW + 4_999])
  })

  it('hears of every admitted request, and of none refused', async () => {
    const clock = fixedClock(NOW)
    const onUse = vi.fn()
    const authenticate = cacheAuthentication({
      findHolder: async () => null,
      clock,
      ttlMs: 10_000,
      accessEpoch: () => 'quiet',
      onUse,
    })
    expect(await authenticate('unknown')).toBeNull()
    expect(onUse).not.toHaveBeenCalled()
  })

  it('looks a remembered token up again once access changed, and on every request while that cannot be told', async () => {
    const clock = fixedClock(NOW)
    let holder: TokenHolder | null = { principal: PRINCIPAL, expiresAt: null }
    const find = vi.fn(async () => holder)
    let epoch: string | null = 'first'
    const authenticate = cacheAuthentication({
      findHolder: find,
      clock,
      ttlMs: 10_000,
      accessEpoch: () => epoch,
    })
    expect(await authenticate('secret')).toEqual(PRINCIPAL)
    expect(authenticate('secret')).toEqual(PRINCIPAL)
    expect(find).toHaveBeenCalledTimes(1)

    // Revoked by some process: the epoch moves, and the next request is refused.
    holder = null
    epoch = 'after a revocation'
    expect(await authenticate('secret')).toBeNull()
    expect(find).toHaveBeenCalledTimes(2)

    holder = { principal: PRINCIPAL, expiresAt: null }
    epoch = null
    expect(await authenticate('secret')).toEqual(PRINCIPAL)
    expect(await authenticate('secret')).toEqual(PRINCIPAL)
    expect(find).toHaveBeenCalledTimes(4)
  })

  it('forgets a token after the time bound, however quiet access is', async () => {
    const clock = fixedClock(NOW)
    const find = vi.fn(
      async (): Promise<TokenHolder> => ({ principal: PRINCIPAL, expiresAt: null }),
    )
    const authenticate = cacheAuthentication({
      findHolder: find,
      clock,
      ttlMs: 10_000,
      accessEpoch: () => 'quiet',
    })
    await authenticate('secret')
    clock.set(NOW + 9_999)
    expect(authenticate('secret')).toEqual(PRINCIPAL)
    clock.set(NOW + 10_000)
    expect(await authenticate('secret')).toEqual(PRINCIPAL)
    expect(find).toHaveBeenCalledTimes(2)
  })
})
