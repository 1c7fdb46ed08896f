import type { Channel } from './channel.js'
import { parseEmail } from './email.js'
import { type ExamNumber, parseExamNumber } from './exam-number.js'
import type { Instant } from './instant.js'
import { parsePersonName } from './person-name.js'

/**
 * A retake-exception request, judged before anyone reviews it: every field
 * the programme asks for is there, it names one candidate consistently, and
 * it is about a sitting that candidate had for that exam, for a reason the
 * policy accepts. Every problem is returned at once, so a form can mark them
 * all in one go.
 */

/** The technical problems the policy accepts as grounds for an exception. */
export const EXCEPTION_REASONS = ['lab-crash', 'connectivity', 'equipment-failure'] as const
export type ExceptionReason = (typeof EXCEPTION_REASONS)[number]

export type ExceptionRequestStatus = 'open' | 'approved' | 'denied'

/** A retake-exception request as filed, and its review once there is one. */
export interface ExceptionRequest {
  readonly id: string
  readonly candidateId: string
  readonly registrationId: string
  readonly exam: ExamNumber
  readonly firstName: string
  readonly lastName: string
  readonly email: string
  readonly description: string
  readonly providerCaseNumber: string
  readonly reason: ExceptionReason
  readonly status: ExceptionRequestStatus
  readonly channel: Channel
  readonly requestedAt: Instant
  /** The principal that filed it, and its role. */
  readonly requestedBy: string
  readonly requestedByRole: string
  /** Who filed it, by name (the person, else the token's label), and why staff filed it for the candidate; null or absent when not known. */
  readonly requestedByName?: string | null
  readonly requestedByLabel?: string | null
  readonly requestedReason?: string | null
  readonly review: ExceptionReview | null
}

/** How support decided; an approval names what it waives and the waiver it granted. */
export interface ExceptionReview {
  readonly decision: 'approved' | 'denied'
  readonly at: Instant
  readonly by: string
  readonly byRole: string
  readonly note: string
  readonly waivesWait: boolean
  readonly waivesLimit: boolean
  readonly waiverId: string | null
}

/** Where a granted waiver is now: free for a booking, held by one, or used by an attempt. */
export interface WaiverState {
  readonly heldByRegistrationId: string | null
  readonly usedByAttemptId: string | null
}

/** A stored request with the state of the waiver its approval granted (null before one). */
export interface StoredExceptionRequest extends ExceptionRequest {
  readonly waiver: WaiverState | null
}

/** The policy in one sentence: what an exception is for, and what it is never for. */
export const EXCEPTION_POLICY =
  'Retake exceptions are granted only when a technical problem at the test centre — a lab crash, a lost internet connection or failed equipment — stopped or spoiled the exam; lack of preparation, knowledge, skill or ability is never a reason for one, and the retake policy’s waiting time and attempt limit then apply as usual.'

/** Long enough to say what happened, short enough to read. */
export const DESCRIPTION_MIN_LENGTH = 20
export const DESCRIPTION_MAX_LENGTH = 4000
/** A provider's case number: 1 to 40 visible characters (letters, digits, punctuation, symbols). */
const CASE_NUMBER = /^[\p{L}\p{N}\p{P}\p{S}]{1,40}$/u

/** The fields of a request, in the order a form shows them and problems are listed. */
export const EXCEPTION_REQUEST_FIELDS = [
  'firstName',
  'lastName',
  'candidateId',
  'email',
  'registrationId',
  'exam',
  'description',
  'providerCaseNumber',
  'reason',
] as const
export type ExceptionRequestField = (typeof EXCEPTION_REQUEST_FIELDS)[number]

/** The request as sent: any field may be missing. */
export type ExceptionRequestText = { readonly [F in ExceptionRequestField]?: string }

/** What is wrong with one field, as a stable code and a sentence. */
export type ExceptionProblemCode =
  | 'missing'
  | 'too-short'
  | 'too-long'
  | 'malformed'
  | 'unknown'
  | 'mismatch'
  | 'other-candidate'
  | 'other-exam'
  | 'cancelled'
  | 'not-sat'
  | 'not-accepted'

