import type { Kysely } from 'kysely'
import type { DB } from '../../db/engine/schema.js'
import type { Exam } from '../../domain/exam.js'
import type { Instant } from '../../domain/instant.js'
import { computeRetakeTimeline, type TimelineStep } from '../../domain/retake-timeline.js'
import { getCandidate } from '../candidates/get-candidate.js'
import { catalogueOf } from '../catalogue/catalogue-cache.js'
import { getCatalogueExam } from '../catalogue/get-exam.js'
import type { Clock } from '../clock.js'
import { requireInstant } from '../input-fields.js'
import { loadRetakeFacts } from './load-retake-facts.js'

export interface RetakePlan {
  readonly candidateId: string
  readonly exam: Exam
  readonly from: Instant
  readonly timeZone: string
  readonly steps: readonly TimelineStep[]
}

/** "What if I fail?": the earliest date of each of the next six attempts if every one fails. */
export async function planRetakes(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  input: { readonly candidateId: string; readonly exam: string; readonly from?: string },
): Promise<RetakePlan> {
  const from = input.from === undefined ? deps.clock.now() : requireInstant(input.from, 'from')
  const [candidate, exam] = await Promise.all([
    getCandidate(deps, input.candidateId, 'id'),
    getCatalogueExam(catalogueOf(deps), input.exam),
  ])
  const { policies, facts } = await loadRetakeFacts(deps.db, catalogueOf(deps), candidate, exam)
  return {
    candidateId: candidate.id,
    exam,
    from,
    timeZone: candidate.timeZone,
    steps: computeRetakeTimeline(policies, facts, exam, from),
  }
}
