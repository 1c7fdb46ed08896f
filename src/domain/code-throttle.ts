import { HOUR_MS, type Instant } from './instant.js'

/**
 * Rules that slow down guessing voucher codes. Every wrong code counts
 * against each record its scopes name (the candidate, the caller, the
 * address: see code-throttle-scopes.ts); a guess goes ahead only when every
 * record allows it.
 *
 * A failure opens a window when there is none (or the last one has passed,
 * or its lock has expired) and counts inside it; the failure that reaches
 * `maxFailures` locks the record for `lockMs`. A right code never resets
 * the count: anyone holding one valid code could otherwise wipe their
 * record between guesses.
 *
 * How many wrong guesses get through: the failures between two fresh
 * windows either end in a lock (at most m = `maxFailures` of them, and the
 * next window opens at least `lockMs` later) or run out of time (at most
 * m − 1, the next window at least `windowMs` later). So over any span P a
 * guesser starting from a clean record gets at most
 *
 *   max { m·(a + 1) + (m − 1)·b : a·lockMs + b·windowMs ≤ P },
 *
 * and bursts at exactly those instants get that many. With the limits below
 * staying under the lock pays: m − 1 guesses a window (16 an hour for a
 * candidate) beat m a lock (10 an hour), so the window sets the rate, at
 * most m + (m − 1)·⌊P / windowMs⌋: 389 a day for a candidate, against
 * 2^84 codes.
 */
export interface ThrottleLimits {
  readonly maxFailures: number
  readonly windowMs: number
  readonly lockMs: number
}

const MINUTE_MS = HOUR_MS / 60

/** 5 wrong codes within 15 minutes lock a candidate out for 30 minutes. */
export const CANDIDATE_LIMITS: ThrottleLimits = {
  maxFailures: 5,
  windowMs: 15 * MINUTE_MS,
  lockMs: 30 * MINUTE_MS,
}

/**
 * 50 wrong codes within 15 minutes lock a staff or provider token out for an
 * hour: a helpdesk or a provider's booking backend types codes for many
 * candidates, whose own records stop at 5, so only a token that guesses
 * across candidates gets this far.
 */
export const CALLER_LIMITS: ThrottleLimits = {
  maxFailures: 50,
  windowMs: 15 * MINUTE_MS,
  lockMs: 60 * MINUTE_MS,
}

/** 20 wrong codes within 15 minutes lock a network address out for an hour (an office or a school shares one). */
export const ADDRESS_LIMITS: ThrottleLimits = {
  maxFailures: 20,
  windowMs: 15 * MINUTE_MS,
  lockMs: 60 * MINUTE_MS,
}

/** The wrong codes recorded against one candidate or one address; null when there are none. */
export interface ThrottleState {
  readonly failures: number
  readonly windowStartedAt: Instant
  readonly lockedUntil: Instant | null
}

export type ThrottleCheck =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAt: Instant }

/** Whether a guess may go ahead at `now`: not while the record is locked. */
export function checkThrottle(state: ThrottleState | null, now: Instant): ThrottleCheck {
  if (state !== null && state.lockedUntil !== null && now < state.lockedUntil)
    return { allowed: false, retryAt: state.lockedUntil }
  return { allowed: true }
}

/**
 * The record after one more wrong code at `now`. Its count goes on past
 * `maxFailures` while the record is locked, so that the count alone says
 * whether this wrong code was one of those allowed (`decideCountedFailure`).
 */
export function recordFailure(
  state: ThrottleState | null,
  now: Instant,
  limits: ThrottleLimits,
): ThrottleState {
  if (state !== null && state.lockedUntil !== null && now < state.lockedUntil) {
    // Two guesses checked at once can both go ahead before either is
    // recorded: count the late one, and keep the lock as it is.
    return { ...state, failures: state.failures + 1 }
  }
  const fresh =
    state === null || state.lockedUntil !== null || now >= state.windowStartedAt + limits.windowMs
  const failures = fresh ? 1 : state.failures + 1
  return {
    failures,
    windowStartedAt: fresh ? now : state.windowStartedAt,
    lockedUntil: failures >= limits.maxFailures ? now + limits.lockMs : null,
  }
}

/**
 * Whether the wrong code that made `state` (by `recordFailure`) was within
 * the limit: a guess is judged only after it is counted, so that of wrong
 * codes arriving together no more than `maxFailures` are answered, however
 * many were looked up at once. Equivalently: the record was not locked when
 * the failure was counted.
 */
export function decideCountedFailure(state: ThrottleState, limits: ThrottleLimits): ThrottleCheck {
  if (state.failures <= limits.maxFailures) return { allowed: true }
  return { allowed: false, retryAt: state.lockedUntil ?? state.windowStartedAt + limits.lockMs }
}
