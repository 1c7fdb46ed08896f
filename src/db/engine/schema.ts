import type { Generated } from 'kysely'
import type { AccountRole } from '../../domain/account.js'
import type { Channel } from '../../domain/channel.js'
import type { ExceptionRequestStatus } from '../../domain/exception-request.js'
import type { PaymentStatus, RegistrationStatus } from '../../domain/registration.js'
import type { SessionEnding } from '../../domain/session.js'
import type { HoldEnding } from '../../domain/unpaid-hold.js'

/**
 * Column types as the drivers return them. Instants are ISO-8601 UTC text in
 * SQLite and timestamptz in PostgreSQL (read back as a Date); booleans are
 * integers 0/1 on both; lists are JSON text. `src/db/columns.ts` converts.
 */
export type InstantColumn = string | Date
export type FlagColumn = number

export interface ExamFamilyTable {
  id: string
  name: string
  policy_id: string
}

export interface FamilyPrefixTable {
  prefix: string
  family_id: string
}

export interface PolicyVersionTable {
  policy_id: string
  version: number
  name: string
  effective_from: InstantColumn
  kind: 'standard' | 'beta'
  /** JSON array of hours, e.g. `[24,336]`. */
  wait_hours: string
  attempt_limit: number | null
  period_months: number
  retake_after_pass: FlagColumn
}

export interface ExamTable {
  number: string
  title: string
  family_id: string
  status: 'beta' | 'live' | 'retired'
  beta_of: string | null
  beta_start: InstantColumn | null
  beta_end: InstantColumn | null
  created_at: InstantColumn
  price_class: 'regular' | 'discounted' | 'academic'
}

export interface ExamPriceTable {
  exam_number: string
  currency: string
  cents: number
}

export interface OfferTable {
  id: string
  version: number
  name: string
  effective_from: InstantColumn
  /** JSON: the offer's terms (`OfferVersion` without its id, version, name and date). */
  terms: string
  created_at: InstantColumn
}

export interface VoucherTable {
  code: string
  offer_id: string
  offer_version: number
  candidate_id: string | null
  issued_at: InstantColumn
  expires_at: InstantColumn | null
  issued_by: string
  batch_id: string | null
  batch_position: number | null
  reward_for_exam: string | null
  version: Generated<number>
  /** Counted uses not given back: kept for a code whose offer limits its percent-off or free exam uses. */
  uses_taken: Generated<number>
  /** When the code stopped working before its time (its wave was withdrawn). */
  voided_at: InstantColumn | null
}

export interface VoucherUseTable {
  id: string
  voucher_code: string
  registration_id: string
  exam_number: string
  kind:
    | 'first-attempt'
    | 'free-retake'
    | 'forfeited'
    | 'after-pass-discount'
    | 'percent-off'
    | 'free-exam'
  slot: string
  used_at: InstantColumn
  returned_at: InstantColumn | null
}

export interface PaymentTable {
  id: string
  registration_id: string
  method: 'card' | 'company-voucher' | 'invoice' | 'free'
  currency: string
  cents: number
  reference: string | null
  recorded_at: InstantColumn
  recorded_by: string
  /** Null only where no audit entry said (payments from before migration 0013). */
  recorded_by_role: string | null
  channel: Channel | null
  /** Migration 0018: who paid, by name, and why staff paid for the candidate. */
  recorded_by_name: string | null
  recorded_by_label: string | null
  recorded_reason: string | null
}

export interface RefundTable {
  id: string
  registration_id: string
  currency: string
  paid_cents: number
  refund_cents: number
  fee_cents: number
  /** The payment method the refund goes back to. */
  method: PaymentTable['method']
  full_refund_until: InstantColumn
  recorded_at: InstantColumn
  recorded_by: string
  recorded_by_role: string
}

export interface CodeThrottleTable {
  scope: string
  failures: number
  window_started_at: InstantColumn
  locked_until: InstantColumn | null
}

export interface ProviderTable {
  id: string
  name: string
  reschedule_cutoff_hours: Generated<number>
  cancel_cutoff_hours: Generated<number>
  full_refund_hours: Generated<number>
  late_fee_percent: Generated<number>
}

