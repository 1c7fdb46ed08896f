import type { CodeSentenceFacts } from '../domain/code-sentences.js'

/**
 * The facts each error code is made with: what its sentence reads, and what
 * the shells send beside it (the problem+json extension members, the CLI's
 * output). `new AppError(code, facts)` takes exactly its code's facts, so a
 * misspelt or missing fact does not compile. Every code may also name the
 * input field at fault (`field`).
 */

/**
 * The members an error answer has of its own (RFC 9457's, ours and the
 * HTTP request's id): every fact is sent beside them, so no code's fact may
 * take one of these names, or the answer would lose it. `field` is every
 * code's own fact (`FieldFact`), sent as the member of that name.
 */
export const PROBLEM_MEMBERS = [
  'type',
  'title',
  'status',
  'detail',
  'instance',
  'code',
  'field',
  'requestId',
] as const

/** A retake policy version, as a refusal names the one that decided. */
interface PolicyNamed {
  readonly id: string
  readonly version: number
  readonly name: string
}

/** A refusal by the retake policy: its sentence, and when an attempt is allowed again. */
interface RetakeRefusalFacts {
  readonly reason: string
  /** RFC 3339; null: never, under the current data. */
  readonly earliestAt: string | null
  readonly policy: PolicyNamed | null
}

/** A refusal by a beta programme's own conditions, told by the retake policy or by the booking. */
interface BetaRefusalFacts {
  readonly reason?: string
  readonly exam?: string
  readonly earliestAt?: string | null
  readonly policy?: PolicyNamed | null
}

/** A code refused by its offer's terms, when applied or when its booking moves. */
interface CodeRefusalFacts {
  readonly reason: string
  /** The reason as a stable code and its facts, for a page to say in its reader's language. */
  readonly sentence?: CodeSentenceFacts
  /** The code as the candidate writes it; absent when the refusal names no one code. */
  readonly voucherCode?: string
}

/** One thing wrong with the input, for a form to mark. */
interface InputProblem {
  readonly field?: string
  readonly problem: string
}

/** What a problem with a value typed in says: the value, as given. */
interface ValueFacts {
  readonly value: string
}

/** A rule about the input broken, said in words. */
interface ProblemFacts {
  readonly problem: string
}

type NoFacts = Record<never, never>

