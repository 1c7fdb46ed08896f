import type { Instant } from './instant.js'

export const RETAKE_CODES = [
  'ELIGIBLE',
  'RETAKE_TOO_SOON',
  'ANNUAL_LIMIT_REACHED',
  'ALREADY_PASSED',
  'BETA_ALREADY_TAKEN',
  'RESULT_PENDING',
  'EXAM_NOT_AVAILABLE',
  // A beta programme's own conditions, told before a slot is chosen.
  'REGION_RESTRICTED',
  'NOT_INVITED',
  'INVITATION_NOT_OPEN',
  'BETA_ALREADY_REGISTERED',
  'BETA_SEATS_FULL',
] as const
export type RetakeCode = (typeof RETAKE_CODES)[number]

export interface PolicyRef {
  readonly id: string
  readonly version: number
  readonly name: string
}

/**
 * The answer to "may this candidate sit this exam at `at`?": a value, never
 * an exception, with the rule that decided and the first instant that works.
 */
export interface RetakeDecision {
  readonly eligible: boolean
  /** The first instant at or after `at` when an attempt is allowed; null: never, under the current data. */
  readonly earliestAt: Instant | null
  readonly code: RetakeCode
  /** A sentence for the candidate. */
  readonly reason: string
  /** The policy version in force at `at`, which decided. */
  readonly policy: PolicyRef | null
  /** Which attempt at this exam the next one would be (1 for a first attempt). */
  readonly attemptNumber: number
  /** The approved exception this attempt would use up, if it needs one. */
  readonly waiverId: string | null
}
