import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ADDRESS_LIMITS,
  CALLER_LIMITS,
  CANDIDATE_LIMITS,
  checkThrottle,
  decideCountedFailure,
  recordFailure,
  type ThrottleLimits,
  type ThrottleState,
} from './code-throttle.js'
import { DAY_MS, HOUR_MS, type Instant } from './instant.js'

const MINUTE_MS = 60_000
const T0 = Date.UTC(2026, 11, 1, 9)

/** Records a failure at each instant, in order, without checking first. */
function failAt(instants: readonly Instant[], limits = CANDIDATE_LIMITS): ThrottleState | null {
  let state: ThrottleState | null = null
  for (const now of instants) state = recordFailure(state, now, limits)
  return state
}

/** A guesser who only guesses when allowed, and is always wrong: how many guesses went ahead. */
function guess(instants: readonly Instant[], limits: ThrottleLimits): number {
  let state: ThrottleState | null = null
  let allowed = 0
  for (const now of instants) {
    if (!checkThrottle(state, now).allowed) continue
    state = recordFailure(state, now, limits)
    allowed++
  }
  return allowed
}

/**
 * The most wrong guesses the rules let through within a span of `period`
 * (see code-throttle.ts): `a` windows that end in a lock, `b` that run out,
 * and a last one. Returns the bound and the bursts that reach it.
 */
function mostGuesses(limits: ThrottleLimits, period: number) {
  const { maxFailures: m, windowMs, lockMs } = limits
  let best = { count: -1, locking: 0, lapsing: 0 }
  for (let locking = 0; locking * lockMs <= period; locking++) {
    const lapsing = Math.floor((period - locking * lockMs) / windowMs)
    const count = m * (locking + 1) + (m - 1) * lapsing
    if (count > best.count) best = { count, locking, lapsing }
  }
  const bursts: Instant[] = []
  let at = 0
  const burst = (size: number, gap: number) => {
    for (let i = 0; i < size; i++) bursts.push(at)
    at += gap
  }
  for (let i = 0; i < best.locking; i++) burst(m, lockMs)
  for (let i = 0; i < best.lapsing; i++) burst(m - 1, windowMs)
  burst(m, 0)
  return { count: best.count, bursts }
}

const limitsArb = fc.oneof(
  fc.constantFrom(CANDIDATE_LIMITS, CALLER_LIMITS, ADDRESS_LIMITS),
  fc.record({
    maxFailures: fc.integer({ min: 1, max: 6 }),
    windowMs: fc.integer({ min: 1, max: 60 }),
    lockMs: fc.integer({ min: 1, max: 60 }),
  }),
)

/** Sorted guess instants whose gaps often land exactly on a window or lock boundary. */
const instantsArb = (limits: ThrottleLimits) =>
  fc
    .array(
      fc.oneof(
        fc.constant(0),
        fc.constant(1),
        fc.constantFrom(limits.windowMs, limits.lockMs, limits.windowMs - 1, limits.lockMs - 1),
        fc.integer({ min: 0, max: 3 * Math.max(limits.windowMs, limits.lockMs) }),
      ),
      { maxLength: 200 },
    )
    .map((gaps) => {
      let now = T0
      return gaps.map((gap) => {
        now += Math.max(0, gap)
        return now
      })
    })

