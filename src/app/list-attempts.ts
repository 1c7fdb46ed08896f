import type { Kysely } from 'kysely'
import { listAttemptsOfCandidate } from '../db/attempts.js'
import type { DB } from '../db/schema.js'
import type { Attempt } from '../domain/attempt.js'
import { getCandidate } from './get-candidate.js'

/** A candidate's one history, every provider together, oldest first. */
export async function listAttempts(
  deps: { readonly db: Kysely<DB> },
  candidateId: string,
): Promise<Attempt[]> {
  await getCandidate(deps, candidateId, 'id')
  return listAttemptsOfCandidate(deps.db, candidateId)
}
