import type { Kysely } from 'kysely'
import { unchangedReads } from '../db/remember-unchanged.js'
import type { DB } from '../db/schema.js'
import { refusedByProgramme } from '../domain/beta-programme.js'
import { decideRetake } from '../domain/decide-retake.js'
import type { Exam } from '../domain/exam.js'
import type { Instant } from '../domain/instant.js'
import type { RetakeDecision } from '../domain/retake-decision.js'
import { readBetaAccess } from './beta-access.js'
import type { Clock } from './clock.js'
import { deepFreeze } from './deep-freeze.js'
import { getCandidate } from './get-candidate.js'
import { getCatalogueExam } from './get-exam.js'
import { requireInstant } from './input-fields.js'
import { loadRetakeFacts } from './load-retake-facts.js'

export interface EligibilityInput {
  readonly candidateId: string
  readonly exam: string
  /** RFC 3339; now when absent. */
  readonly at?: string
}

export interface Eligibility {
  readonly candidateId: string
  readonly exam: Exam
  readonly at: Instant
  readonly timeZone: string
  readonly decision: RetakeDecision
}

/** May this candidate sit this exam at `at` (default now), and if not, from when and why? */
export async function decideEligibility(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  input: EligibilityInput,
): Promise<Eligibility> {
  const at = input.at === undefined ? deps.clock.now() : requireInstant(input.at, 'at')
  // The candidate's records as remembered while nothing at all was committed.
  const reads = unchangedReads(deps.db)
  const [candidate, exam] = await Promise.all([
    reads.remember('candidate', input.candidateId, async () =>
      deepFreeze(await getCandidate(deps, input.candidateId, 'id')),
    ),
    getCatalogueExam(deps, input.exam),
  ])
  const { policies, facts } = await loadRetakeFacts(deps.db, candidate, exam, deps, reads)
  const decision = decideRetake(policies, facts, exam, at)
  // A beta programme's conditions come first: a restricted candidate learns it before choosing a slot.
  const beta = await readBetaAccess(deps.db, candidate, exam, reads)
  return {
    candidateId: candidate.id,
    exam,
    at,
    timeZone: candidate.timeZone,
    decision: beta && !beta.access.allowed ? refusedByProgramme(decision, beta.access) : decision,
  }
}