describe('checkThrottle and recordFailure', () => {
  it('lets a clean record guess', () => {
    expect(checkThrottle(null, T0)).toEqual({ allowed: true })
  })

  it('locks on the fifth failure within the window, for 30 minutes', () => {
    const four = [0, 1, 2, 3].map((i) => T0 + i * MINUTE_MS)
    expect(failAt(four)).toEqual({ failures: 4, windowStartedAt: T0, lockedUntil: null })
    expect(checkThrottle(failAt(four), T0 + 4 * MINUTE_MS)).toEqual({ allowed: true })

    const fifthAt = T0 + 15 * MINUTE_MS - 1
    const locked = failAt([...four, fifthAt])
    expect(locked).toEqual({
      failures: 5,
      windowStartedAt: T0,
      lockedUntil: fifthAt + 30 * MINUTE_MS,
    })
    expect(checkThrottle(locked, fifthAt + 30 * MINUTE_MS - 1)).toEqual({
      allowed: false,
      retryAt: fifthAt + 30 * MINUTE_MS,
    })
  })

  it('opens a new window once the lock has expired', () => {
    const locked = failAt([0, 0, 0, 0, 0].map((i) => T0 + i))
    const unlockedAt = T0 + 30 * MINUTE_MS
    expect(checkThrottle(locked, unlockedAt)).toEqual({ allowed: true })
    expect(recordFailure(locked, unlockedAt, CANDIDATE_LIMITS)).toEqual({
      failures: 1,
      windowStartedAt: unlockedAt,
      lockedUntil: null,
    })
  })

  it('opens a new window once the old one has passed', () => {
    const four = failAt([T0, T0, T0, T0])
    const later = T0 + 15 * MINUTE_MS
    expect(recordFailure(four, later, CANDIDATE_LIMITS)).toEqual({
      failures: 1,
      windowStartedAt: later,
      lockedUntil: null,
    })
    expect(recordFailure(four, later - 1, CANDIDATE_LIMITS).lockedUntil).toBe(
      later - 1 + 30 * MINUTE_MS,
    )
  })

  it('keeps a lock when a failure checked before it is recorded late', () => {
    const locked = failAt([T0, T0, T0, T0, T0])!
    // Past the window, inside the lock: neither reopens the window nor lengthens the lock.
    const late = recordFailure(locked, T0 + 20 * MINUTE_MS, CANDIDATE_LIMITS)
    expect(late).toEqual({ failures: 6, windowStartedAt: T0, lockedUntil: locked.lockedUntil })
  })

  it('gives an address 20 failures in 15 minutes before an hour-long lock', () => {
    expect(ADDRESS_LIMITS).toEqual({ maxFailures: 20, windowMs: 15 * MINUTE_MS, lockMs: HOUR_MS })
    const instants = Array.from({ length: 20 }, (_, i) => T0 + i * 40_000)
    expect(failAt(instants.slice(0, 19), ADDRESS_LIMITS)?.lockedUntil).toBeNull()
    expect(failAt(instants, ADDRESS_LIMITS)?.lockedUntil).toBe(instants[19]! + HOUR_MS)
  })
})

