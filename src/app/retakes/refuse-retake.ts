import { formatInstant } from '../../domain/instant.js'
import type { RetakeDecision } from '../../domain/retake-decision.js'
import { retakeReason } from '../../domain/retake-reasons.js'
import { AppError } from '../errors.js'

/** A command refused by the retake policy: the decision's code, sentence and earliest date. */
export function refuseRetake(decision: RetakeDecision, field = 'slotId'): AppError {
  if (decision.eligible) throw new Error(`An eligible decision (${decision.code}) refuses nothing`)
  return new AppError(decision.code, {
    field,
    reason: retakeReason(decision),
    earliestAt: decision.earliestAt === null ? null : formatInstant(decision.earliestAt),
    policy: decision.policy,
  })
}
