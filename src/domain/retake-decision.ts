import type { Attempt } from './attempt.js'
import type { Exam } from './exam.js'
import type { Instant } from './instant.js'
import type { PolicyVersion } from './policy-version.js'

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

/** Why an exam cannot be sat at all, whoever asks. */
export const UNAVAILABILITIES = [
  'retired',
  'not-live',
  'beta-not-started',
  'beta-over',
  'no-policy',
] as const
export type Unavailability = (typeof UNAVAILABILITIES)[number]

/**
 * The rule that refuses, with what its sentence says: each code carries its
 * own facts. `notBefore` is when that rule stops refusing (null: not under
 * the current data).
 */
export type RetakeGrounds =
  | {
      readonly code: 'EXAM_NOT_AVAILABLE'
      readonly notBefore: Instant | null
      readonly why: Unavailability
    }
  | { readonly code: 'RESULT_PENDING'; readonly notBefore: null; readonly latest: Attempt }
  | { readonly code: 'BETA_ALREADY_TAKEN'; readonly notBefore: null; readonly taken: Attempt }
  | {
      readonly code: 'ALREADY_PASSED'
      /** When a certification the pass earned expires. */
      readonly notBefore: Instant | null
      readonly pass: Attempt
    }
  | {
      readonly code: 'RETAKE_TOO_SOON'
      readonly notBefore: Instant
      readonly version: PolicyVersion
      readonly last: Attempt
      /** Failures in a row, the last one included. */
      readonly failures: number
      readonly hours: number
    }
  | {
      readonly code: 'ANNUAL_LIMIT_REACHED'
      readonly notBefore: Instant
      readonly version: PolicyVersion
      readonly periodStart: Instant
      /** Attempts in the period that began at `periodStart`. */
      readonly count: number
    }

interface Decided {
  /** The first instant at or after `at` when an attempt is allowed; null: never, under the current data. */
  readonly earliestAt: Instant | null
  /** The policy version in force at `at`, which decided. */
  readonly policy: PolicyRef | null
  /** Which attempt at this exam the next one would be (1 for a first attempt). */
  readonly attemptNumber: number
}

/** An attempt allowed at `at`. */
export interface RetakeAllowed extends Decided {
  readonly eligible: true
  readonly code: 'ELIGIBLE'
  /** The approved exception this attempt would use up, if it needs one. */
  readonly waiverId: string | null
  readonly exam: Exam
}

/** An attempt refused by the retake policy, on the grounds of one of its rules. */
export interface RetakeRefusal extends Decided {
  readonly eligible: false
  readonly code: RetakeGrounds['code']
  readonly waiverId: null
  readonly exam: Exam
  /** The zone the sentence shows times in. */
  readonly timeZone: string
  readonly grounds: RetakeGrounds
}

/** An attempt refused by a beta programme's own conditions, whatever the date. */
export interface ProgrammeRefusal extends Decided {
  readonly eligible: false
  readonly code:
    | 'REGION_RESTRICTED'
    | 'NOT_INVITED'
    | 'INVITATION_NOT_OPEN'
    | 'BETA_ALREADY_REGISTERED'
    | 'BETA_SEATS_FULL'
  /** The decision's, had the programme allowed it. */
  readonly waiverId: string | null
  /** The programme's sentence, written with its refusal. */
  readonly reason: string
}

/**
 * The answer to "may this candidate sit this exam at `at`?": a plain
 * value, never an exception, with the rule that decided and the first
 * instant that works. Its sentence is `retakeReason(decision)`, written
 * where it is shown: writing it formats times in a zone, which costs more
 * than deciding.
 */
export type RetakeDecision = RetakeAllowed | RetakeRefusal | ProgrammeRefusal
