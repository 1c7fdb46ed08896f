import type { ExamNumber } from './exam-number.js'
import type { Instant } from './instant.js'

export const EXAM_STATUSES = ['beta', 'live', 'retired'] as const
export type ExamStatus = (typeof EXAM_STATUSES)[number]

export interface BetaPeriod {
  readonly start: Instant
  /** Exclusive: the beta period is over at this instant. */
  readonly end: Instant
}

/** An exam as the retake engine sees it. */
export interface Exam {
  readonly number: ExamNumber
  readonly title: string
  readonly family: string
  /** The policy that governs attempts at this exam (from its family). */
  readonly policyId: string
  readonly status: ExamStatus
  /** For a beta exam: the live exam it previews (`071-621` → `070-621`). */
  readonly betaOf: ExamNumber | null
  readonly betaPeriod: BetaPeriod | null
}
