import { describe, expect, it } from 'vitest'
import { readConfig } from './config.js'
import { parseTrustProxy } from './trust-proxy.js'

describe('parseTrustProxy (TRUST_PROXY)', () => {
  it('trusts no proxy when unset, empty or false', () => {
    expect(readConfig({}).trustProxy).toBe(false)
    expect(parseTrustProxy('')).toBe(false)
    expect(parseTrustProxy(' False ')).toBe(false)
  })

  it('reads a comma-separated list of addresses, CIDR ranges and range names', () => {
    expect(parseTrustProxy('10.0.0.0/8, 127.0.0.1,::1 , fd00::/8,loopback')).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      '::1',
      'fd00::/8',
      'loopback',
    ])
    expect(readConfig({ TRUST_PROXY: '192.168.1.10' }).trustProxy).toEqual(['192.168.1.10'])
  })

  it('refuses true and hop counts, which let a client choose its own address', () => {
    expect(() => parseTrustProxy('true')).toThrow(/choose its own address/)
    expect(() => parseTrustProxy('1')).toThrow(/hop count/)
  })

  it('refuses what is not an address or range, naming it', () => {
    expect(() => parseTrustProxy('10.0.0.0/8, proxy.internal')).toThrow(/"proxy.internal"/)
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow(/"10.0.0.0\/33"/)
    expect(() => parseTrustProxy('10.0.0.1,')).toThrow(/""/)
  })
})
