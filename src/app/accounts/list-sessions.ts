import { listSessionsOfAccount, type StoredSession } from '../../db/accounts/sessions.js'
import type { Principal } from '../../domain/principal.js'
import type { AppDeps } from '../app-deps.js'
import { requireAccount } from './end-sessions.js'

/** How many of a person's sessions are listed, newest first: ended ones stay listed for a while. */
const LISTED_SESSIONS = 50

/** A person's own sessions, newest first: where and when each began, when it was last used, how it ended. */
export async function listOwnSessions(
  deps: Pick<AppDeps, 'db'>,
  principal: Principal,
): Promise<StoredSession[]> {
  const { accountId } = requireAccount(principal)
  return listSessionsOfAccount(deps.db, accountId, LISTED_SESSIONS)
}
