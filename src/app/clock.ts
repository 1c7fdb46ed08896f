import type { Instant } from '../domain/instant.js'

/** The one seam through which the current time enters the application. */
export interface Clock {
  now(): Instant
}

/** The machine's clock; the only place examdesk reads it. */
export const systemClock: Clock = { now: () => Date.now() }

/** A clock that says what a test tells it to. */
export function fixedClock(
  start: Instant,
): Clock & { set(at: Instant): void; advance(ms: number): void } {
  let current = start
  return {
    now: () => current,
    set: (at) => {
      current = at
    },
    advance: (ms) => {
      current += ms
    },
  }
}
