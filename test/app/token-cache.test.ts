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
    const authenticate = cacheAuthentication(find, clock, 10_000, (_, at) => uses.push(at))
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
    const authenticate = cacheAuthentication(async () => null, clock, 10_000, onUse)
    expect(await authenticate('unknown')).toBeNull()
    expect(onUse).not.toHaveBeenCalled()
  })
})