export interface ErrorFactsByCode {
  // Requests the server cannot read.
  ROUTE_NOT_FOUND: { readonly method: string; readonly path: string }
  MALFORMED_URL: NoFacts
  MALFORMED_JSON: NoFacts
  UNSUPPORTED_MEDIA_TYPE: { readonly contentType?: string }
  BODY_TOO_LARGE: { readonly limitBytes: number }
  BODY_ENCODING_INVALID: { readonly location: string }
  BODY_TOO_DEEP: { readonly location: string; readonly maxDepth: number }
  HEADERS_TOO_LARGE: { readonly limitBytes: number }
  REQUEST_TIMEOUT: NoFacts
  MALFORMED_REQUEST: { readonly problem?: string }
  VALIDATION_FAILED: {
    readonly problem: string
    /** Where in the request: body, query, path or header. */
    readonly location?: string
    /** Every problem found, the first of which `field` and `problem` name. */
    readonly errors?: readonly InputProblem[]
  }
  // Who is asking.
  UNAUTHENTICATED: NoFacts
  FORBIDDEN: { readonly role: string; readonly requiredRoles: readonly string[] }
  ON_BEHALF_REASON_REQUIRED: { readonly role: string; readonly channel: string }
  PROVIDER_TOKEN_UNBOUND: NoFacts
  // Catalogue.
  EXAM_NUMBER_MALFORMED: ValueFacts
  EXAM_NOT_FOUND: { readonly exam: string }
  EXAM_ALREADY_EXISTS: { readonly exam: string }
  /** The family named, or the exam number's prefix when none was. */
  FAMILY_UNKNOWN: { readonly family?: string; readonly prefix?: string }
  BETA_OF_INVALID: ProblemFacts
  BETA_PERIOD_INVALID: ProblemFacts
  // Candidates.
  CANDIDATE_NOT_FOUND: { readonly candidateId: string }
  COUNTRY_INVALID: ValueFacts
  TIME_ZONE_INVALID: ValueFacts
  EMAIL_INVALID: ValueFacts
  INSTANT_INVALID: ValueFacts
  // Attempts.
  PROVIDER_UNKNOWN: { readonly provider: string }
  ATTEMPT_NOT_FOUND: { readonly attemptId: string }
  ATTEMPT_IN_FUTURE: { readonly takenAt: string }
  EXAM_RETIRED: { readonly exam: string }
  OUTCOME_LOCKED: { readonly certification: string }
  // Providers, test centres and slots.
  PROVIDER_NOT_FOUND: { readonly providerId: string }
  PROVIDER_ALREADY_EXISTS: { readonly providerId: string }
  CENTRE_NOT_FOUND: { readonly centreId: string }
  /** `line`: the row of an import that names it. */
  CENTRE_ALREADY_EXISTS: { readonly centreId: string; readonly line?: number }
  POSITION_INVALID: ValueFacts
  SLOT_SCHEDULE_INVALID: ProblemFacts
  SEARCH_RANGE_INVALID: ProblemFacts
  // Reports.
  REPORT_PERIOD_INVALID: ProblemFacts
  // Retake decisions, when a command is refused because of one.
  RETAKE_TOO_SOON: RetakeRefusalFacts
  ANNUAL_LIMIT_REACHED: RetakeRefusalFacts
  ALREADY_PASSED: RetakeRefusalFacts
  BETA_ALREADY_TAKEN: RetakeRefusalFacts
  RESULT_PENDING: RetakeRefusalFacts
  EXAM_NOT_AVAILABLE: RetakeRefusalFacts
  REGION_RESTRICTED: BetaRefusalFacts
  NOT_INVITED: BetaRefusalFacts
  BETA_ALREADY_REGISTERED: BetaRefusalFacts
  BETA_SEATS_FULL: BetaRefusalFacts
  BETA_PROGRAMME_NOT_FOUND: { readonly exam: string }
  BETA_RESULTS_NOT_DUE: { readonly exam: string; readonly releaseAt: string }
  BETA_PROGRAMME_INVALID: ProblemFacts
  // Invitation waves.
  WAVE_NOT_FOUND: { readonly waveId: string }
  WAVE_TOO_EARLY: {
    readonly waveId: string
    readonly opensAt: string | null
    readonly remainingMs: number
    readonly reason: string
  }
  WAVE_SELF_CHECK_FAILED: {
    readonly waveId: string
    readonly candidateId: string
    readonly slotId: string | null
    /** The trial's channel, when a trial registration was tried. */
    readonly channel?: string
    /** The code the trial was refused with, or what was wrong with its answer. */
    readonly problemCode: string
    readonly problemDetail: string
  }
  WAVE_NOT_OPEN: { readonly waveId: string; readonly waveStatus: string; readonly problem: string }
  WAVE_WITHDRAWN: { readonly waveId: string; readonly withdrawnAt: string }
  WAVE_ALREADY_OPENED: { readonly waveId: string; readonly waveStatus: string }
  WAVE_CONFLICT: { readonly exam: string }
  INVITATION_NOT_OPEN: BetaRefusalFacts
  WAVE_EMPTY: { readonly audience: string; readonly candidates: number }
  UNAVAILABLE: NoFacts
  /** `health`: what the health check says of the service. */
  DATABASE_UNAVAILABLE: { readonly health?: string }
  // Registrations.
  IDEMPOTENCY_KEY_REQUIRED: { readonly location: string }
  IDEMPOTENCY_KEY_REUSED: NoFacts
  SLOT_NOT_FOUND: { readonly slotId: string }
  SLOT_IN_PAST: { readonly startsAtLocal: string }
  SLOT_UNCHANGED: NoFacts
  EXAM_NOT_DELIVERED: { readonly provider: string; readonly exam: string }
  SEAT_UNAVAILABLE: { readonly slotId: string; readonly startsAtLocal: string }
  ALREADY_REGISTERED: { readonly exam: string; readonly registrationId?: string }
  REGISTRATION_NOT_FOUND: { readonly registrationId: string }
  REGISTRATION_NOT_ACTIVE: { readonly registrationId: string; readonly registrationStatus: string }
  REGISTRATION_CHANGED: { readonly registrationId: string }
  CHANGE_WINDOW_CLOSED: {
    readonly provider: string
    readonly change: string
    readonly cutoffHours: number
    readonly deadline: string
    readonly deadlineLocal: string
  }
  CHANGE_DEADLINES_PASSED: {
    readonly provider: string
    readonly startsAtLocal: string
    /** The changes whose deadline has passed: reschedule, cancel or both. */
    readonly passed: readonly string[]
    readonly deadlines: {
      readonly reschedule: string
      readonly rescheduleLocal: string
      readonly cancel: string
      readonly cancelLocal: string
    }
  }
  REPORT_TOO_EARLY: { readonly report: string; readonly fromLocal: string }
  TAKEN_AT_OUTSIDE_SITTING: { readonly from: string; readonly until: string }
  // Prices, offers and codes.
  CODE_MISTYPED: {
    readonly reason: string
    /** What kind of mistake, and where in the code when that can be told. */
    readonly problem: string
    readonly position?: number
  }
  CODE_NOT_FOUND: NoFacts
  TOO_MANY_ATTEMPTS: {
    /** Whose entry is locked: candidate, caller or address. */
    readonly lockedFor: string
    readonly retryAt: string
    readonly retryAtLocal: string
    /** Seconds; sent as `Retry-After` too. */
    readonly retryAfter: number
  }
  CODE_EXPIRED: CodeRefusalFacts
  CODE_VOIDED: CodeRefusalFacts
  CODE_ALREADY_USED: CodeRefusalFacts
  CODE_NOT_COMBINABLE: CodeRefusalFacts
  EXAM_NOT_COVERED: CodeRefusalFacts
  PROVIDER_NOT_COVERED: CodeRefusalFacts
  PAYMENT_METHOD_NOT_ACCEPTED: CodeRefusalFacts
  RETAKE_OF_OTHER_EXAM: CodeRefusalFacts
  /** `loses`: a sentence per free retake the code would cost. */
  CODE_WOULD_FORFEIT: { readonly loses: readonly string[] }
  DUPLICATE_CODE: NoFacts
  OFFER_NOT_FOUND: { readonly offerId: string }
  OFFER_CLOSED: { readonly offerId: string; readonly reason: string }
  OFFER_ALREADY_ENROLLED: { readonly offerId: string; readonly offerName: string }
  OFFER_VERSION_EXISTS: { readonly offerId: string; readonly version: number }
  OFFER_TERMS_INVALID: ProblemFacts
  CURRENCY_NOT_PRICED: { readonly exam: string; readonly currency: string }
  PAYMENT_NOT_DUE: { readonly registrationId: string }
  REGISTRATION_ALREADY_PAID: { readonly registrationId: string }
  PAYMENT_DUE: { readonly registrationId: string }
  REGISTRATION_NOT_CONFIRMED: { readonly registrationId: string }
  PAYMENT_AMOUNT_MISMATCH: { readonly due: string; readonly paid: string }
  HOLD_EXPIRED: {
    readonly registrationId: string
    /** How the hold ended: its time passed, or an administrator released it. */
    readonly ended: string
    readonly holdExpiresAt: string | null
  }
  NOT_AN_UNPAID_HOLD: {
    readonly registrationId: string
    readonly registrationStatus: string
    readonly paymentStatus: string
  }
  VOUCHER_BATCH_MISMATCH: { readonly batchId: string; readonly problem: string }
  CANDIDATES_NOT_FOUND: { readonly candidateIds: readonly string[] }
  // Retake exceptions.
  EXCEPTION_REQUEST_INVALID: { readonly errors: readonly ExceptionProblemFact[] }
  /** `policy`: the sentence of the exception policy, when the reason given is not one. */
  EXCEPTION_REASON_NOT_ACCEPTED: {
    readonly errors: readonly ExceptionProblemFact[]
    readonly policy?: string
  }
  EXCEPTION_REQUEST_NOT_FOUND: { readonly exceptionRequestId: string }
  /** The standing request, when it can be read. */
  EXCEPTION_REQUEST_EXISTS: {
    readonly registrationId: string
    readonly exceptionRequestId?: string
    readonly exceptionRequestStatus?: string
  }
  EXCEPTION_REQUEST_ALREADY_REVIEWED: {
    readonly exceptionRequestId: string
    readonly exceptionRequestStatus: string
  }
  EXCEPTION_WAIVES_NOTHING: NoFacts
  // Tokens.
  TOKEN_NOT_FOUND: { readonly tokenId: string }
  TOKEN_PROVIDER_REQUIRED: { readonly role: string }
  TOKEN_PROVIDER_NOT_ALLOWED: { readonly role: string }
  TOKEN_EXPIRY_INVALID: ProblemFacts
  // Accounts, sign-in and sessions.
  CSRF_TOKEN_INVALID: NoFacts
  ACCOUNT_REQUIRED: NoFacts
  ACCOUNT_EMAIL_TAKEN: { readonly email: string }
  SIGN_IN_THROTTLED: {
    /** Which record reached its limit: the email asked for, or the address asking. */
    readonly lockedFor: 'email' | 'address'
    readonly retryAt: string
    /** Seconds; sent as `Retry-After` too. */
    readonly retryAfter: number
  }
  SIGN_IN_CODE_INVALID: NoFacts
  SIGN_IN_LINK_INVALID: NoFacts
  SIGN_IN_CROSS_SITE: NoFacts
  SESSION_NOT_FOUND: { readonly sessionId: string }
  REAUTHENTICATION_REQUIRED: {
    /** When the session's sign-in was (RFC 3339); null when it cannot say. */
    readonly signedInAt: string | null
    /** How recent a sign-in the change needs, in minutes. */
    readonly withinMinutes: number
  }
  ACCOUNT_NOT_FOUND: { readonly accountId: string }
  ACCOUNT_NOT_STAFF: {
    readonly accountId: string
    /** What was asked of it; absent: its email changed. */
    readonly asked?: 'disable' | 'enable'
  }
  ACCOUNT_DISABLE_OWN: { readonly accountId: string }
  ACCOUNT_DISABLED: NoFacts
  EMAIL_UNCHANGED: { readonly email: string }
  EMAIL_CHANGE_THROTTLED: {
    /** Which record reached its limit: the new address, the account, or the network address asking. */
    readonly lockedFor: 'email' | 'account' | 'address'
    readonly retryAt: string
    /** Seconds; sent as `Retry-After` too. */
    readonly retryAfter: number
  }
  EMAIL_CHANGE_CODE_INVALID: NoFacts
  EMAIL_CHANGE_LINK_INVALID: NoFacts
  // OpenID Connect.
  OIDC_NOT_ENABLED: NoFacts
  OIDC_PROVIDER_UNAVAILABLE: NoFacts
  OIDC_CALLBACK_INVALID: {
    readonly problem:
      | 'unknown-state'
      | 'expired'
      | 'other-browser'
      | 'signed-out'
      | 'refused'
      | 'unverified'
  }
  OIDC_IDENTITY_NOT_LINKED: NoFacts
  OIDC_ROLE_NOT_ALLOWED: { readonly role: string; readonly allowedRoles: readonly string[] }
  OIDC_IDENTITY_TAKEN: NoFacts
  OUTSIDE_IDENTITY_NOT_FOUND: { readonly identityId: string }
  PASSKEY_CHALLENGE_INVALID: NoFacts
  PASSKEY_REGISTRATION_INVALID: NoFacts
  PASSKEY_ALREADY_ADDED: NoFacts
  PASSKEY_NOT_FOUND: { readonly passkeyId: string }
  PASSKEY_NOT_ACCEPTED: NoFacts
  PASSKEY_THROTTLED: {
    /** What was counted: too many failed sign-ins, or too many options asked. */
    readonly lockedFor: 'failures' | 'requests'
    readonly retryAt: string
    /** Seconds; sent as `Retry-After` too. */
    readonly retryAfter: number
  }
  // Mail.
  MAIL_NOT_FOUND: { readonly mailId: string }
  MAIL_NOT_SENT: { readonly mailId: string; readonly mailStatus: 'pending' | 'failed' }
  MAIL_NOT_RESENDABLE: { readonly mailId: string; readonly kind: string }
  MAIL_NOT_FAILED: { readonly mailId: string; readonly mailStatus: 'pending' | 'sent' }
  IMPORT_INVALID: { readonly problems: readonly ImportProblemFact[] }
  /** The HTTP request's own id, which the answer's `requestId` member carries too. */
  INTERNAL_ERROR: { readonly requestId: string }
}

/** One thing wrong with an exception request: the field, a code and a sentence. */
interface ExceptionProblemFact {
  readonly field: string
  readonly code: string
  readonly detail: string
}

/** One row of an import that was refused: its line, the field at fault, the code and sentence. */
interface ImportProblemFact {
  readonly line: number
  readonly field: string | null
  readonly code: string
  readonly message: string
}

export type ErrorCode = keyof ErrorFactsByCode

/** What every code may name besides its own facts: the input field at fault (`email`, `betaPeriod.end`). */
export interface FieldFact {
  readonly field?: string
}

/**
 * The facts an error with code `C` is made with. For a union of codes (a
 * code chosen at run time among several), the facts every one of them needs:
 * whichever code it turns out to be, its sentence finds its facts.
 */
export type ErrorFactsOf<C extends ErrorCode> = (
  C extends ErrorCode
    ? (facts: ErrorFactsByCode[C]) => void
    : never
) extends (facts: infer F) => void
  ? F & FieldFact
  : never
