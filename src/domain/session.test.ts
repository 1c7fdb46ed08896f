import { describe, expect, it } from 'vitest'
import { HOUR_MS } from './instant.js'
import { DEFAULT_SESSION_TIMEOUTS, decideSessionLife, isLastSeenDue } from './session.js'

const MINUTE = HOUR_MS / 60
const SIGNED_IN = 1_000_000_000_000

const session = (lastSeenAt: number) => ({
  createdAt: SIGNED_IN,
  lastSeenAt,
  endedAt: null,
  endedReason: null,
})

describe('decideSessionLife', () => {
  it('keeps a session used within 30 minutes, until 12 hours after sign-in', () => {
    const life = (seen: number, now: number) =>
      decideSessionLife(session(seen), now, DEFAULT_SESSION_TIMEOUTS)
    expect(life(SIGNED_IN, SIGNED_IN + 30 * MINUTE - 1)).toBe('live')
    expect(life(SIGNED_IN, SIGNED_IN + 30 * MINUTE)).toBe('idle')
    const lastUse = SIGNED_IN + 12 * HOUR_MS - 10 * MINUTE
    expect(life(lastUse, SIGNED_IN + 12 * HOUR_MS - 1)).toBe('live')
    expect(life(lastUse, SIGNED_IN + 12 * HOUR_MS)).toBe('expired')
  })

  it('says how an ended session ended, whatever the time', () => {
    expect(
      decideSessionLife(
        { ...session(SIGNED_IN), endedAt: SIGNED_IN + 1, endedReason: 'signed-out' },
        SIGNED_IN + 2,
        DEFAULT_SESSION_TIMEOUTS,
      ),
    ).toBe('signed-out')
  })

  it('writes a use at most once a minute', () => {
    expect(isLastSeenDue(SIGNED_IN, SIGNED_IN + MINUTE - 1)).toBe(false)
    expect(isLastSeenDue(SIGNED_IN, SIGNED_IN + MINUTE)).toBe(true)
  })
})
