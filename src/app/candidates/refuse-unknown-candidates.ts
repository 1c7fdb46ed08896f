import type { Kysely } from 'kysely'
import { findUnknownCandidateIds } from '../../db/candidates/candidates.js'
import type { DB } from '../../db/engine/schema.js'
import { AppError } from '../errors.js'

/** Refuses a list of candidate ids naming every id no candidate has, all at once. */
export async function refuseUnknownCandidates(
  db: Kysely<DB>,
  candidateIds: readonly string[],
): Promise<void> {
  const unknown = await findUnknownCandidateIds(db, candidateIds)
  if (unknown.length > 0) {
    throw new AppError('CANDIDATES_NOT_FOUND', { field: 'candidateIds', candidateIds: unknown })
  }
}
