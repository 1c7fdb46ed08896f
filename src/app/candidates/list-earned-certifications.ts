import type { Kysely } from 'kysely'
import { listCertifications } from '../../db/candidates/certifications.js'
import type { DB } from '../../db/engine/schema.js'
import { listAttemptsOfCandidate } from '../../db/retakes/attempts.js'
import type { Candidate } from '../../domain/candidate.js'
import {
  computeEarnedCertifications,
  type EarnedCertification,
  isCertificationCurrent,
} from '../../domain/certification.js'
import type { Clock } from '../clock.js'
import { getCandidate } from './get-candidate.js'

/** An earned certification, and whether it holds now. */
export interface HeldCertification extends EarnedCertification {
  readonly current: boolean
}

/** The certifications a candidate's history has earned, current or expired at the clock's now. */
export async function listEarnedCertifications(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  candidateId: string,
): Promise<{ readonly candidate: Candidate; readonly earned: HeldCertification[] }> {
  const now = deps.clock.now()
  const candidate = await getCandidate(deps, candidateId, 'id')
  const [certifications, attempts] = await Promise.all([
    listCertifications(deps.db),
    listAttemptsOfCandidate(deps.db, candidate.id),
  ])
  const earned = computeEarnedCertifications(certifications, attempts)
  return {
    candidate,
    earned: earned.map((item) => ({ ...item, current: isCertificationCurrent(item, now) })),
  }
}
