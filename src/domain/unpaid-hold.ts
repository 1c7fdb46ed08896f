import type { Instant } from './instant.js'

const MINUTE_MS = 60_000

/** How long a registration with an amount due holds its seat, unless configured otherwise. */
export const DEFAULT_HOLD_MINUTES = 30

/** The shortest and longest hold a programme may set: a minute to pay, at most a week off sale. */
export const MIN_HOLD_MINUTES = 1
export const MAX_HOLD_MINUTES = 10_080

/** How an unpaid hold ended without being paid: its time ran out, or an admin released it. */
export type HoldEnding = 'expired' | 'released'

/** The parts of a registration that say whether it is an unpaid hold. */
interface HoldState {
  readonly status: string
  readonly paymentStatus: string
}

/**
 * Until when a booking made at `bookedAt` with an amount due holds its seat:
 * `holdMinutes` later, but never past the appointment itself.
 */
export function computeHoldExpiresAt(
  bookedAt: Instant,
  holdMinutes: number,
  startsAt: Instant,
): Instant {
  return Math.min(bookedAt + holdMinutes * MINUTE_MS, startsAt)
}

/** A booking that holds a seat while waiting to be paid. */
export function isUnpaidHold(registration: HoldState): boolean {
  return registration.status === 'booked' && registration.paymentStatus === 'due'
}

/** Is this an unpaid hold whose time has run out at `now` (the job has not released it yet)? */
export function isExpiredHold(
  registration: HoldState & { readonly holdExpiresAt: Instant | null },
  now: Instant,
): boolean {
  return isUnpaidHold(registration) && hasHoldExpired(registration.holdExpiresAt, now)
}

/** Has the hold run out at `now`? The expiry instant itself is too late to pay. */
export function hasHoldExpired(holdExpiresAt: Instant | null, now: Instant): boolean {
  return holdExpiresAt !== null && now >= holdExpiresAt
}

/**
 * Does ending this registration now give the candidate's one registration
 * for a beta exam back? Only when it was never paid: a hold that ends
 * unpaid (cancelled, expired or released) was not a registration the
 * candidate made use of; a paid or free one stays spent.
 */
export function givesBetaRegistrationBack(registration: HoldState): boolean {
  return isUnpaidHold(registration)
}

/**
 * Does a code's use come back when a hold ends unpaid? Yes, whatever the
 * offer says of cancellations (nothing was sat or paid), unless the code has
 * expired meanwhile.
 */
export function returnsOnHoldEnd(codeExpiresAt: Instant | null, now: Instant): boolean {
  return codeExpiresAt === null || now < codeExpiresAt
}
