import { deleteMailedCodeRequestsOver } from '../../db/accounts/mailed-code-requests.js'
import { deleteSessionsOver } from '../../db/accounts/sessions.js'
import { DEFAULT_SESSION_TIMEOUTS } from '../../domain/session.js'
import { computeSessionPurgeCutoffs, SIGN_IN_RETENTION_MS } from '../../domain/sign-in-retention.js'
import type { AppDeps } from '../app-deps.js'

/** Rows deleted by one statement: short enough not to hold up the sign-ins around it. */
const PURGE_BATCH = 1_000

/** How many of each were forgotten. */
export interface SignInPurgeOutcome {
  readonly sessions: number
  readonly signInRequests: number
  readonly emailChanges: number
}

/**
 * Forgets what ended of signing in more than a day ago (`SIGN_IN_RETENTION_MS`):
 * sessions ended or timed out (by the timeouts in force), and sign-in and
 * email-change requests spent or expired. A batch per statement, each its
 * own transaction (a purge half done is still correct, and one long
 * transaction would hold what sign-ins need), until a batch comes up short.
 * Any process may run it at any time, several at once.
 */
export async function purgeEndedSignIns(
  deps: Pick<AppDeps, 'db' | 'clock' | 'sessionTimeouts'>,
  batch = PURGE_BATCH,
): Promise<SignInPurgeOutcome> {
  const now = deps.clock.now()
  const before = now - SIGN_IN_RETENTION_MS
  const cutoffs = computeSessionPurgeCutoffs(now, deps.sessionTimeouts ?? DEFAULT_SESSION_TIMEOUTS)
  return {
    sessions: await inBatches((limit) => deleteSessionsOver(deps.db, cutoffs, limit), batch),
    signInRequests: await inBatches(
      (limit) => deleteMailedCodeRequestsOver(deps.db, 'sign_in_requests', before, limit),
      batch,
    ),
    emailChanges: await inBatches(
      (limit) => deleteMailedCodeRequestsOver(deps.db, 'email_change_requests', before, limit),
      batch,
    ),
  }
}

async function inBatches(
  deleteSome: (limit: number) => Promise<number>,
  batch: number,
): Promise<number> {
  let deleted = 0
  for (;;) {
    const gone = await deleteSome(batch)
    deleted += gone
    if (gone < batch) return deleted
  }
}
