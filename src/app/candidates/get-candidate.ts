import type { Kysely } from 'kysely'
import { findCandidate } from '../../db/candidates/candidates.js'
import type { DB } from '../../db/engine/schema.js'
import type { Candidate } from '../../domain/candidate.js'
import { AppError } from '../errors.js'

/** The candidate with this id, or CANDIDATE_NOT_FOUND. */
export async function getCandidate(
  deps: { readonly db: Kysely<DB> },
  candidateId: string,
  field = 'candidateId',
): Promise<Candidate> {
  const candidate = await findCandidate(deps.db, candidateId)
  if (!candidate) throw new AppError('CANDIDATE_NOT_FOUND', { field, candidateId })
  return candidate
}
