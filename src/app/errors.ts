import type { ErrorCode, ErrorFactsByCode, ErrorFactsOf, FieldFact } from './error-facts.js'

export type { ErrorCode, ErrorFactsByCode, ErrorFactsOf } from './error-facts.js'

/**
 * The catalogue of every error examdesk answers with: a stable code, the
 * HTTP status the API maps it to, a short title, and the sentence a person
 * reads. Shells map an `AppError` to their world (problem+json, exit code);
 * `docs/errors.md` lists the same codes and a test keeps the two in step.
 * Each code's facts are declared in `error-facts.ts`.
 */

/** The facts of an error as read back, whatever its code: what shells send beside its sentence. */
export interface ErrorFacts extends FieldFact {
  readonly [fact: string]: unknown
}

interface CatalogueEntry<F> {
  readonly status: number
  readonly title: string
  /** Never throws for a fact missing: a sentence is written for every code, even without facts. */
  sentence(facts: Partial<F>): string
  /** For a refusal that passes: how long to wait before trying again (`Retry-After`). */
  readonly retryAfterSeconds?: number
}

type Catalogue = {
  readonly [C in ErrorCode]: CatalogueEntry<ErrorFactsByCode[C] & FieldFact>
}

const text = (value: unknown) => (value === undefined ? '' : String(value))

/** What was wrong with an identity provider's answer, by OIDC_CALLBACK_INVALID's `problem`. */
const OIDC_CALLBACK_PROBLEMS: Readonly<Record<string, string>> = {
  'unknown-state': 'it belongs to no sign-in started here, or to one finished already',
  expired: 'the sign-in was started more than 10 minutes ago',
  'other-browser': 'it was started in another browser',
  'signed-out': 'the account that started the link is no longer signed in here',
  refused: 'the identity provider refused or was cancelled',
  unverified: 'its code or identity token did not pass the checks',
}

/** What an EMAIL_CHANGE_THROTTLED counted, by the record that reached its limit. */
/** How staff acted for a candidate, in words, for a reason refused missing. */
const ACTING_CHANNELS: Readonly<Record<string, string>> = {
  web: 'on the web',
  phone: 'by phone',
  email: 'by email',
  chat: 'by chat',
  'in-person': 'in person',
}

const EMAIL_CHANGE_LOCKED_FOR: Readonly<Record<string, string>> = {
  email: 'for this new address',
  account: 'for this account',
  address: 'from this network address',
}

/** Whose code entry a TOO_MANY_ATTEMPTS locks, by the record that reached its limit. */
const LOCKED_FOR: Readonly<Record<string, string>> = {
  candidate: ' for this candidate',
  caller: ' by this caller',
  address: ' from this network address',
}

