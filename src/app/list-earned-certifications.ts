import type { Kysely } from 'kysely'
import { listAttemptsOfCandidate } from '../db/attempts.js'
import type { Candidate } from '../db/candidates.js'
import { listCertifications } from '../db/certifications.js'
import type { DB } from '../db/schema.js'
import { computeEarnedCertifications, type EarnedCertification } from '../domain/certification.js'
import { getCandidate } from './get-candidate.js'

/** The certifications a candidate's history has earned, current or expired. */
export async function listEarnedCertifications(
  deps: { readonly db: Kysely<DB> },
  candidateId: string,
): Promise<{ readonly candidate: Candidate; readonly earned: EarnedCertification[] }> {
  const candidate = await getCandidate(deps, candidateId, 'id')
  const [certifications, attempts] = await Promise.all([
    listCertifications(deps.db),
    listAttemptsOfCandidate(deps.db, candidate.id),
  ])
  return { candidate, earned: computeEarnedCertifications(certifications, attempts) }
}
