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

/**
 * Two questions about beta exams, answered from different fields on
 * purpose: `mayHaveProgramme` asks whether the exam is being previewed now
 * (it has a live twin or is in beta), which is what a beta programme runs
 * for; `isBetaExam` asks whether a sitting of it was a beta sitting (of the
 * beta family, or with a live twin), which is what earns a beta reward,
 * even after the exam went live or was retired.
 */
export function mayHaveProgramme(exam: Pick<Exam, 'betaOf' | 'status'>): boolean {
  return exam.betaOf !== null || exam.status === 'beta'
}

/** A beta exam: one of the beta family, or one that previews a live exam. */
export function isBetaExam(exam: Pick<Exam, 'family' | 'betaOf'>): boolean {
  return exam.family === 'beta' || exam.betaOf !== null
}
