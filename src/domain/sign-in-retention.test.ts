import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DAY_MS, HOUR_MS } from './instant.js'
import { DEFAULT_SESSION_TIMEOUTS } from './session.js'
import {
  computeRequestOverAt,
  computeSessionOverAt,
  computeSessionPurgeCutoffs,
  isForgotten,
} from './sign-in-retention.js'

const NOW = Date.UTC(2026, 5, 15, 12)
const MINUTE = 60_000

describe('forgetting what is over of signing in', () => {
  it('forgets a session a day after it ended, or after it timed out if that came first', () => {
    const timeouts = DEFAULT_SESSION_TIMEOUTS
    const signedOut = {
      createdAt: NOW - DAY_MS - 2 * HOUR_MS,
      lastSeenAt: NOW - DAY_MS - MINUTE,
      endedAt: NOW - DAY_MS,
    }
    expect(isForgotten(computeSessionOverAt(signedOut, timeouts), NOW)).toBe(false)
    expect(isForgotten(computeSessionOverAt(signedOut, timeouts), NOW + 1)).toBe(true)
    // Left idle: over 30 minutes after its last use, though nobody came back to end it.
    const idle = {
      createdAt: NOW - DAY_MS - 2 * HOUR_MS,
      lastSeenAt: NOW - DAY_MS - 30 * MINUTE,
      endedAt: null,
    }
    expect(computeSessionOverAt(idle, timeouts)).toBe(NOW - DAY_MS)
    // Ended when its cookie came back long after its idle end: over at the idle end all the same.
    const endedLate = { ...idle, endedAt: NOW }
    expect(computeSessionOverAt(endedLate, timeouts)).toBe(NOW - DAY_MS)
    const busy = {
      createdAt: NOW - DAY_MS - 12 * HOUR_MS - 1,
      lastSeenAt: NOW - MINUTE,
      endedAt: null,
    }
    expect(isForgotten(computeSessionOverAt(busy, timeouts), NOW)).toBe(true)
  })

  it('forgets a request a day after it was spent or expired', () => {
    expect(computeRequestOverAt({ expiresAt: NOW, spentAt: NOW - 10 * MINUTE })).toBe(
      NOW - 10 * MINUTE,
    )
    expect(computeRequestOverAt({ expiresAt: NOW, spentAt: null })).toBe(NOW)
    expect(isForgotten(NOW - DAY_MS, NOW)).toBe(false)
    expect(isForgotten(NOW - DAY_MS - 1, NOW)).toBe(true)
  })

  it('compares three columns with three instants and says what the rule says, for any session', () => {
    const instant = fc.integer({ min: NOW - 4 * DAY_MS, max: NOW })
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 2 * DAY_MS }),
        fc.option(fc.integer({ min: 0, max: 3 * DAY_MS })),
        fc.integer({ min: MINUTE, max: DAY_MS }),
        fc.integer({ min: MINUTE, max: 2 * DAY_MS }),
        (createdAt, used, ended, idleMs, absoluteMs) => {
          const session = {
            createdAt,
            lastSeenAt: createdAt + used,
            endedAt: ended === null ? null : createdAt + used + ended,
          }
          const timeouts = { idleMs, absoluteMs }
          const cut = computeSessionPurgeCutoffs(NOW, timeouts)
          const byColumns =
            (session.endedAt !== null && session.endedAt < cut.endedBefore) ||
            session.createdAt < cut.createdBefore ||
            session.lastSeenAt < cut.lastSeenBefore
          expect(byColumns).toBe(isForgotten(computeSessionOverAt(session, timeouts), NOW))
        },
      ),
    )
  })
})
