import { DAY_MS, type Instant } from './instant.js'
import type { SessionState, SessionTimeouts } from './session.js'
import type { SignInRequestState } from './sign-in-request.js'

/**
 * What is over of signing in is kept a day, then forgotten: a session
 * ended or timed out, a sign-in or email-change request spent or expired.
 * The day keeps them listed a while (a person's ended sessions) and leaves
 * a clock a little behind on another process no live row to lose; past it
 * they answer nothing, and would only grow their tables.
 */
export const SIGN_IN_RETENTION_MS = DAY_MS

/** When a session stopped working: ended, or past its idle or absolute timeout, whichever came first. */
export function computeSessionOverAt(session: SessionState, timeouts: SessionTimeouts): Instant {
  return Math.min(
    session.endedAt ?? Number.POSITIVE_INFINITY,
    session.createdAt + timeouts.absoluteMs,
    session.lastSeenAt + timeouts.idleMs,
  )
}

/** When a sign-in or email-change request stopped working: spent, or expired (one killed by wrong codes expires too). */
export function computeRequestOverAt(request: Omit<SignInRequestState, 'wrongCodes'>): Instant {
  return Math.min(request.spentAt ?? Number.POSITIVE_INFINITY, request.expiresAt)
}

/** Whether something over at `overAt` is forgotten at `now`: more than a day after. */
export function isForgotten(overAt: Instant, now: Instant): boolean {
  return overAt < now - SIGN_IN_RETENTION_MS
}

/**
 * The instants a purge at `now` compares with, one per way a session ends:
 * a session is forgotten when it ended before `endedBefore`, began before
 * `createdBefore` or was last used before `lastSeenBefore`. Together they
 * say what `isForgotten(computeSessionOverAt(…))` says, as three columns
 * compared with three instants.
 */
export function computeSessionPurgeCutoffs(
  now: Instant,
  timeouts: SessionTimeouts,
): {
  readonly endedBefore: Instant
  readonly createdBefore: Instant
  readonly lastSeenBefore: Instant
} {
  const before = now - SIGN_IN_RETENTION_MS
  return {
    endedBefore: before,
    createdBefore: before - timeouts.absoluteMs,
    lastSeenBefore: before - timeouts.idleMs,
  }
}
