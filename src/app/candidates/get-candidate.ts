import type { Kysely } from 'kysely'
import { findCandidate } from '../../db/candidates/candidates.js'
import type { DB } from '../../db/engine/schema.js'
import type { Candidate } from '../../domain/candidate.js'
import type { Principal } from '../../domain/principal.js'
import { requireCandidateAccess } from '../access/require-access.js'
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

/**
 * The candidate with this id, or CANDIDATE_NOT_FOUND: also for one the
 * caller may not reach (another candidate's record), which answers exactly
 * as a missing one.
 */
export async function getCandidateFor(
  deps: { readonly db: Kysely<DB> },
  candidateId: string,
  caller: Principal,
  field = 'candidateId',
): Promise<Candidate> {
  requireCandidateAccess(caller, candidateId, field)
  return getCandidate(deps, candidateId, field)
}