export interface ExceptionProblem {
  readonly field: ExceptionRequestField
  readonly code: ExceptionProblemCode
  readonly detail: string
}

/** What was read for the request: each null when nothing matched what it named. */
export interface ExceptionRequestFacts {
  readonly candidate: {
    readonly id: string
    readonly firstName: string
    readonly lastName: string
    readonly email: string
  } | null
  readonly registration: {
    readonly id: string
    readonly candidateId: string
    readonly exam: ExamNumber
    readonly status: string
    /** When its appointment starts (or started). */
    readonly startsAt: Instant
  } | null
  /** Whether the catalogue has the exam the request names. */
  readonly examKnown: boolean
}

/** An acceptable request, its text tidied: trimmed, names in NFC, the email the candidate's address on file, the exam in its stored spelling. */
export interface ExceptionRequestFields {
  readonly firstName: string
  readonly lastName: string
  readonly candidateId: string
  readonly email: string
  readonly registrationId: string
  readonly exam: ExamNumber
  readonly description: string
  readonly providerCaseNumber: string
  readonly reason: ExceptionReason
}

export type ExceptionRequestDecision =
  | { readonly accepted: true; readonly request: ExceptionRequestFields }
  | {
      readonly accepted: false
      /** A reason the policy refuses outranks every other problem: fixing the rest would not help. */
      readonly code: 'EXCEPTION_REASON_NOT_ACCEPTED' | 'EXCEPTION_REQUEST_INVALID'
      readonly problems: readonly ExceptionProblem[]
    }

const LABELS: Readonly<Record<ExceptionRequestField, string>> = {
  firstName: 'the first name',
  lastName: 'the last name',
  candidateId: 'the candidate ID',
  email: 'the email address',
  registrationId: 'the exam registration ID',
  exam: 'the exam number',
  description: 'a description of what went wrong',
  providerCaseNumber: "the test-centre provider's case number",
  reason: 'the reason',
}

/**
 * Judges a request against what was read for it (`facts`) at `now`. Every
 * field is required; a blank one counts as missing. The email is compared
 * without regard to case; names also without regard to accents and spacing.
 * The registration must be the candidate's, for the exam named (either
 * spelling), not cancelled, and its appointment must have started.
 *
 * @example
 * decideExceptionRequest({ reason: 'unprepared' }, facts, now)
 * // { accepted: false, code: 'EXCEPTION_REASON_NOT_ACCEPTED', problems: [{ field: 'firstName', code: 'missing', … }, …] }
 */
