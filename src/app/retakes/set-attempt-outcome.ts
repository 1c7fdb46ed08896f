import type { Kysely } from 'kysely'
import { listCertificationsForExams } from '../../db/candidates/certifications.js'
import type { DB } from '../../db/engine/schema.js'
import {
  findAttempt,
  listAttemptsOfCandidate,
  type StoredAttempt,
  updateAttemptOutcome,
} from '../../db/retakes/attempts.js'
import { ATTEMPT_OUTCOMES, type AttemptOutcome } from '../../domain/attempt.js'
import { computeEarnedCertifications } from '../../domain/certification.js'
import { mayAccess } from '../../domain/object-access.js'
import type { Principal } from '../../domain/principal.js'
import { betaResultHold } from '../beta/withhold-beta-result.js'
import type { Clock } from '../clock.js'
import { AppError } from '../errors.js'
import { runCommand } from '../run-command.js'

/**
 * Sets the outcome of a recorded attempt, such as a beta result released
 * weeks later. A pass that a certification was earned with stays a pass.
 */
export async function setAttemptOutcome(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  input: { readonly attemptId: string; readonly outcome: AttemptOutcome },
  caller: Principal,
): Promise<StoredAttempt> {
  if (!ATTEMPT_OUTCOMES.includes(input.outcome)) {
    throw new AppError('VALIDATION_FAILED', {
      field: 'outcome',
      problem: 'must be pass, fail or pending',
    })
  }
  const now = deps.clock.now()
  return runCommand(deps, {}, async (trx) => {
    const found = await findAttempt(trx, input.attemptId)
    // Another provider's attempt answers as a missing one.
    const attempt =
      found !== null &&
      mayAccess(caller, {
        kind: 'attempt',
        candidateId: found.candidateId,
        providerId: found.provider,
      })
        ? found
        : null
    if (!attempt)
      throw new AppError('ATTEMPT_NOT_FOUND', { field: 'id', attemptId: input.attemptId })
    if (attempt.outcome === input.outcome) return attempt
    if (attempt.outcome === 'pass') {
      const history = await listAttemptsOfCandidate(trx, attempt.candidateId)
      const certifications = await listCertificationsForExams(trx, [attempt.creditFor])
      const changed = history.map((other) =>
        other.id === attempt.id ? { ...other, outcome: input.outcome } : other,
      )
      const before = computeEarnedCertifications(certifications, history)
      const after = computeEarnedCertifications(certifications, changed)
      const lost = before.find(
        (earned) =>
          !after.some(
            (still) =>
              still.certificationId === earned.certificationId &&
              still.earnedAt === earned.earnedAt,
          ),
      )
      if (lost) throw new AppError('OUTCOME_LOCKED', { field: 'outcome', certification: lost.name })
    }
    const hold = await betaResultHold(trx, attempt.exam, input.outcome)
    await updateAttemptOutcome(trx, attempt.id, hold.stored, now)
    await hold.keep(attempt.id, attempt.candidateId, now)
    return { ...attempt, outcome: hold.stored, updatedAt: now }
  })
}
