import type { Kysely } from 'kysely'
import { listResultsDue } from '../../db/beta/withheld-results.js'
import type { Paging } from '../../db/engine/paging.js'
import type { DB } from '../../db/engine/schema.js'
import { countAttemptsOfCandidate, pageAttemptsOfCandidate } from '../../db/retakes/attempts.js'
import type { Attempt } from '../../domain/attempt.js'
import type { Instant } from '../../domain/instant.js'
import { getCandidate } from '../candidates/get-candidate.js'
import type { Page } from '../page.js'

export interface AttemptPage extends Page<Attempt> {
  /** When the result of a withheld beta attempt is due, by attempt id. */
  readonly resultsDue: ReadonlyMap<string, Instant>
}

/**
 * One page of a candidate's one history, every provider together, oldest
 * first, how many attempts there are, and when each withheld result is due.
 * Only what is shown is paged: every rule (eligibility, certifications)
 * reads the whole history.
 */
export async function listAttempts(
  deps: { readonly db: Kysely<DB> },
  candidateId: string,
  paging: Paging,
): Promise<AttemptPage> {
  await getCandidate(deps, candidateId, 'id')
  const [items, total, resultsDue] = await Promise.all([
    pageAttemptsOfCandidate(deps.db, candidateId, paging),
    countAttemptsOfCandidate(deps.db, candidateId),
    listResultsDue(deps.db, candidateId),
  ])
  return { items, total, resultsDue }
}
