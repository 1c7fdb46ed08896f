import type { ExamNumber } from './exam-number.js'
import type { Instant } from './instant.js'

/**
 * An approved retake exception: it lifts the waiting time and/or the attempt
 * limit for the candidate's next attempt at one exam, and is then used up.
 */
export interface Waiver {
  readonly id: string
  readonly exam: ExamNumber
  readonly waivesWait: boolean
  readonly waivesLimit: boolean
  readonly grantedAt: Instant
}
