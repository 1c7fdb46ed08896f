import { endSession, findSessionByHash, touchSession } from '../../db/accounts/sessions.js'
import { runInTransaction } from '../../db/engine/group-commit.js'
import type { Principal } from '../../domain/principal.js'
import { DEFAULT_SESSION_TIMEOUTS, decideSessionLife, isLastSeenDue } from '../../domain/session.js'
import type { AppDeps } from '../app-deps.js'
import { csrfTokenOf, hashSecret, isCsrfToken } from './secrets.js'
import { sessionPrincipal } from './session-principal.js'

/** Who a session cookie speaks for, and how to check the CSRF token of a change made with it. */
export interface SessionHolder {
  readonly principal: Principal
  /** The session's CSRF token, for the signed-in page to send with each change. */
  readonly csrfToken: string
  /** Whether a request's `X-CSRF-Token` is this session's. */
  isCsrfToken(given: string | undefined): boolean
}

/**
 * The session a cookie's secret opens, or null. Read from the database on
 * every request, never remembered: a sign-out or an end on one process
 * takes effect at once on every other. A session past its idle or absolute
 * timeout is ended here (and stays ended); a live one has its last use
 * written when the last write is a minute old.
 */
export async function authenticateSession(
  deps: Pick<AppDeps, 'db' | 'clock' | 'sessionTimeouts'>,
  secret: string,
): Promise<SessionHolder | null> {
  const now = deps.clock.now()
  const found = await findSessionByHash(deps.db, hashSecret(secret))
  if (found === null) return null
  const life = decideSessionLife(found, now, deps.sessionTimeouts ?? DEFAULT_SESSION_TIMEOUTS)
  if (life !== 'live') {
    if (found.endedAt === null)
      await runInTransaction(deps.db, (trx) => endSession(trx, found.id, now, life))
    return null
  }
  if (found.account.disabledAt !== null) return null
  if (isLastSeenDue(found.lastSeenAt, now))
    await runInTransaction(deps.db, (trx) => touchSession(trx, found.id, now))
  return {
    principal: sessionPrincipal(
      { id: found.accountId, ...found.account },
      found.id,
      found.createdAt,
    ),
    csrfToken: csrfTokenOf(secret),
    isCsrfToken: (given) => isCsrfToken(secret, given),
  }
}