describe('how many wrong guesses get through', () => {
  it('lets a candidate at most 5 + 4 per 15 minutes: 21 an hour, 389 a day', () => {
    expect(mostGuesses(CANDIDATE_LIMITS, HOUR_MS).count).toBe(21)
    expect(mostGuesses(CANDIDATE_LIMITS, DAY_MS).count).toBe(389)
    expect(mostGuesses(ADDRESS_LIMITS, HOUR_MS).count).toBe(20 + 19 * 4)
    // Guessing into the lock every time is slower: 5 each 30 minutes.
    const locking = [0, 1, 2].flatMap((i) => Array<Instant>(5).fill(T0 + i * 30 * MINUTE_MS))
    expect(guess(locking, CANDIDATE_LIMITS)).toBe(15)
  })

  it('reaches the bound with bursts at the right instants (property)', () => {
    fc.assert(
      fc.property(limitsArb, fc.integer({ min: 0, max: 400 }), (limits, steps) => {
        const period = Math.round((steps / 100) * Math.max(limits.windowMs, limits.lockMs))
        const { count, bursts } = mostGuesses(limits, period)
        expect(bursts.at(-1)! - bursts[0]!).toBeLessThanOrEqual(period)
        expect(guess(bursts, limits)).toBe(count)
        expect(bursts).toHaveLength(count)
      }),
    )
  })

  it('never lets more through within a span (property)', () => {
    fc.assert(
      fc.property(
        limitsArb.chain((limits) => fc.tuple(fc.constant(limits), instantsArb(limits))),
        ([limits, instants]) => {
          const span = instants.length === 0 ? 0 : instants.at(-1)! - instants[0]!
          expect(guess(instants, limits)).toBeLessThanOrEqual(mostGuesses(limits, span).count)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('never allows a guess while locked, and a late failure never shortens a lock (property)', () => {
    const stepsArb = limitsArb.chain((limits) =>
      fc.tuple(
        fc.constant(limits),
        instantsArb(limits),
        fc.array(fc.boolean(), { minLength: 200, maxLength: 200 }),
      ),
    )
    fc.assert(
      fc.property(stepsArb, ([limits, instants, checked]) => {
        let state: ThrottleState | null = null
        for (const [i, now] of instants.entries()) {
          const lockedUntil: Instant | null = state?.lockedUntil ?? null
          const locked = lockedUntil !== null && now < lockedUntil
          const check = checkThrottle(state, now)
          expect(check).toEqual(
            locked ? { allowed: false, retryAt: lockedUntil } : { allowed: true },
          )
          // Some guesses are recorded without a check, as when two arrive at once.
          if (check.allowed || !checked[i]) state = recordFailure(state, now, limits)
          if (locked) expect(state?.lockedUntil).toBe(lockedUntil)
          if (state !== null && state.lockedUntil !== null) {
            expect(checkThrottle(state, state.lockedUntil - 1).allowed).toBe(false)
            expect(checkThrottle(state, state.lockedUntil).allowed).toBe(true)
          }
        }
      }),
    )
  })
})

describe('decideCountedFailure: judging a guess after counting it', () => {
  it('allows the wrong codes up to the limit and refuses the rest until the lock ends', () => {
    let state: ThrottleState | null = null
    const answers: boolean[] = []
    // Seven wrong codes looked up at once, before any was counted.
    for (let i = 0; i < 7; i++) {
      state = recordFailure(state, T0, CANDIDATE_LIMITS)
      answers.push(decideCountedFailure(state, CANDIDATE_LIMITS).allowed)
    }
    expect(answers).toEqual([true, true, true, true, true, false, false])
    expect(decideCountedFailure(state!, CANDIDATE_LIMITS)).toEqual({
      allowed: false,
      retryAt: T0 + 30 * MINUTE_MS,
    })
  })

  it('gives a desk token 50 wrong codes in 15 minutes before an hour-long lock', () => {
    expect(CALLER_LIMITS).toEqual({ maxFailures: 50, windowMs: 15 * MINUTE_MS, lockMs: HOUR_MS })
    const instants = Array.from({ length: 50 }, (_, i) => T0 + i * 10_000)
    expect(failAt(instants.slice(0, 49), CALLER_LIMITS)?.lockedUntil).toBeNull()
    expect(failAt(instants, CALLER_LIMITS)?.lockedUntil).toBe(instants[49]! + HOUR_MS)
  })

  it('allows a counted failure exactly when the record was open before it, so a window never judges more than the limit, checked or not (property)', () => {
    const stepsArb = limitsArb.chain((limits) =>
      fc.tuple(
        fc.constant(limits),
        instantsArb(limits),
        fc.array(fc.boolean(), { minLength: 200, maxLength: 200 }),
      ),
    )
    fc.assert(
      fc.property(stepsArb, ([limits, instants, checked]) => {
        let state: ThrottleState | null = null
        const judgedIn = new Map<Instant, number>()
        for (const [i, now] of instants.entries()) {
          // Some guesses skip the check, as when many arrive before any is counted.
          if (checked[i] && !checkThrottle(state, now).allowed) continue
          const openBefore = checkThrottle(state, now).allowed
          state = recordFailure(state, now, limits)
          const judged = decideCountedFailure(state, limits).allowed
          expect(judged).toBe(openBefore)
          if (judged) {
            const window = state.windowStartedAt
            judgedIn.set(window, (judgedIn.get(window) ?? 0) + 1)
          }
        }
        for (const count of judgedIn.values()) expect(count).toBeLessThanOrEqual(limits.maxFailures)
      }),
      { numRuns: 500 },
    )
  })
})
