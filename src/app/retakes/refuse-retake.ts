import { formatInstant } from '../../domain/instant.js'
import type { RetakeCode, RetakeDecision } from '../../domain/retake-decision.js'
import { AppError } from '../errors.js'

/** A command refused by the retake policy: the decision's code, sentence and earliest date. */
export function refuseRetake(decision: RetakeDecision, field = 'slotId'): AppError {
  return new AppError(decision.code as Exclude<RetakeCode, 'ELIGIBLE'>, {
    field,
    reason: decision.reason,
    earliestAt: decision.earliestAt === null ? null : formatInstant(decision.earliestAt),
    policy: decision.policy,
  })
}
