import type { Kysely } from 'kysely'
import { countAttemptsOfCandidate, pageAttemptsOfCandidate } from '../db/attempts.js'
import type { Paging } from '../db/paging.js'
import type { DB } from '../db/schema.js'
import type { Attempt } from '../domain/attempt.js'
import { getCandidate } from './get-candidate.js'
import type { Page } from './page.js'

/**
 * One page of a candidate's one history, every provider together, oldest
 * first, and how many attempts there are. Only what is shown is paged: every
 * rule (eligibility, certifications) reads the whole history.
 */
export async function listAttempts(
  deps: { readonly db: Kysely<DB> },
  candidateId: string,
  paging: Paging,
): Promise<Page<Attempt>> {
  await getCandidate(deps, candidateId, 'id')
  const [items, total] = await Promise.all([
    pageAttemptsOfCandidate(deps.db, candidateId, paging),
    countAttemptsOfCandidate(deps.db, candidateId),
  ])
  return { items, total }
}
