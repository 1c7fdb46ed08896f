import { describe, expect, it } from 'vitest'
import {
  DEFAULT_TOKEN_DAYS,
  decideTokenProvider,
  isLastUseDue,
  tokenExpiry,
  tokenState,
} from './api-token.js'
import { DAY_MS } from './instant.js'

const NOW = Date.parse('2026-06-15T12:00:00Z')

describe('tokenState', () => {
  it('is active until its expiry, expired from it, and revoked once revoked, expired or not', () => {
    expect(tokenState({ expiresAt: null, revokedAt: null }, NOW)).toBe('active')
    expect(tokenState({ expiresAt: NOW + 1, revokedAt: null }, NOW)).toBe('active')
    expect(tokenState({ expiresAt: NOW, revokedAt: null }, NOW)).toBe('expired')
    expect(tokenState({ expiresAt: NOW - DAY_MS, revokedAt: NOW - 1 }, NOW)).toBe('revoked')
    expect(tokenState({ expiresAt: null, revokedAt: NOW }, NOW)).toBe('revoked')
  })
})

describe('decideTokenProvider', () => {
  it('asks a provider token for its provider and refuses one for any other role', () => {
    expect(decideTokenProvider('provider', 'prometric')).toBe('ok')
    expect(decideTokenProvider('provider', undefined)).toBe('provider-required')
    expect(decideTokenProvider('support', undefined)).toBe('ok')
    expect(decideTokenProvider('admin', 'prometric')).toBe('provider-not-allowed')
  })
})

describe('tokenExpiry', () => {
  it('takes the instant asked for, else the days asked for, else a year', () => {
    expect(tokenExpiry(NOW, { expiresAt: NOW + 5 })).toBe(NOW + 5)
    expect(tokenExpiry(NOW, { expiresInDays: 90 })).toBe(NOW + 90 * DAY_MS)
    expect(tokenExpiry(NOW, {})).toBe(NOW + DEFAULT_TOKEN_DAYS * DAY_MS)
  })
})

describe('isLastUseDue', () => {
  it('writes the first use, then no more than once a minute', () => {
    expect(isLastUseDue(null, NOW)).toBe(true)
    expect(isLastUseDue(NOW, NOW + 59_999)).toBe(false)
    expect(isLastUseDue(NOW, NOW + 60_000)).toBe(true)
  })
})
