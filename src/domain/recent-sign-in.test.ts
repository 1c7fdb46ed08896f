import { describe, expect, it } from 'vitest'
import { parseInstant } from './instant.js'
import { DEFAULT_RECENT_SIGN_IN_MS, decideRecentSignIn } from './recent-sign-in.js'

const SIGNED_IN = parseInstant('2026-06-15T12:00:00Z')!
const MINUTE = 60_000
const session = { sessionId: 'session-1', signedInAt: SIGNED_IN }

describe('a recent sign-in', () => {
  it('lasts ten minutes from the sign-in, the tenth minute itself too late', () => {
    expect(decideRecentSignIn(session, SIGNED_IN, DEFAULT_RECENT_SIGN_IN_MS)).toBe(true)
    expect(
      decideRecentSignIn(session, SIGNED_IN + 10 * MINUTE - 1, DEFAULT_RECENT_SIGN_IN_MS),
    ).toBe(true)
    expect(decideRecentSignIn(session, SIGNED_IN + 10 * MINUTE, DEFAULT_RECENT_SIGN_IN_MS)).toBe(
      false,
    )
  })

  it('follows the setting', () => {
    expect(decideRecentSignIn(session, SIGNED_IN + 4 * MINUTE, 5 * MINUTE)).toBe(true)
    expect(decideRecentSignIn(session, SIGNED_IN + 5 * MINUTE, 5 * MINUTE)).toBe(false)
  })

  it('is not asked of a caller without a session, and a session that cannot say when it began is refused', () => {
    expect(decideRecentSignIn({ sessionId: null, signedInAt: null }, SIGNED_IN, 1)).toBe(true)
    expect(
      decideRecentSignIn({ sessionId: 'session-1', signedInAt: null }, SIGNED_IN, MINUTE),
    ).toBe(false)
  })
})