export interface AccountTable {
  id: string
  role: AccountRole
  display_name: string
  /** Where mail goes; unique whatever its case. */
  email: string
  /** The candidate record a candidate's account speaks for; linked when its email is verified. */
  candidate_id: string | null
  /** What a candidate gave at sign-up, to make or claim their record with once the email is verified. */
  first_name: string | null
  last_name: string | null
  country: string | null
  time_zone: string | null
  email_verified_at: InstantColumn | null
  created_at: InstantColumn
  disabled_at: InstantColumn | null
}

export interface SignInRequestTable {
  id: string
  account_id: string
  /** SHA-256 of the link's secret. */
  link_hash: string
  /** SHA-256 of the request's id and its code. */
  code_hash: string
  created_at: InstantColumn
  expires_at: InstantColumn
  spent_at: InstantColumn | null
  wrong_codes: Generated<number>
  /** What the sign-up that asked for this request gave; null for a plain sign-in. */
  first_name: string | null
  last_name: string | null
  country: string | null
  time_zone: string | null
}

/** A new email asked for an account, waiting to be confirmed from it. */
export interface EmailChangeRequestTable {
  id: string
  account_id: string
  new_email: string
  /** SHA-256 of the link's secret. */
  link_hash: string
  /** SHA-256 of the request's id and its code. */
  code_hash: string
  /** The principal that asked: the account itself, or an admin for a staff account. */
  requested_by: string
  created_at: InstantColumn
  expires_at: InstantColumn
  spent_at: InstantColumn | null
  wrong_codes: Generated<number>
}

export interface SessionTable {
  id: string
  /** SHA-256 of the cookie's secret. */
  secret_hash: string
  account_id: string
  created_at: InstantColumn
  /** Written at most once a minute. */
  last_seen_at: InstantColumn
  ended_at: InstantColumn | null
  ended_reason: SessionEnding | null
  user_agent: string | null
  address: string | null
}

/** An identity at an OpenID Connect issuer, linked to an account. */
export interface OutsideIdentityTable {
  id: string
  issuer: string
  subject: string
  account_id: string
  linked_at: InstantColumn
  last_used_at: InstantColumn | null
}

/** An OpenID Connect sign-in or link started and not yet finished. */
export interface OidcFlowTable {
  id: string
  /** SHA-256 of the `state` sent to the issuer. */
  state_hash: string
  /** SHA-256 of the secret in the starting browser's cookie. */
  browser_hash: string
  code_verifier: string
  nonce: string
  mode: 'sign-in' | 'link'
  /** The account a link was started by; null for a sign-in. */
  account_id: string | null
  created_at: InstantColumn
  expires_at: InstantColumn
  spent_at: InstantColumn | null
}

/** Migration 0019: a person's passkey (WebAuthn credential). */
export interface PasskeyTable {
  id: string
  account_id: string
  /** base64url, as the browser names the credential. */
  credential_id: string
  /** COSE public key, base64url. */
  public_key: string
  /** pg returns a bigint as text. */
  sign_count: number | string
  /** JSON array of the transports the browser reported. */
  transports: string
  name: string
  created_at: InstantColumn
  last_used_at: InstantColumn | null
}

/** Migration 0019: a WebAuthn challenge handed out, by its hash; spent once. */
export interface WebauthnChallengeTable {
  challenge_hash: string
  ceremony: 'registration' | 'authentication'
  account_id: string | null
  created_at: InstantColumn
  expires_at: InstantColumn
  spent_at: InstantColumn | null
}

export interface ProviderExamTable {
  provider_id: string
  exam_number: string
}

export interface TestCentreTable {
  id: string
  provider_id: string
  name: string
  address: string
  city: string
  country: string
  latitude: number
  longitude: number
  time_zone: string
  created_at: InstantColumn
}

export interface SlotTable {
  id: string
  centre_id: string
  /** The centre's provider, copied for the seat search's index (migration 0003); never null once written. */
  provider_id: string | null
  starts_at: InstantColumn
  capacity: number
  booked: Generated<number>
  created_at: InstantColumn
}

