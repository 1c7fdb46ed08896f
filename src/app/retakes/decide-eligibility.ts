import type { Kysely } from 'kysely'
import { keyOf, unchangedReads } from '../../db/engine/remember-unchanged.js'
import type { DB } from '../../db/engine/schema.js'
import { refusedByProgramme } from '../../domain/beta-programme.js'
import type { Exam } from '../../domain/exam.js'
import type { Instant } from '../../domain/instant.js'
import type { RetakeDecision } from '../../domain/retake-decision.js'
import { decisionAt, RetakeDecisionCache } from '../../domain/retake-decision-cache.js'
import { readBetaAccess } from '../beta/beta-access.js'
import { getCandidate } from '../candidates/get-candidate.js'
import { catalogueOf } from '../catalogue/catalogue-cache.js'
import { getCatalogueExam } from '../catalogue/get-exam.js'
import type { Clock } from '../clock.js'
import { deepFreeze } from '../deep-freeze.js'
import { requireExamNumber, requireInstant } from '../input-fields.js'
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
  /**
   * One object for every instant whose answer differs from this one only
   * where the instant asked about is written (`at`, and an eligible
   * decision's `earliestAt`): what was made of one such answer may be
   * reused for another, with the instant put in.
   */
  readonly sameAnswer: object
}

type Deps = { readonly db: Kysely<DB>; readonly clock: Clock }

/**
 * May this candidate sit this exam at `at` (default now), and if not, from
 * when and why? Everything the decision reads is remembered while nothing
 * at all was committed (`unchangedReads`), and the engine's answers with it,
 * so a question asked again costs no query and no engine run, and is
 * answered at once, without a promise (`await` takes either). An `at` or
 * `exam` that is not one is refused at once too, thrown rather than a
 * rejected promise: call it inside an `async` function or a `try`.
 */
export function decideEligibility(
  deps: Deps,
  input: EligibilityInput,
): Eligibility | Promise<Eligibility> {
  const at = input.at === undefined ? deps.clock.now() : requireInstant(input.at, 'at')
  const question = unchangedReads(deps.db).remember(
    'eligibility question',
    keyOf(input.candidateId, requireExamNumber(input.exam, 'exam')),
    async (): Promise<Question> => {
      const read = deepFreeze(await readQuestion(deps, input))
      const { retake, exam } = read
      // Remembered with the question, so the engine runs once per stretch of time, not per ask.
      return {
        ...read,
        decisions: new RetakeDecisionCache(retake.policies, retake.facts, exam),
        refusals: new WeakMap<RetakeDecision, RetakeDecision>(),
      }
    },
  )
  return question instanceof Promise
    ? question.then((known) => decide(known, at))
    : decide(question, at)
}

type Question = Awaited<ReturnType<typeof readQuestion>> & {
  readonly decisions: RetakeDecisionCache
  /** The programme's refusal of each stretch's decision, made once like the decision. */
  readonly refusals: WeakMap<RetakeDecision, RetakeDecision>
}

function decide(
  { candidate, exam, beta, decisions, refusals }: Question,
  at: Instant,
): Eligibility {
  const held = decisions.ofStretch(at)
  let decision: RetakeDecision
  let sameAnswer: RetakeDecision
  // A beta programme's conditions come first: a restricted candidate learns it before choosing a slot.
  if (beta && !beta.access.allowed) {
    let refusal = refusals.get(held)
    if (refusal === undefined) {
      refusal = refusedByProgramme(held, beta.access)
      refusals.set(held, refusal)
    }
    decision = refusal
    sameAnswer = refusal
  } else {
    decision = decisionAt(held, at)
    sameAnswer = held
  }
  // One literal, not a spread of a shared part: this runs on every question asked.
  return { candidateId: candidate.id, exam, at, timeZone: candidate.timeZone, decision, sameAnswer }
}

/** The candidate, the exam, the history and policy the engine judges, and any beta programme's terms. */
async function readQuestion(deps: Deps, input: EligibilityInput) {
  const [candidate, exam] = await Promise.all([
    getCandidate(deps, input.candidateId, 'id'),
    getCatalogueExam(catalogueOf(deps), input.exam),
  ])
  const [retake, beta] = await Promise.all([
    loadRetakeFacts(deps.db, catalogueOf(deps), candidate, exam),
    readBetaAccess(deps.db, candidate, exam),
  ])
  return { candidate, exam, retake, beta }
}