export function decideExceptionRequest(
  text: ExceptionRequestText,
  facts: ExceptionRequestFacts,
  now: Instant,
): ExceptionRequestDecision {
  const problems: ExceptionProblem[] = []
  const problem = (field: ExceptionRequestField, code: ExceptionProblemCode, detail: string) =>
    problems.push({ field, code, detail })
  const value: Partial<Record<ExceptionRequestField, string>> = {}
  for (const field of EXCEPTION_REQUEST_FIELDS) {
    const trimmed = text[field]?.trim() ?? ''
    if (trimmed === '') continue
    value[field] = trimmed
  }
  const missing = (field: ExceptionRequestField) => {
    if (value[field] !== undefined) return false
    problem(field, 'missing', `Give ${LABELS[field]}.`)
    return true
  }
  const { candidate, registration } = facts

  for (const field of ['firstName', 'lastName'] as const) {
    if (missing(field)) continue
    const parsed = parsePersonName(value[field]!)
    if (!parsed.ok) {
      problem(field, 'malformed', `${capitalise(LABELS[field])} ${parsed.problem}.`)
      continue
    }
    value[field] = parsed.name
    if (!candidate) continue
    if (comparableName(value[field]!) !== comparableName(candidate[field])) {
      problem(
        field,
        'mismatch',
        `This is not the ${field === 'firstName' ? 'first' : 'last'} name of candidate ${candidate.id}.`,
      )
    }
  }

  if (!missing('candidateId') && !candidate) {
    problem('candidateId', 'unknown', `There is no candidate ${value.candidateId}.`)
  }

  if (!missing('email')) {
    const email = parseEmail(value.email!)
    if (email === null) {
      problem('email', 'malformed', `"${value.email}" is not an email address.`)
    } else if (candidate && email.toLowerCase() !== candidate.email.toLowerCase()) {
      problem(
        'email',
        'mismatch',
        `This is not the email address of candidate ${candidate.id}; give the one the candidate ID has.`,
      )
    } else if (candidate) {
      // The address on file, as it is stored: the one mail about the request goes to.
      value.email = candidate.email
    }
  }

  const exam = value.exam === undefined ? null : parseExamNumber(value.exam)
  if (!missing('registrationId')) {
    if (!registration) {
      problem('registrationId', 'unknown', `There is no exam registration ${value.registrationId}.`)
    } else {
      const id = registration.id
      if (value.candidateId !== undefined && registration.candidateId !== value.candidateId) {
        problem(
          'registrationId',
          'other-candidate',
          `Registration ${id} belongs to another candidate.`,
        )
      }
      if (exam !== null && facts.examKnown && registration.exam !== exam) {
        problem(
          'registrationId',
          'other-exam',
          `Registration ${id} is for exam ${registration.exam}, not ${exam}.`,
        )
      }
      if (registration.status === 'cancelled') {
        problem(
          'registrationId',
          'cancelled',
          `Registration ${id} was cancelled: no exam was sat under it.`,
        )
      } else if (registration.startsAt > now) {
        problem(
          'registrationId',
          'not-sat',
          `The appointment of registration ${id} has not started yet; an exception is asked for after a sitting that went wrong.`,
        )
      }
    }
  }

  if (!missing('exam')) {
    if (exam === null) {
      problem(
        'exam',
        'malformed',
        `"${value.exam}" is not an exam number; write it like 70-620 or 070-620.`,
      )
    } else if (!facts.examKnown) {
      problem('exam', 'unknown', `There is no exam ${exam} in the catalogue.`)
    }
  }

  if (!missing('description')) {
    const length = [...value.description!].length
    if (length < DESCRIPTION_MIN_LENGTH) {
      problem(
        'description',
        'too-short',
        `Describe what went wrong in at least ${DESCRIPTION_MIN_LENGTH} characters.`,
      )
    } else if (length > DESCRIPTION_MAX_LENGTH) {
      problem(
        'description',
        'too-long',
        `Keep the description to ${DESCRIPTION_MAX_LENGTH} characters; it has ${length}.`,
      )
    }
  }

  if (!missing('providerCaseNumber') && !CASE_NUMBER.test(value.providerCaseNumber!)) {
    problem(
      'providerCaseNumber',
      'malformed',
      "A provider's case number is 1 to 40 visible characters, without spaces, as the provider gave it.",
    )
  }

  let reason: ExceptionReason | null = null
  if (!missing('reason')) {
    reason = parseExceptionReason(value.reason!)
    if (reason === null) problem('reason', 'not-accepted', EXCEPTION_POLICY)
  }

  if (problems.length > 0) {
    const refusedReason = problems.some((p) => p.code === 'not-accepted')
    return {
      accepted: false,
      code: refusedReason ? 'EXCEPTION_REASON_NOT_ACCEPTED' : 'EXCEPTION_REQUEST_INVALID',
      problems,
    }
  }
  return {
    accepted: true,
    request: {
      firstName: value.firstName!,
      lastName: value.lastName!,
      candidateId: value.candidateId!,
      email: value.email!,
      registrationId: registration!.id,
      exam: exam!,
      description: value.description!,
      providerCaseNumber: value.providerCaseNumber!,
      reason: reason!,
    },
  }
}

/** `Lab-Crash` → `lab-crash`; null for a reason the policy does not accept. */
function parseExceptionReason(text: string): ExceptionReason | null {
  const reason = text.trim().toLowerCase()
  return (EXCEPTION_REASONS as readonly string[]).includes(reason)
    ? (reason as ExceptionReason)
    : null
}

/** `the first name` → `The first name`. */
function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** A name as compared: without case, accents or extra spaces (`Léa  MARTIN` is `lea martin`). */
function comparableName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase()
}