export interface RegistrationTable {
  id: string
  candidate_id: string
  exam_number: string
  slot_id: string
  provider_id: string
  status: RegistrationStatus
  channel: Channel
  booked_by: string
  booked_by_role: string
  /** Migration 0018: who booked, by name (the person, else the token's label), the provider a token acts for, and why staff booked for the candidate. */
  booked_by_name: string | null
  booked_by_label: string | null
  booked_by_provider_id: string | null
  booked_reason: string | null
  waiver_id: string | null
  attempt_id: string | null
  version: Generated<number>
  created_at: InstantColumn
  updated_at: InstantColumn
  price_currency: string | null
  list_cents: number | null
  due_cents: number | null
  /** JSON array of `PriceLine`. */
  price_lines: Generated<string>
  payment_status: Generated<PaymentStatus>
  /** Until when an unpaid registration holds its seat; null when nothing was due at booking. */
  hold_expires_at: InstantColumn | null
  /** How an unpaid hold ended without payment, if it did. */
  hold_ended: HoldEnding | null
}

export interface AuditLogTable {
  id: string
  at: InstantColumn
  actor_id: string
  actor_role: string
  channel: string
  /** Migration 0018: the person or token that acted, by name; null in entries kept before. */
  actor_account_id: string | null
  actor_name: string | null
  actor_label: string | null
  actor_provider_id: string | null
  reason: string | null
  candidate_id: string | null
  subject_type: string
  subject_id: string
  action: string
  /** JSON object. */
  detail: string
}

export interface IdempotencyKeyTable {
  principal_id: string
  key: string
  request_hash: string
  status_code: number
  /** JSON of the first answer. */
  response: string
  created_at: InstantColumn
}

export interface OutboxTable {
  id: string
  dedupe_key: string
  kind: string
  candidate_id: string | null
  recipient: string
  subject: string
  body_text: string
  /** The HTML alternative of `body_text`; null before it is composed, and for mail older than 0013. */
  body_html: string | null
  /** JSON: [{ filename, contentType, content }] */
  attachments: string
  /** JSON: what the mail is composed from when it is read or sent; null once it is composed (see 0005). */
  facts: string | null
  status: 'pending' | 'sent' | 'failed'
  tries: Generated<number>
  last_error: string | null
  available_at: InstantColumn
  claimed_until: InstantColumn | null
  created_at: InstantColumn
  sent_at: InstantColumn | null
}

export interface CandidateTable {
  id: string
  first_name: string
  last_name: string
  email: string
  country: string
  time_zone: string
  created_at: InstantColumn
}

/** Migration 0022: a word a candidate is found by, with the key their name sorts by and all their words. */
export interface CandidateSearchTermTable {
  term: string
  name_key: string
  candidate_id: string
  /** Every term of the candidate, in code point order, each between spaces: ` garcia maria `. */
  words: string
}

export interface AttemptTable {
  id: string
  candidate_id: string
  exam_number: string
  provider_id: string
  taken_at: InstantColumn
  outcome: 'pass' | 'fail' | 'pending'
  recorded_at: InstantColumn
  updated_at: InstantColumn
  /** Migration 0023: minutes since the candidate's previous attempt at the exam; null for their first. */
  minutes_since_previous: Generated<number | null>
}

export interface CertificationTable {
  id: string
  name: string
  validity_months: number | null
}

export interface CertificationExamTable {
  certification_id: string
  exam_number: string
}

export interface WaiverTable {
  id: string
  candidate_id: string
  exam_number: string
  waives_wait: FlagColumn
  waives_limit: FlagColumn
  granted_at: InstantColumn
  note: string
  used_by_attempt_id: string | null
  held_by_registration_id: string | null
}

export interface ApiTokenTable {
  id: string
  token_hash: string
  role: 'admin' | 'support' | 'provider'
  label: string
  created_at: InstantColumn
  revoked_at: InstantColumn | null
  /** The provider a provider's token acts for; null for other roles, and for provider tokens made before 0015. */
  provider_id: string | null
  /** Refused from this instant on; null: never (the configured and first-start admin tokens). */
  expires_at: InstantColumn | null
  /** Written at most once a minute per process, so up to a minute behind. */
  last_used_at: InstantColumn | null
}

export interface BetaProgrammeTable {
  exam_number: string
  seat_limit: number
  seats_taken: Generated<number>
  accepts_new_candidates: FlagColumn
  /** JSON array of country codes. */
  restricted_countries: string
  results_release_at: InstantColumn
  results_released_at: InstantColumn | null
  created_at: InstantColumn
  /** Minutes an unpaid booking holds its seat; null: the programme-wide setting. */
  hold_minutes: number | null
}

export interface BetaRosterTable {
  exam_number: string
  candidate_id: string
  added_at: InstantColumn
  source: string
}

