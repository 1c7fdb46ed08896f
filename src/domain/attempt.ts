import type { ExamNumber } from './exam-number.js'
import type { Instant } from './instant.js'

export const ATTEMPT_OUTCOMES = ['pass', 'fail', 'pending'] as const
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number]

/** One sitting of one exam by one candidate, at any provider. */
export interface Attempt {
  readonly id: string
  readonly exam: ExamNumber
  /** The exam a pass earns credit for: the exam itself, or for a beta exam the live exam it previews. */
  readonly creditFor: ExamNumber
  readonly provider: string
  readonly takenAt: Instant
  readonly outcome: AttemptOutcome
}