export const ERROR_CATALOGUE: Catalogue = {
  // Requests the server cannot read.
  ROUTE_NOT_FOUND: {
    status: 404,
    title: 'No such route',
    sentence: (f) => `There is no ${text(f.method)} ${text(f.path)} in this API.`,
  },
  MALFORMED_URL: {
    status: 400,
    title: 'Malformed URL',
    sentence: () => 'The URL could not be decoded; check its percent-escapes.',
  },
  MALFORMED_JSON: {
    status: 400,
    title: 'Malformed JSON',
    sentence: () => 'The request body is not valid JSON.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    title: 'Unsupported media type',
    sentence: (f) =>
      `Send the body as application/json, not ${text(f.contentType) || 'this type'}.`,
  },
  BODY_TOO_LARGE: {
    status: 413,
    title: 'Body too large',
    sentence: () => 'The request body is larger than this API accepts.',
  },
  BODY_ENCODING_INVALID: {
    status: 400,
    title: 'Body not UTF-8 text',
    sentence: (f) =>
      f.field === undefined
        ? 'The request body is not valid UTF-8 text; send JSON encoded as UTF-8.'
        : `${text(f.field)}: the text is not valid UTF-8; send JSON encoded as UTF-8.`,
  },
  BODY_TOO_DEEP: {
    status: 400,
    title: 'Body nested too deeply',
    sentence: (f) =>
      `The request body nests objects and arrays more than ${text(f.maxDepth)} levels deep.`,
  },
  HEADERS_TOO_LARGE: {
    status: 431,
    title: 'Headers too large',
    sentence: (f) =>
      `The request's headers are larger than this API accepts (${text(f.limitBytes)} bytes in all).`,
  },
  REQUEST_TIMEOUT: {
    status: 408,
    title: 'Request timeout',
    sentence: () => 'The request did not arrive in full in time; send it again.',
  },
  MALFORMED_REQUEST: {
    status: 400,
    title: 'Malformed request',
    sentence: (f) =>
      `The request could not be read: ${text(f.problem) || 'it is not well-formed'}.`,
  },
  VALIDATION_FAILED: {
    status: 400,
    title: 'Invalid input',
    sentence: (f) => `${text(f.field) || 'The input'}: ${text(f.problem)}.`,
  },
  // Who is asking.
  UNAUTHENTICATED: {
    status: 401,
    title: 'Authentication required',
    sentence: () =>
      'Send a valid token as "Authorization: Bearer <token>", or sign in (POST /v1/sign-in/email).',
  },
  FORBIDDEN: {
    status: 403,
    title: 'Not allowed',
    sentence: (f) =>
      `This needs the role ${text(f.requiredRoles)}; your token has the role ${text(f.role)}.`,
  },
  ON_BEHALF_REASON_REQUIRED: {
    status: 400,
    title: 'Reason required',
    sentence: (f) =>
      `${text(f.field) || 'onBehalfReason'}: say why you act for the candidate; staff acting ${ACTING_CHANNELS[text(f.channel)] ?? 'by phone'} give a reason, which the candidate is shown.`,
  },
  PROVIDER_TOKEN_UNBOUND: {
    status: 403,
    title: 'Provider token bound to no provider',
    sentence: () =>
      'This provider token was made before tokens were bound to a provider, so it acts for none; make one bound to your provider with "examdesk token create --role provider --provider <provider id>" (or POST /v1/admin/tokens with "provider") and revoke this one.',
  },
  // Catalogue.
  EXAM_NUMBER_MALFORMED: {
    status: 400,
    title: 'Malformed exam number',
    sentence: (f) => `"${text(f.value)}" is not an exam number; write it like 70-620 or 070-620.`,
  },
  EXAM_NOT_FOUND: {
    status: 404,
    title: 'Unknown exam',
    sentence: (f) => `There is no exam ${text(f.exam)} in the catalogue.`,
  },
  EXAM_ALREADY_EXISTS: {
    status: 409,
    title: 'Exam already exists',
    sentence: (f) => `Exam ${text(f.exam)} is already in the catalogue.`,
  },
  FAMILY_UNKNOWN: {
    status: 422,
    title: 'Unknown exam family',
    sentence: (f) =>
      f.family
        ? `There is no exam family "${text(f.family)}".`
        : `No exam family has the prefix ${text(f.prefix)}; name the family explicitly.`,
  },
  BETA_OF_INVALID: {
    status: 422,
    title: 'Invalid beta twin',
    sentence: (f) => text(f.problem),
  },
  BETA_PERIOD_INVALID: {
    status: 422,
    title: 'Invalid beta period',
    sentence: (f) => text(f.problem),
  },
  // Candidates.
  CANDIDATE_NOT_FOUND: {
    status: 404,
    title: 'Unknown candidate',
    sentence: (f) => `There is no candidate ${text(f.candidateId)}.`,
  },
  COUNTRY_INVALID: {
    status: 400,
    title: 'Invalid country',
    sentence: (f) =>
      `"${text(f.value)}" is not an ISO 3166-1 alpha-2 country code (such as NZ, US, IN).`,
  },
  TIME_ZONE_INVALID: {
    status: 400,
    title: 'Invalid time zone',
    sentence: (f) =>
      `"${text(f.value)}" is not an IANA time zone (such as Europe/Paris, Pacific/Auckland).`,
  },
  EMAIL_INVALID: {
    status: 400,
    title: 'Invalid email address',
    sentence: (f) => `"${text(f.value)}" is not an email address.`,
  },
  INSTANT_INVALID: {
    status: 400,
    title: 'Invalid instant',
    sentence: (f) =>
      `"${text(f.value)}" is not an instant; write it as RFC 3339 with an offset, such as 2026-12-01T09:00:00Z.`,
  },
  // Attempts.
  PROVIDER_UNKNOWN: {
    status: 422,
    title: 'Unknown provider',
    sentence: (f) => `There is no delivery provider "${text(f.provider)}".`,
  },
  ATTEMPT_NOT_FOUND: {
    status: 404,
    title: 'Unknown attempt',
    sentence: (f) => `There is no attempt ${text(f.attemptId)}.`,
  },
  ATTEMPT_IN_FUTURE: {
    status: 422,
    title: 'Attempt in the future',
    sentence: (f) => `An attempt cannot be recorded before it is taken (${text(f.takenAt)}).`,
  },
  EXAM_RETIRED: {
    status: 422,
    title: 'Exam retired',
    sentence: (f) => `Exam ${text(f.exam)} is retired; no new attempts can be recorded for it.`,
  },
  OUTCOME_LOCKED: {
    status: 409,
    title: 'Outcome locked',
    sentence: (f) =>
      `This pass earned the certification "${text(f.certification)}"; its outcome can no longer be changed.`,
  },
  // Providers, test centres and slots.
  PROVIDER_NOT_FOUND: {
    status: 404,
    title: 'Unknown provider',
    sentence: (f) => `There is no delivery provider ${text(f.providerId)}.`,
  },
  PROVIDER_ALREADY_EXISTS: {
    status: 409,
    title: 'Provider already exists',
    sentence: (f) => `There is already a delivery provider ${text(f.providerId)}.`,
  },
  CENTRE_NOT_FOUND: {
    status: 404,
    title: 'Unknown test centre',
    sentence: (f) => `There is no test centre ${text(f.centreId)}.`,
  },
  CENTRE_ALREADY_EXISTS: {
    status: 409,
    title: 'Test centre already exists',
    sentence: (f) => `There is already a test centre ${text(f.centreId)}.`,
  },
  POSITION_INVALID: {
    status: 400,
    title: 'Invalid position',
    sentence: (f) =>
      `"${text(f.value)}" is not a position; write latitude,longitude in degrees, such as -36.85,174.76 (latitude -90 to 90, longitude -180 to 180).`,
  },
  SLOT_SCHEDULE_INVALID: {
    status: 422,
    title: 'Invalid slot schedule',
    sentence: (f) => `${text(f.field) || 'The schedule'}: ${text(f.problem)}.`,
  },
  SEARCH_RANGE_INVALID: {
    status: 400,
    title: 'Invalid search range',
    sentence: (f) => text(f.problem) || 'The search range is not valid.',
  },
  // Reports.
  REPORT_PERIOD_INVALID: {
    status: 400,
    title: 'Invalid report period',
    sentence: (f) => text(f.problem) || 'The report period is not valid.',
  },
  // Retake decisions, when a command is refused because of one.
  RETAKE_TOO_SOON: {
    status: 409,
    title: 'Retake too soon',
    sentence: (f) => text(f.reason),
  },
  ANNUAL_LIMIT_REACHED: {
    status: 409,
    title: 'Attempt limit reached',
    sentence: (f) => text(f.reason),
  },
  ALREADY_PASSED: { status: 409, title: 'Already passed', sentence: (f) => text(f.reason) },
  BETA_ALREADY_TAKEN: {
    status: 409,
    title: 'Beta already taken',
    sentence: (f) => text(f.reason),
  },
  RESULT_PENDING: { status: 409, title: 'Result pending', sentence: (f) => text(f.reason) },
  EXAM_NOT_AVAILABLE: {
    status: 409,
    title: 'Exam not available',
    sentence: (f) => text(f.reason),
  },
  REGION_RESTRICTED: {
    status: 409,
    title: 'Not offered in this country',
    sentence: (f) => text(f.reason) || "The beta exam is not offered in the candidate's country.",
  },
  NOT_INVITED: {
    status: 409,
    title: 'Beta by invitation only',
    sentence: (f) => text(f.reason) || 'The beta exam is by invitation only.',
  },
  BETA_ALREADY_REGISTERED: {
    status: 409,
    title: 'Beta already registered',
    sentence: (f) => text(f.reason) || 'A beta exam can be registered once, at one provider.',
  },
  BETA_SEATS_FULL: {
    status: 409,
    title: 'Beta full',
    sentence: (f) => `Every seat of the ${text(f.exam)} beta is taken.`,
  },
  BETA_PROGRAMME_NOT_FOUND: {
    status: 404,
    title: 'No beta programme',
    sentence: (f) => `${text(f.exam)} has no beta programme.`,
  },
  BETA_RESULTS_NOT_DUE: {
    status: 409,
    title: 'Results not due yet',
    sentence: (f) =>
      `The ${text(f.exam)} beta results are released from ${text(f.releaseAt)}, not before.`,
  },
  BETA_PROGRAMME_INVALID: {
    status: 422,
    title: 'Beta programme refused',
    sentence: (f) => text(f.problem) || 'The beta programme is not valid.',
  },
  // Invitation waves.
  WAVE_NOT_FOUND: {
    status: 404,
    title: 'Unknown invitation wave',
    sentence: (f) => `There is no invitation wave ${text(f.waveId)}.`,
  },
  WAVE_TOO_EARLY: {
    status: 409,
    title: 'Wave may not open yet',
    sentence: (f) => text(f.reason) || 'The previous wave has not had its priority window yet.',
  },
  WAVE_SELF_CHECK_FAILED: {
    status: 409,
    title: 'Wave self-check failed',
    sentence: (f) =>
      `The wave stays closed: a trial registration with an invitee's code failed${f.problemCode ? ` (${text(f.problemCode)})` : ''}: ${text(f.problemDetail) || 'see problemCode'}`,
  },
  WAVE_NOT_OPEN: {
    status: 409,
    title: 'Wave not open',
    sentence: (f) =>
      `Wave ${text(f.waveId)} is ${text(f.waveStatus) || 'not open'}; ${text(f.problem) || 'this needs an open wave'}.`,
  },
  WAVE_WITHDRAWN: {
    status: 409,
    title: 'Wave withdrawn',
    sentence: (f) =>
      `Wave ${text(f.waveId)} was withdrawn${f.withdrawnAt ? ` at ${text(f.withdrawnAt)}` : ''}; compose a new wave instead.`,
  },
  WAVE_ALREADY_OPENED: {
    status: 409,
    title: 'Wave already opened',
    sentence: (f) =>
      `Wave ${text(f.waveId)} has opened (${text(f.waveStatus) || 'open'}); its invitees may register, so it cannot be withdrawn. Pause it instead.`,
  },
  WAVE_CONFLICT: {
    status: 409,
    title: 'Another wave was composed at the same moment',
    sentence: (f) =>
      `Another wave of ${text(f.exam) || 'this exam'} was composed at the same moment and took its place; nothing was made. Look at the exam's waves, then compose again if still needed.`,
  },
  INVITATION_NOT_OPEN: {
    status: 409,
    title: 'Invitation not open yet',
    sentence: (f) =>
      text(f.reason) ||
      'Your invitation wave has not opened yet; registration opens for you when it does.',
  },
  WAVE_EMPTY: {
    status: 422,
    title: 'Nobody to invite',
    sentence: (f) =>
      `The ${text(f.audience) || 'wave'} audience has nobody left to invite${f.candidates ? ` (${text(f.candidates)} named, all invited already, registered, or in a restricted country)` : ''}; no wave was made.`,
  },
  UNAVAILABLE: {
    status: 503,
    title: 'Service unavailable',
    sentence: () => 'The service cannot answer right now; try again shortly.',
    retryAfterSeconds: 1,
  },
  DATABASE_UNAVAILABLE: {
    status: 503,
    title: 'Database unavailable',
    sentence: () =>
      'The database could not be reached; send the same request again in a moment, with the same Idempotency-Key if it had one (nothing is ever done twice or by halves).',
    retryAfterSeconds: 1,
  },
  // Registrations.
  IDEMPOTENCY_KEY_REQUIRED: {
    status: 400,
    title: 'Idempotency key required',
    sentence: () =>
      'Send an Idempotency-Key header (any unique string, such as a UUID) so that a retried request never books twice.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    title: 'Idempotency key reused',
    sentence: () =>
      'This Idempotency-Key was already used for a different request; use a new key for a new request.',
  },
  SLOT_NOT_FOUND: {
    status: 404,
    title: 'Unknown slot',
    sentence: (f) => `There is no appointment slot ${text(f.slotId)}.`,
  },
  SLOT_IN_PAST: {
    status: 422,
    title: 'Slot has started',
    sentence: (f) =>
      `The slot at ${text(f.startsAtLocal)} has already started; choose a later one.`,
  },
  SLOT_UNCHANGED: {
    status: 422,
    title: 'Same slot',
    sentence: () => 'The registration is already in this slot.',
  },
  EXAM_NOT_DELIVERED: {
    status: 422,
    title: 'Exam not delivered here',
    sentence: (f) =>
      `${text(f.provider)} does not deliver ${text(f.exam)}; search slots for this exam to see the providers that do.`,
  },
  SEAT_UNAVAILABLE: {
    status: 409,
    title: 'No seat left',
    sentence: (f) =>
      `The slot at ${text(f.startsAtLocal)} has no free seat left; choose another slot.`,
  },
  ALREADY_REGISTERED: {
    status: 409,
    title: 'Already registered',
    sentence: (f) =>
      `You already hold ${f.registrationId ? `registration ${text(f.registrationId)}` : 'a registration'} for ${text(f.exam)}; reschedule or cancel it instead of booking again.`,
  },
  REGISTRATION_NOT_FOUND: {
    status: 404,
    title: 'Unknown registration',
    sentence: (f) => `There is no registration ${text(f.registrationId)}.`,
  },
  REGISTRATION_NOT_ACTIVE: {
    status: 409,
    title: 'Registration not active',
    sentence: (f) =>
      `Registration ${text(f.registrationId)} is ${text(f.registrationStatus)}; it can no longer be changed.`,
  },
  REGISTRATION_CHANGED: {
    status: 409,
    title: 'Registration changed meanwhile',
    sentence: (f) =>
      `Registration ${text(f.registrationId)} was changed by another request at the same time; look at it again and retry.`,
  },
  CHANGE_WINDOW_CLOSED: {
    status: 409,
    title: 'Too late to change',
    sentence: (f) =>
      `${text(f.provider)} accepts a ${text(f.change)} until ${text(f.cutoffHours)} hours before the appointment; the deadline was ${text(f.deadlineLocal)}.`,
  },
  CHANGE_DEADLINES_PASSED: {
    status: 409,
    title: 'Change deadlines passed',
    sentence: (f) => {
      const deadlines = (f.deadlines ?? {}) as Record<string, unknown>
      const passed = Array.isArray(f.passed) ? (f.passed as string[]) : []
      const changes = passed.map((change) =>
        change === 'reschedule'
          ? `rescheduled (the deadline was ${text(deadlines.rescheduleLocal)})`
          : `cancelled (the deadline was ${text(deadlines.cancelLocal)})`,
      )
      return `This seat starts ${text(f.startsAtLocal)}: under ${text(f.provider)}'s rules a booking on it could no longer be ${changes.join(' or ')}. Send acknowledgeDeadlines: true to book it anyway.`
    },
  },
  REPORT_TOO_EARLY: {
    status: 422,
    title: 'Too early to report',
    sentence: (f) => `A ${text(f.report)} can be reported from ${text(f.fromLocal)}.`,
  },
  TAKEN_AT_OUTSIDE_SITTING: {
    status: 422,
    title: 'Time outside the sitting',
    sentence: (f) =>
      `A result's takenAt must lie between the appointment's start (${text(f.from)}) and now (${text(f.until)}).`,
  },
  // Prices, offers and codes.
  CODE_MISTYPED: {
    status: 422,
    title: 'Code mistyped',
    sentence: (f) =>
      text(f.reason) || 'This code has a typing mistake: check it against your mail.',
  },
  CODE_NOT_FOUND: {
    status: 404,
    title: 'Unknown code',
    sentence: () =>
      'No code like this one was issued to this candidate; check it against your mail.',
  },
  TOO_MANY_ATTEMPTS: {
    status: 429,
    title: 'Too many wrong codes',
    sentence: (f) =>
      `Too many wrong codes were tried${LOCKED_FOR[text(f.lockedFor)] ?? ''}; code entry is locked until ${text(f.retryAtLocal) || text(f.retryAt)}.`,
  },
  CODE_EXPIRED: {
    status: 409,
    title: 'Code expired',
    sentence: (f) => text(f.reason) || 'This code has expired.',
  },
  CODE_VOIDED: {
    status: 409,
    title: 'Code withdrawn',
    sentence: (f) => text(f.reason) || 'This code was withdrawn and no longer works.',
  },
  CODE_ALREADY_USED: {
    status: 409,
    title: 'Code already used',
    sentence: (f) => text(f.reason) || 'This code was already used.',
  },
  CODE_NOT_COMBINABLE: {
    status: 409,
    title: 'Codes cannot be combined',
    sentence: (f) => text(f.reason) || 'These codes cannot be used together.',
  },
  EXAM_NOT_COVERED: {
    status: 409,
    title: 'Exam not covered by the code',
    sentence: (f) => text(f.reason) || "The code's offer does not cover this exam.",
  },
  PROVIDER_NOT_COVERED: {
    status: 409,
    title: 'Provider not covered by the code',
    sentence: (f) => text(f.reason) || "The code's offer is not delivered by this provider.",
  },
  PAYMENT_METHOD_NOT_ACCEPTED: {
    status: 409,
    title: 'Payment method not accepted',
    sentence: (f) => text(f.reason) || "The code's offer does not accept this payment method.",
  },
  RETAKE_OF_OTHER_EXAM: {
    status: 409,
    title: 'Free retake is for another exam',
    sentence: (f) => text(f.reason) || "The code's free retake is for another exam.",
  },
  CODE_WOULD_FORFEIT: {
    status: 409,
    title: 'A free retake would be lost',
    sentence: (f) =>
      `${Array.isArray(f.loses) ? f.loses.join(' ') : 'A free retake would be lost.'} Send acknowledgeForfeit: true to go ahead anyway.`,
  },
  DUPLICATE_CODE: {
    status: 422,
    title: 'Code given twice',
    sentence: () => 'The same code was given twice.',
  },
  OFFER_NOT_FOUND: {
    status: 404,
    title: 'Unknown offer',
    sentence: (f) => `There is no offer ${text(f.offerId)}.`,
  },
  OFFER_CLOSED: {
    status: 409,
    title: 'Offer closed',
    sentence: (f) => text(f.reason) || 'The offer is not open for enrolment.',
  },
  OFFER_ALREADY_ENROLLED: {
    status: 409,
    title: 'Already enrolled',
    sentence: (f) =>
      `You already hold an unused code of ${text(f.offerName)}: it is listed with your codes. Once it has been used you can enrol again.`,
  },
  OFFER_VERSION_EXISTS: {
    status: 409,
    title: 'Offer version exists',
    sentence: (f) => `Offer ${text(f.offerId)} already has version ${text(f.version)}.`,
  },
  OFFER_TERMS_INVALID: {
    status: 422,
    title: 'Invalid offer terms',
    sentence: (f) => `${text(f.field) || 'The terms'}: ${text(f.problem)}.`,
  },
  CURRENCY_NOT_PRICED: {
    status: 422,
    title: 'No price in this currency',
    sentence: (f) => `${text(f.exam)} has no list price in ${text(f.currency)}.`,
  },
  PAYMENT_NOT_DUE: {
    status: 409,
    title: 'Nothing to pay',
    sentence: (f) => `Registration ${text(f.registrationId)} has nothing left to pay.`,
  },
  REGISTRATION_ALREADY_PAID: {
    status: 409,
    title: 'Already paid',
    sentence: (f) =>
      `Registration ${text(f.registrationId)} is paid already, so a code can no longer be applied to it: a code is applied before the payment, which redeems it.`,
  },
  PAYMENT_DUE: {
    status: 409,
    title: 'Not paid',
    sentence: (f) =>
      `Registration ${text(f.registrationId)} is not paid, so it is not confirmed: no check-in or result can be recorded on it.`,
  },
  REGISTRATION_NOT_CONFIRMED: {
    status: 409,
    title: 'Not confirmed yet',
    sentence: (f) =>
      `Registration ${text(f.registrationId)} waits for payment, so it is not confirmed yet: its calendar file comes with its confirmation, once it is paid.`,
  },
  PAYMENT_AMOUNT_MISMATCH: {
    status: 422,
    title: 'Wrong amount',
    sentence: (f) => `The amount due is ${text(f.due)}, not ${text(f.paid)}.`,
  },
  HOLD_EXPIRED: {
    status: 409,
    title: 'Hold ended',
    sentence: (f) =>
      f.ended === 'released'
        ? `The seat of registration ${text(f.registrationId)} was released by an administrator before it was paid, so it can no longer be paid; book again.`
        : `The seat of registration ${text(f.registrationId)} was held for payment until ${text(f.holdExpiresAt)}; that time has passed, so it can no longer be paid; book again.`,
  },
  NOT_AN_UNPAID_HOLD: {
    status: 409,
    title: 'Not an unpaid hold',
    sentence: (f) =>
      `Registration ${text(f.registrationId)} is ${text(f.registrationStatus)} with payment ${text(f.paymentStatus)}: only a booked registration waiting for payment is a hold that can be released; cancel it instead.`,
  },
  VOUCHER_BATCH_MISMATCH: {
    status: 409,
    title: 'Batch already made differently',
    sentence: (f) =>
      `Batch ${text(f.batchId)} was made for another offer or other candidates; choose a new batch id.`,
  },
  CANDIDATES_NOT_FOUND: {
    status: 422,
    title: 'Unknown candidates',
    sentence: (f) => {
      const ids = Array.isArray(f.candidateIds) ? f.candidateIds.map(String) : []
      const shown = ids.slice(0, 10).join(', ')
      const more = ids.length > 10 ? ` and ${ids.length - 10} more` : ''
      return `Nothing was issued: there is no candidate ${shown || 'with some of these ids'}${more}.`
    },
  },
  // Retake exceptions.
  EXCEPTION_REQUEST_INVALID: {
    status: 422,
    title: 'Exception request incomplete or inconsistent',
    sentence: (f) => {
      const errors = Array.isArray(f.errors) ? f.errors : []
      const details = errors.map((e) => text((e as { detail?: unknown }).detail)).join(' ')
      return `The exception request was not filed: ${errors.length || 'some'} problem(s) to fix. ${details}`.trim()
    },
  },
  EXCEPTION_REASON_NOT_ACCEPTED: {
    status: 422,
    title: 'Not a reason for an exception',
    sentence: (f) =>
      text(f.policy) ||
      'Retake exceptions are granted only when a technical problem at the test centre stopped or spoiled the exam.',
  },
  EXCEPTION_REQUEST_NOT_FOUND: {
    status: 404,
    title: 'Unknown exception request',
    sentence: (f) => `There is no exception request ${text(f.exceptionRequestId)}.`,
  },
  EXCEPTION_REQUEST_EXISTS: {
    status: 409,
    title: 'Exception already asked for',
    sentence: (f) =>
      `Registration ${text(f.registrationId)} already has an exception request that is ${text(f.exceptionRequestStatus) || 'open'} (${text(f.exceptionRequestId)}).`,
  },
  EXCEPTION_REQUEST_ALREADY_REVIEWED: {
    status: 409,
    title: 'Exception request already reviewed',
    sentence: (f) =>
      `Exception request ${text(f.exceptionRequestId)} was already ${text(f.exceptionRequestStatus) || 'reviewed'}; a request is reviewed once.`,
  },
  EXCEPTION_WAIVES_NOTHING: {
    status: 422,
    title: 'Approval waives nothing',
    sentence: () =>
      'An approval must waive the waiting time, the attempt limit, or both (waivesWait, waivesLimit).',
  },
  // Tokens.
  TOKEN_NOT_FOUND: {
    status: 404,
    title: 'Unknown token',
    sentence: (f) => `There is no API token ${text(f.tokenId)}.`,
  },
  TOKEN_PROVIDER_REQUIRED: {
    status: 422,
    title: 'Provider required',
    sentence: () => 'A provider token acts for one provider: name it (provider).',
  },
  TOKEN_PROVIDER_NOT_ALLOWED: {
    status: 422,
    title: 'Provider not allowed',
    sentence: (f) =>
      `Only a provider token is bound to a provider, not ${text(f.role) || 'this'} token.`,
  },
  TOKEN_EXPIRY_INVALID: {
    status: 422,
    title: 'Invalid expiry',
    sentence: (f) => `The token's expiry will not do: ${text(f.problem)}.`,
  },
  // Accounts, sign-in and sessions.
  CSRF_TOKEN_INVALID: {
    status: 403,
    title: 'CSRF token missing or wrong',
    sentence: () =>
      "A change made with a session cookie needs the session's CSRF token in the X-CSRF-Token header (GET /v1/me answers it); nothing was changed.",
  },
  ACCOUNT_REQUIRED: {
    status: 403,
    title: 'Signed-in person required',
    sentence: () => "This is about a person's own account: sign in; a machine token has none.",
  },
  ACCOUNT_EMAIL_TAKEN: {
    status: 409,
    title: 'Email already has an account',
    sentence: (f) => `An account with the email ${text(f.email)} exists already.`,
  },
  SIGN_IN_THROTTLED: {
    status: 429,
    title: 'Too many sign-in requests',
    sentence: (f) =>
      `Too many sign-in mails were asked ${f.lockedFor === 'address' ? 'from this network address' : 'for this email'}; ask again after ${text(f.retryAt)}.`,
  },
  SIGN_IN_CODE_INVALID: {
    status: 400,
    title: 'Sign-in code not accepted',
    sentence: () =>
      'This code does not sign in: it is wrong, has expired (a code lasts 15 minutes), was used already, or its request saw five wrong codes. Ask for a new mail.',
  },
  SIGN_IN_LINK_INVALID: {
    status: 400,
    title: 'Sign-in link not accepted',
    sentence: () =>
      'This sign-in link does not work any more: it has expired (a link lasts 15 minutes), was used already, or its code was mistyped five times. Ask for a new mail.',
  },
  SIGN_IN_CROSS_SITE: {
    status: 403,
    title: 'Sign-in from another site',
    sentence: () =>
      "This sign-in was sent by another site's page, not by the sign-in page: open the link from your mail and press its button. Nothing was spent.",
  },
  SESSION_NOT_FOUND: {
    status: 404,
    title: 'Unknown session',
    sentence: (f) => `You have no session ${text(f.sessionId)}.`,
  },
  REAUTHENTICATION_REQUIRED: {
    status: 403,
    title: 'Sign in again',
    sentence: (f) =>
      `To change how this account signs in, or its email, sign in again first: these changes need a sign-in within the last ${text(f.withinMinutes) || '10'} minutes. Nothing was changed.`,
  },
  ACCOUNT_NOT_FOUND: {
    status: 404,
    title: 'Unknown account',
    sentence: (f) => `There is no account ${text(f.accountId)}.`,
  },
  ACCOUNT_NOT_STAFF: {
    status: 409,
    title: "A candidate's account",
    sentence: (f) =>
      f.asked === undefined
        ? "This is a candidate's account: a candidate changes their own email, signed in. Nothing was changed."
        : `This is a candidate's account: only staff accounts are ${f.asked}d here. Nothing was changed.`,
  },
  ACCOUNT_DISABLE_OWN: {
    status: 409,
    title: 'Your own account',
    sentence: () => 'You cannot disable your own account: another admin can. Nothing was changed.',
  },
  ACCOUNT_DISABLED: {
    status: 403,
    title: 'Account disabled',
    sentence: () =>
      'This account is disabled and cannot sign in. An admin of the programme can enable it again.',
  },
  EMAIL_UNCHANGED: {
    status: 422,
    title: 'Email unchanged',
    sentence: (f) => `The account's email is ${text(f.email)} already; nothing was sent.`,
  },
  EMAIL_CHANGE_THROTTLED: {
    status: 429,
    title: 'Too many email changes',
    sentence: (f) =>
      `Too many email changes were asked ${EMAIL_CHANGE_LOCKED_FOR[text(f.lockedFor)] ?? ''}; ask again after ${text(f.retryAt)}.`,
  },
  EMAIL_CHANGE_CODE_INVALID: {
    status: 400,
    title: 'Confirmation code not accepted',
    sentence: () =>
      "This code does not confirm a new email for your account: it is wrong, has expired (a code lasts 15 minutes), was used already, or its request saw five wrong codes. Ask again for the change. The account's email is as it was.",
  },
  EMAIL_CHANGE_LINK_INVALID: {
    status: 400,
    title: 'Confirmation link not accepted',
    sentence: () =>
      "This confirmation link does not work any more: it has expired (a link lasts 15 minutes), was used already, was replaced by a later request, or its code was mistyped five times. The account's email is as it was: ask again for the change.",
  },
  // OpenID Connect.
  OIDC_NOT_ENABLED: {
    status: 404,
    title: 'OpenID Connect not switched on',
    sentence: () =>
      'Signing in with an outside identity provider is not switched on here: sign in by email.',
  },
  OIDC_PROVIDER_UNAVAILABLE: {
    status: 503,
    title: 'Identity provider unavailable',
    sentence: () =>
      'The identity provider could not be reached; try again in a minute, or sign in by email.',
    retryAfterSeconds: 30,
  },
  OIDC_CALLBACK_INVALID: {
    status: 400,
    title: 'Sign-in answer not accepted',
    sentence: (f) =>
      `The identity provider's answer was not accepted (${OIDC_CALLBACK_PROBLEMS[text(f.problem)] ?? 'it could not be checked'}); nobody was signed in and nothing was linked. Start again.`,
  },
  OIDC_IDENTITY_NOT_LINKED: {
    status: 403,
    title: 'Identity not linked',
    sentence: () =>
      'This identity is not linked to an examdesk account. Sign in by email once, then link it from your account; nobody was signed in.',
  },
  OIDC_ROLE_NOT_ALLOWED: {
    status: 403,
    title: 'Not for this account',
    sentence: (f) =>
      `Signing in with the identity provider is open to ${Array.isArray(f.allowedRoles) ? f.allowedRoles.join(' and ') : 'staff'} accounts only, not to a${f.role === 'admin' ? 'n' : ''} ${text(f.role) || 'this'} account: sign in by email.`,
  },
  OIDC_IDENTITY_TAKEN: {
    status: 409,
    title: 'Identity linked to another account',
    sentence: () =>
      'This identity is linked to another examdesk account already; remove it there first. Nothing was linked.',
  },
  OUTSIDE_IDENTITY_NOT_FOUND: {
    status: 404,
    title: 'Unknown linked identity',
    sentence: (f) => `You have no linked identity ${text(f.identityId)}.`,
  },
  PASSKEY_CHALLENGE_INVALID: {
    status: 400,
    title: 'Passkey challenge not accepted',
    sentence: () =>
      'This answer is to a challenge that was used already, has expired (a challenge lasts 5 minutes) or was not handed out for this: ask for new options and try again.',
  },
  PASSKEY_REGISTRATION_INVALID: {
    status: 400,
    title: 'Passkey not verified',
    sentence: () =>
      "The browser's answer could not be verified as a new passkey for this site, made with your fingerprint, face or PIN: nothing was added.",
  },
  PASSKEY_ALREADY_ADDED: {
    status: 409,
    title: 'Passkey added already',
    sentence: () =>
      'This passkey is on an account already: one passkey signs in one account. Nothing was added.',
  },
  PASSKEY_NOT_FOUND: {
    status: 404,
    title: 'Unknown passkey',
    sentence: (f) => `You have no passkey ${text(f.passkeyId)}.`,
  },
  PASSKEY_NOT_ACCEPTED: {
    status: 401,
    title: 'Passkey not accepted',
    sentence: () =>
      'This passkey does not sign in here: it is unknown or was removed, or its answer could not be verified. Try again, or sign in by mail.',
  },
  PASSKEY_THROTTLED: {
    status: 429,
    title: 'Too many passkey attempts',
    sentence: (f) =>
      `Too many passkey sign-ins were tried from this network address; try again after ${text(f.retryAt)}.`,
  },
  // Mail.
  MAIL_NOT_FOUND: {
    status: 404,
    title: 'Unknown mail',
    sentence: (f) => `There is no mail ${text(f.mailId)} in the outbox.`,
  },
  MAIL_NOT_SENT: {
    status: 409,
    title: 'Mail not sent yet',
    sentence: (f) =>
      f.mailStatus === 'failed'
        ? `Mail ${text(f.mailId)} was never sent (delivery gave up on it): only a mail that went out can be sent again.`
        : `Mail ${text(f.mailId)} has not been sent yet (it is still waiting in the outbox): only a mail that went out can be sent again.`,
  },
  MAIL_NOT_RESENDABLE: {
    status: 409,
    title: 'Mail not to be sent again',
    sentence: (f) =>
      `Mail ${text(f.mailId)} carries a sign-in or confirmation link and code, which work once for a short time: the person asks for a new one instead.`,
  },
  MAIL_NOT_FAILED: {
    status: 409,
    title: 'Mail not failed',
    sentence: (f) =>
      f.mailStatus === 'sent'
        ? `Mail ${text(f.mailId)} went out already: send it again instead if its recipient cannot find it.`
        : `Mail ${text(f.mailId)} is still waiting in the outbox to be sent: only a mail whose delivery gave up is tried again.`,
  },
  IMPORT_INVALID: {
    status: 422,
    title: 'Import refused',
    sentence: (f) =>
      `Nothing was imported: ${Array.isArray(f.problems) ? f.problems.length : 0} row(s) have problems.`,
  },
  INTERNAL_ERROR: {
    status: 500,
    title: 'Internal error',
    sentence: (f) =>
      `Something went wrong on our side; quote request ${text(f.requestId)} when asking for help.`,
  },
}

/** The facts argument of `new AppError(code, …)`: optional when the code needs none. */
type FactsArgument<C extends ErrorCode> =
  Record<never, never> extends ErrorFactsOf<C>
    ? [facts?: ErrorFactsOf<C>]
    : [facts: ErrorFactsOf<C>]

/** A command refused for a reason the caller can act on. */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C
  readonly facts: ErrorFacts

  constructor(code: C, ...facts: FactsArgument<C>)
  constructor(code: C, facts: ErrorFacts = {}) {
    // The signature above has checked the facts against the code; any code's entry reads them so.
    const entry: CatalogueEntry<ErrorFacts> = ERROR_CATALOGUE[code]
    super(entry.sentence(facts))
    this.name = 'AppError'
    this.code = code
    this.facts = facts
  }

  get status(): number {
    return ERROR_CATALOGUE[this.code].status
  }

  get title(): string {
    return ERROR_CATALOGUE[this.code].title
  }

  /** Seconds to wait before trying again, for a refusal that passes; else undefined. */
  get retryAfterSeconds(): number | undefined {
    return ERROR_CATALOGUE[this.code].retryAfterSeconds
  }
}
