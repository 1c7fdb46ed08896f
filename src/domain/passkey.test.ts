import { describe, expect, it } from 'vitest'
import { isSignCountAcceptable } from './passkey.js'

describe('isSignCountAcceptable', () => {
  it('wants the counter past the one last seen', () => {
    expect(isSignCountAcceptable(4, 5)).toBe(true)
    expect(isSignCountAcceptable(4, 900)).toBe(true)
    expect(isSignCountAcceptable(4, 4)).toBe(false)
    expect(isSignCountAcceptable(4, 3)).toBe(false)
  })

  it('lets an authenticator that keeps no counter say 0 every time, but not fall back to 0', () => {
    expect(isSignCountAcceptable(0, 0)).toBe(true)
    expect(isSignCountAcceptable(0, 1)).toBe(true)
    expect(isSignCountAcceptable(7, 0)).toBe(false)
  })
})
