import type { ExamNumber } from './exam-number.js'
import type { WaveAudience } from './invitation-wave.js'

/** A registration's status, as an audience reads it. */
export type AudienceRegistrationStatus =
  | 'booked'
  | 'checked-in'
  | 'completed'
  | 'no-show'
  | 'cancelled'

/**
 * Which exams a criterion looks at, from the beta a wave invites to:
 * `this-exam` the beta itself; `betas-of-live-exam` every beta of the
 * live exam it previews (itself included); `other-betas-of-live-exam`
 * those but itself. A beta that previews no live exam has no others.
 */
export type AudienceExams = 'this-exam' | 'betas-of-live-exam' | 'other-betas-of-live-exam'

/** One fact that puts a candidate in an audience. */
export type AudienceCriterion =
  | { readonly on: 'roster' }
  | { readonly on: 'attempt'; readonly exams: AudienceExams }
  | {
      readonly on: 'registration'
      readonly exams: AudienceExams
      readonly statuses: readonly AudienceRegistrationStatus[]
    }

/** Who an audience names: a candidate meeting any one criterion, before anything is excluded. */
export interface AudienceRule {
  readonly anyOf: readonly AudienceCriterion[]
  /**
   * Whether a candidate whose one registration for the beta was cancelled
   * may be invited again (their registration stops counting as that one).
   */
  readonly readmitsCancelled: boolean
}

/**
 * The audiences a wave can name by a rule (a `list` names its candidates).
 * `retake`: an attempt at this beta or at another beta of the same live
 * exam. `re-registration`: a cancelled registration for this beta, or a
 * registration for another beta of the same live exam that never led to a
 * sitting (cancelled or missed); they may register for this beta again.
 * `roster-rest`: the beta's roster.
 */
export const AUDIENCE_RULES: Readonly<Record<Exclude<WaveAudience, 'list'>, AudienceRule>> = {
  retake: {
    anyOf: [
      { on: 'attempt', exams: 'this-exam' },
      { on: 'attempt', exams: 'betas-of-live-exam' },
    ],
    readmitsCancelled: false,
  },
  're-registration': {
    anyOf: [
      { on: 'registration', exams: 'this-exam', statuses: ['cancelled'] },
      {
        on: 'registration',
        exams: 'other-betas-of-live-exam',
        statuses: ['cancelled', 'no-show'],
      },
    ],
    readmitsCancelled: true,
  },
  'roster-rest': { anyOf: [{ on: 'roster' }], readmitsCancelled: false },
}

/** The beta a wave invites to, and the live exam it previews (null when none). */
export interface AudienceTarget {
  readonly exam: ExamNumber
  readonly liveExam: ExamNumber | null
}

/** An exam a candidate sat or registered for, and the live exam it previews (null when none). */
export interface AudienceExam {
  readonly exam: ExamNumber
  readonly betaOf: ExamNumber | null
}

/** What a candidate's audiences are judged on. */
export interface AudienceFacts {
  readonly onRoster: boolean
  readonly attempts: readonly AudienceExam[]
  readonly registrations: readonly (AudienceExam & {
    readonly status: AudienceRegistrationStatus
  })[]
}

/** Whether a candidate with these facts is in the audience of `rule`, for a wave of `target`. */
export function isInAudience(
  rule: AudienceRule,
  target: AudienceTarget,
  facts: AudienceFacts,
): boolean {
  return rule.anyOf.some((criterion) => meetsCriterion(criterion, target, facts))
}

function meetsCriterion(
  criterion: AudienceCriterion,
  target: AudienceTarget,
  facts: AudienceFacts,
): boolean {
  switch (criterion.on) {
    case 'roster':
      return facts.onRoster
    case 'attempt':
      return facts.attempts.some((attempt) => isAmongExams(criterion.exams, target, attempt))
    case 'registration':
      return facts.registrations.some(
        (registration) =>
          criterion.statuses.includes(registration.status) &&
          isAmongExams(criterion.exams, target, registration),
      )
  }
}

/** Whether `exam` is among the exams `exams` names for a wave of `target`. */
export function isAmongExams(
  exams: AudienceExams,
  target: AudienceTarget,
  exam: AudienceExam,
): boolean {
  switch (exams) {
    case 'this-exam':
      return exam.exam === target.exam
    case 'betas-of-live-exam':
      return target.liveExam !== null && exam.betaOf === target.liveExam
    case 'other-betas-of-live-exam':
      return (
        target.liveExam !== null && exam.betaOf === target.liveExam && exam.exam !== target.exam
      )
  }
}