export interface BetaRegistrationTable {
  exam_number: string
  candidate_id: string
  registration_id: string
  created_at: InstantColumn
}

export interface ExceptionRequestTable {
  id: string
  candidate_id: string
  registration_id: string
  exam_number: string
  first_name: string
  last_name: string
  email: string
  description: string
  provider_case_number: string
  reason: 'lab-crash' | 'connectivity' | 'equipment-failure'
  status: ExceptionRequestStatus
  channel: Channel
  requested_at: InstantColumn
  requested_by: string
  requested_by_role: string
  /** Migration 0018: who filed it, by name, and why staff filed it for the candidate. */
  requested_by_name: string | null
  requested_by_label: string | null
  requested_reason: string | null
  reviewed_at: InstantColumn | null
  reviewed_by: string | null
  reviewed_by_role: string | null
  review_note: string | null
  waives_wait: FlagColumn | null
  waives_limit: FlagColumn | null
  waiver_id: string | null
}

export interface WithheldResultTable {
  attempt_id: string
  exam_number: string
  candidate_id: string
  outcome: string
  reported_at: InstantColumn
  released_at: InstantColumn | null
}

export interface InvitationWaveTable {
  id: string
  exam_number: string
  position: number
  name: string
  audience: 'retake' | 're-registration' | 'roster-rest' | 'list'
  code_mode: 'single-use' | 'per-wave'
  hours_after_previous: number
  offer_id: string
  offer_version: number
  bearer_code: string | null
  invited: number
  created_at: InstantColumn
  created_by: string
  withdrawn_at: InstantColumn | null
}

export interface InvitationWaveIntervalTable {
  wave_id: string
  started_at: InstantColumn
  ended_at: InstantColumn | null
}

export interface WaveInvitationTable {
  wave_id: string
  position: number
  exam_number: string
  candidate_id: string
  voucher_code: string | null
  created_at: InstantColumn
  mailed_at: InstantColumn | null
  withdrawn_at: InstantColumn | null
  /** The cancelled registration this invitation re-admitted (a re-registration wave). */
  readmitted_registration_id: string | null
}

export interface DB {
  exam_families: ExamFamilyTable
  family_prefixes: FamilyPrefixTable
  policy_versions: PolicyVersionTable
  exams: ExamTable
  providers: ProviderTable
  candidates: CandidateTable
  candidate_search_terms: CandidateSearchTermTable
  attempts: AttemptTable
  certifications: CertificationTable
  certification_exams: CertificationExamTable
  waivers: WaiverTable
  api_tokens: ApiTokenTable
  accounts: AccountTable
  sign_in_requests: SignInRequestTable
  email_change_requests: EmailChangeRequestTable
  sessions: SessionTable
  outside_identities: OutsideIdentityTable
  oidc_flows: OidcFlowTable
  passkeys: PasskeyTable
  webauthn_challenges: WebauthnChallengeTable
  provider_exams: ProviderExamTable
  test_centres: TestCentreTable
  slots: SlotTable
  registrations: RegistrationTable
  refunds: RefundTable
  audit_log: AuditLogTable
  idempotency_keys: IdempotencyKeyTable
  outbox: OutboxTable
  exam_prices: ExamPriceTable
  offers: OfferTable
  vouchers: VoucherTable
  voucher_uses: VoucherUseTable
  payments: PaymentTable
  code_throttles: CodeThrottleTable
  beta_programmes: BetaProgrammeTable
  beta_roster: BetaRosterTable
  beta_registrations: BetaRegistrationTable
  withheld_results: WithheldResultTable
  exception_requests: ExceptionRequestTable
  invitation_waves: InvitationWaveTable
  invitation_wave_intervals: InvitationWaveIntervalTable
  wave_invitations: WaveInvitationTable
  report_day_counts: ReportDayCountTable
  report_counted_days: ReportCountedDayTable
  report_count_marks: ReportCountMarkTable
}

/** Migration 0024: one count of a closed day on a zone's clock (see the migration). */
export interface ReportDayCountTable {
  time_zone: string
  day: string
  measure: string
  provider_id: string
  subject: string
  variant: number
  n: number | string
  total: number | string
  least: number | string | null
}

export interface ReportCountedDayTable {
  time_zone: string
  day: string
  counted_at: InstantColumn
}

export interface ReportCountMarkTable {
  time_zone: string
  as_of: InstantColumn
}
