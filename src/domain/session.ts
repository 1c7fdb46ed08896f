import { HOUR_MS, type Instant } from './instant.js'

const MINUTE_MS = HOUR_MS / 60

/** Why a session ended: its person signed out, someone ended it, it sat idle, or it reached its absolute limit. */
export type SessionEnding = 'signed-out' | 'ended' | 'idle' | 'expired'

/** How long a session lives: unused for `idleMs`, or `absoluteMs` after sign-in, it ends. */
export interface SessionTimeouts {
  readonly idleMs: number
  readonly absoluteMs: number
}

export const DEFAULT_SESSION_TIMEOUTS: SessionTimeouts = {
  idleMs: 30 * MINUTE_MS,
  absoluteMs: 12 * HOUR_MS,
}

/**
 * A session's last use is written at most once a minute: a write per
 * request would cost every request a write. So the idle timeout is kept to
 * the minute (a session may end up to a minute early, never late).
 */
export const LAST_SEEN_PRECISION_MS = MINUTE_MS

/** A person's session as the rules read it. */
export interface SessionState {
  readonly createdAt: Instant
  readonly lastSeenAt: Instant
  readonly endedAt: Instant | null
}

/** Whether a session still works at `now`, or why it does not. */
export type SessionLife = 'live' | SessionEnding

export function decideSessionLife(
  session: SessionState & { readonly endedReason: SessionEnding | null },
  now: Instant,
  timeouts: SessionTimeouts,
): SessionLife {
  if (session.endedAt !== null) return session.endedReason ?? 'ended'
  if (now >= session.createdAt + timeouts.absoluteMs) return 'expired'
  if (now >= session.lastSeenAt + timeouts.idleMs) return 'idle'
  return 'live'
}

/** Whether a use at `now` should be written as the session's last. */
export function isLastSeenDue(lastSeenAt: Instant, now: Instant): boolean {
  return now >= lastSeenAt + LAST_SEEN_PRECISION_MS
}

/** A person's session as they see it listed: where and when it began, its last use, how it ended. */
export interface Session {
  readonly id: string
  readonly accountId: string
  readonly createdAt: Instant
  /** Up to a minute behind its last request (`LAST_SEEN_PRECISION_MS`). */
  readonly lastSeenAt: Instant
  readonly endedAt: Instant | null
  readonly endedReason: SessionEnding | null
  readonly userAgent: string | null
  readonly address: string | null
}
