import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { findProvider } from '../../db/catalogue/providers.js'
import type { DB } from '../../db/engine/schema.js'
import { insertAttempt, type StoredAttempt } from '../../db/retakes/attempts.js'
import { markWaiverUsed } from '../../db/retakes/waivers.js'
import { ATTEMPT_OUTCOMES, type AttemptOutcome } from '../../domain/attempt.js'
import { decideRetake } from '../../domain/decide-retake.js'
import { mayAccess } from '../../domain/object-access.js'
import type { Principal } from '../../domain/principal.js'
import { betaResultHold } from '../beta/withhold-beta-result.js'
import { getCandidate } from '../candidates/get-candidate.js'
import { storedCatalogue } from '../catalogue/catalogue-cache.js'
import { getExam } from '../catalogue/get-exam.js'
import type { Clock } from '../clock.js'
import { AppError } from '../errors.js'
import { requireInstant } from '../input-fields.js'
import { runCommand } from '../run-command.js'
import { loadRetakeFacts } from './load-retake-facts.js'

export interface RecordAttemptInput {
  readonly candidateId: string
  readonly exam: string
  readonly takenAt: string
  readonly outcome: AttemptOutcome
  readonly provider: string
}

/**
 * Writes down a sitting that happened, at any provider, into the
 * candidate's one history. It is a fact, so it is recorded even where the
 * policy would have refused it; an approved exception it needed is used up.
 */
export async function recordAttempt(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  input: RecordAttemptInput,
  caller: Principal,
): Promise<StoredAttempt> {
  const now = deps.clock.now()
  const takenAt = requireInstant(input.takenAt, 'takenAt')
  if (!ATTEMPT_OUTCOMES.includes(input.outcome)) {
    throw new AppError('VALIDATION_FAILED', {
      field: 'outcome',
      problem: 'must be pass, fail or pending',
    })
  }
  if (takenAt > now)
    throw new AppError('ATTEMPT_IN_FUTURE', { field: 'takenAt', takenAt: input.takenAt })
  return runCommand(deps, {}, async (trx) => {
    const candidate = await getCandidate({ db: trx }, input.candidateId)
    const exam = await getExam({ db: trx }, input.exam)
    if (exam.status === 'retired')
      throw new AppError('EXAM_RETIRED', { field: 'exam', exam: exam.number })
    // A provider records its own sittings: another provider is answered as an unknown one.
    const mayRecord = mayAccess(caller, { kind: 'provider', providerId: input.provider })
    if (!mayRecord || !(await findProvider(trx, input.provider))) {
      throw new AppError('PROVIDER_UNKNOWN', { field: 'provider', provider: input.provider })
    }
    const { policies, facts } = await loadRetakeFacts(trx, storedCatalogue(trx), candidate, exam)
    const decision = decideRetake(policies, facts, exam, takenAt)
    const hold = await betaResultHold(trx, exam.number, input.outcome)
    const attempt: StoredAttempt = {
      id: uuidv7(),
      candidateId: candidate.id,
      exam: exam.number,
      creditFor: exam.betaOf ?? exam.number,
      provider: input.provider,
      takenAt,
      outcome: hold.stored,
      recordedAt: now,
      updatedAt: now,
    }
    await insertAttempt(trx, attempt)
    await hold.keep(attempt.id, candidate.id, now)
    if (decision.waiverId !== null) await markWaiverUsed(trx, decision.waiverId, attempt.id)
    return attempt
  })
}
