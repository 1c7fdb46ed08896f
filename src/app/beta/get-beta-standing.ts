import type { Kysely } from 'kysely'
import { findBetaRegistration, isOnRoster } from '../../db/beta/beta-programmes.js'
import { findUnopenedInvitation } from '../../db/beta/wave-invitations.js'
import type { DB } from '../../db/engine/schema.js'
import type { Candidate } from '../../domain/candidate.js'
import type { Exam } from '../../domain/exam.js'
import { getCandidate } from '../candidates/get-candidate.js'
import { catalogueOf } from '../catalogue/catalogue-cache.js'
import { getCatalogueExam } from '../catalogue/get-exam.js'
import type { Clock } from '../clock.js'
import { requireBetaProgramme } from './require-beta-programme.js'

/** Where one candidate stands with one beta programme: their own part of it, nobody else's. */
export interface BetaStanding {
  readonly candidate: Candidate
  readonly exam: Exam
  /** On the programme's roster (invited, or added by the programme team). */
  readonly onRoster: boolean
  /** The wave that invites them when it has not opened yet; null otherwise. */
  readonly waitingForWave: { readonly id: string; readonly position: number } | null
  /** Their one registration for the beta, at any provider, if they made it. */
  readonly registrationId: string | null
}

/**
 * A candidate's standing with a beta exam's programme: whether they are on
 * its roster, invited by a wave still to open, registered. The mailed
 * invitations themselves are `listBetaInvitations`; whether they may
 * register now is eligibility's answer.
 */
export async function getBetaStanding(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  candidateId: string,
  examText: string,
): Promise<BetaStanding> {
  const [candidate, exam] = await Promise.all([
    getCandidate(deps, candidateId, 'id'),
    getCatalogueExam(catalogueOf(deps), examText),
  ])
  // An exam without a programme has no standing to read.
  await requireBetaProgramme(deps.db, exam.number)
  const [onRoster, registrationId, waitingForWave] = await Promise.all([
    isOnRoster(deps.db, exam.number, candidate.id),
    findBetaRegistration(deps.db, exam.number, candidate.id),
    findUnopenedInvitation(deps.db, exam.number, candidate.id),
  ])
  return { candidate, exam, onRoster, waitingForWave, registrationId }
}
