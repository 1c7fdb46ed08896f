import { findAccountOfCandidate } from '../../db/accounts/accounts.js'
import type { StoredSession } from '../../db/accounts/sessions.js'
import {
  endSession,
  endSessionsOfAccount,
  findSessionByHash,
  findSessionOfAccount,
} from '../../db/accounts/sessions.js'
import { findCandidate } from '../../db/candidates/candidates.js'
import type { Principal } from '../../domain/principal.js'
import type { Actor } from '../actor.js'
import type { AppDeps } from '../app-deps.js'
import { auditAction } from '../audit-action.js'
import { AppError } from '../errors.js'
import { runCommand } from '../run-command.js'
import { requireRecentSignIn } from './recent-sign-in.js'
import { hashSecret } from './secrets.js'

/** The account of a signed-in person; ACCOUNT_REQUIRED for a machine token. */
export function requireAccount(principal: Principal): {
  accountId: string
  sessionId: string | null
} {
  if (principal.accountId === null) throw new AppError('ACCOUNT_REQUIRED')
  return { accountId: principal.accountId, sessionId: principal.sessionId }
}

/** Ends the session a request came with: its cookie opens nothing from now on, on every process. */
export async function signOut(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  principal: Principal,
): Promise<void> {
  const { accountId, sessionId } = requireAccount(principal)
  if (sessionId === null) return
  await runCommand(deps, {}, (trx) =>
    endSession(trx, sessionId, deps.clock.now(), 'signed-out', accountId),
  )
}

/**
 * Ends the session a browser still holds when it signs in again, so that a
 * sign-in replaces it rather than leaving it open; an unknown secret is no error.
 */
export async function endReplacedSession(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  secret: string,
): Promise<void> {
  const found = await findSessionByHash(deps.db, hashSecret(secret))
  if (found === null || found.endedAt !== null) return
  await runCommand(deps, {}, (trx) => endSession(trx, found.id, deps.clock.now(), 'signed-out'))
}

/**
 * A person ends one of their own sessions (another device's, say);
 * SESSION_NOT_FOUND for one that is not theirs. Ending another session
 * needs a recent sign-in (REAUTHENTICATION_REQUIRED), as ASVS 3.3.4 asks:
 * a session left open elsewhere must not sign its owner out everywhere.
 * Ending the one the request came with is signing out, asked of nobody.
 */
export function endOwnSession(
  deps: Pick<AppDeps, 'db' | 'clock' | 'recentSignInMs'>,
  principal: Principal,
  sessionId: string,
): Promise<StoredSession> {
  const { accountId } = requireAccount(principal)
  const now = deps.clock.now()
  if (sessionId !== principal.sessionId) requireRecentSignIn(deps, principal, now)
  return runCommand(deps, {}, async (trx) => {
    const session = await findSessionOfAccount(trx, accountId, sessionId)
    if (session === null) throw new AppError('SESSION_NOT_FOUND', { sessionId })
    if (await endSession(trx, sessionId, now, 'ended', accountId))
      return { ...session, endedAt: now, endedReason: 'ended' as const }
    return session
  })
}

/**
 * Support or an admin ends every open session of a candidate's account (a
 * lost phone, a shared computer); audited on the candidate's record. A
 * candidate without an account has no session: nothing to end.
 */
export function endCandidateSessions(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  candidateId: string,
): Promise<{ readonly ended: number }> {
  const now = deps.clock.now()
  return runCommand(deps, {}, async (trx) => {
    if ((await findCandidate(trx, candidateId)) === null)
      throw new AppError('CANDIDATE_NOT_FOUND', { candidateId })
    const account = await findAccountOfCandidate(trx, candidateId)
    if (account === null) return { ended: 0 }
    const ended = await endSessionsOfAccount(trx, account.id, now, 'ended')
    await auditAction(trx, actor, now, {
      candidateId,
      subjectType: 'account',
      subjectId: account.id,
      action: 'sessions-ended',
      detail: { ended },
    })
    return { ended }
  })
}
