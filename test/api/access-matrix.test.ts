import { randomUUID } from 'node:crypto'
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { type Kysely, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findTokenHolder } from '../../src/app/access/api-tokens.js'
import { authenticateSession } from '../../src/app/accounts/authenticate-session.js'
import { csrfTokenOf, hashSecret, newSecret } from '../../src/app/accounts/secrets.js'
import { fixedClock } from '../../src/app/clock.js'
import { newVoucher } from '../../src/app/vouchers/new-voucher.js'
import { readConfig } from '../../src/config.js'
import { insertAccount } from '../../src/db/accounts/accounts.js'
import { insertSession } from '../../src/db/accounts/sessions.js'
import type { Database } from '../../src/db/engine/database.js'
import type { DB } from '../../src/db/engine/schema.js'
import {
  insertExceptionRequest,
  recordExceptionReview,
} from '../../src/db/exceptions/exception-requests.js'
import { insertVoucher } from '../../src/db/vouchers/vouchers.js'
import { STUDY_BOOK_DISCOUNT } from '../../src/demo/demo-offers.js'
import { operationPolicy } from '../../src/domain/access-policy.js'
import { DAY_MS } from '../../src/domain/instant.js'
import { formatVoucherCode } from '../../src/domain/voucher-code.js'
import { apiRoutes } from '../../src/http/api-routes.js'
import { buildApp } from '../../src/http/build-app.js'
import { SECURE_SESSION_COOKIE } from '../../src/http/session-cookie.js'
import { readMailSettings } from '../../src/mail/mail-settings.js'
import { createCentre, createSlot, deliver } from '../factories/appointments.js'
import { preparedTokens, testDatabases } from '../support/databases.js'
import { OTHER_PROVIDER, PREPARED_PROVIDER } from '../support/prepared-databases.js'
import { NOW } from './api-harness.js'
import type { Browser } from './sign-in-world.js'

/**
 * Who may do what to whose objects, for every operation of `/openapi.json`:
 * each is sent, for real, by an anonymous caller, by candidate A on A's
 * objects and on B's, by provider P (prometric) on its own objects and on
 * the other provider's (pearson-vue), and by support and admin; the answer
 * must be the one the table below states. A denial of another's object must
 * answer exactly as the same request naming ids that do not exist, must
 * change nothing, and no answer to A or P may carry B's or the other
 * provider's data. An operation missing from the table fails the suite.
 *
 * Candidates A and B call as people: an account each, linked to their
 * record, and a session cookie with its CSRF token, new for each operation.
 * Every other caller uses a real token of the token store.
 */

/**
 * What a caller gets: the status of an allowed call, FORBIDDEN for its role,
 * "as if missing", or ACCOUNT_REQUIRED (a person's own account and sessions,
 * asked with a machine token).
 */
type Cell = number | 'forbidden' | 'missing' | 'account-required'

/** Per caller: a candidate and a provider on [their own object, the other's]; staff on A's. */
interface Expected {
  readonly candidate: readonly [Cell, Cell]
  readonly provider: readonly [Cell, Cell]
  readonly support: Cell
  readonly admin: Cell
}

interface Request {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  readonly url: string
  readonly body?: unknown
}

/** The objects a request names: A's and P's, B's and Q's, or ids that do not exist. */
interface Objects {
  readonly candidate: string
  readonly provider: string
  readonly registration: string
  /** The slot `registration` holds. */
  readonly registrationSlot: string
  /** A cancelled registration of the same candidate at the same provider. */
  readonly cancelled: string
  readonly attempt: string
  readonly exceptionRequest: string
  readonly centre: string
  readonly slot: string
  readonly code: string
  /** The candidate's signed-in session. */
  readonly session: string
}

interface Row extends Expected {
  readonly request: (objects: Objects) => Request
  /** The status an anonymous caller gets; absent: 401 UNAUTHENTICATED. */
  readonly anonymous?: number
}

const ALL_READ = {
  candidate: [200, 200],
  provider: [200, 200],
  support: 200,
  admin: 200,
} as const
/** A provider's own part of the catalogue; everyone else reads all of it. */
const CATALOGUE_PART = {
  candidate: [200, 200],
  provider: [200, 'missing'],
  support: 200,
  admin: 200,
} as const
/** A filtered list: the provider gets its own part (empty here) of the other's. */
const FILTERED_LIST = { ...ALL_READ } as const
const ADMIN_ONLY = (status: number) =>
  ({
    candidate: ['forbidden', 'forbidden'],
    provider: ['forbidden', 'forbidden'],
    support: 'forbidden',
    admin: status,
  }) as const
const STAFF_ONLY = (status: number) =>
  ({
    candidate: ['forbidden', 'forbidden'],
    provider: ['forbidden', 'forbidden'],
    support: status,
    admin: status,
  }) as const
/** The candidate's own record: never a provider's business. */
const OWN_RECORD = (status: number) =>
  ({
    candidate: [status, 'missing'],
    provider: ['forbidden', 'forbidden'],
    support: status,
    admin: status,
  }) as const
/** A candidate's own booking, a provider's own provider's, staff anyone's. */
const BOOKING = (status: number) =>
  ({
    candidate: [status, 'missing'],
    provider: [status, 'missing'],
    support: status,
    admin: status,
  }) as const
/** What the provider that delivered a sitting reports: not candidates, not support. */
const SITTING = (status: number) =>
  ({
    candidate: ['forbidden', 'forbidden'],
    provider: [status, 'missing'],
    support: 'forbidden',
    admin: status,
  }) as const

/** A person's own account: a candidate signed in reaches their own; a machine token is no person. */
const OWN_ACCOUNT = (status: number) =>
  ({
    candidate: [status, 'missing'],
    provider: ['account-required', 'account-required'],
    support: 'account-required',
    admin: 'account-required',
  }) as const
/** Open to anyone: making an account, asking for a sign-in (these bodies are refused by the schema). */
const ANYONE = (status: number) =>
  ({
    anonymous: status,
    candidate: [status, status],
    provider: [status, status],
    support: status,
    admin: status,
  }) as const

const get = (url: string): Request => ({ method: 'GET', url })
const patch = (url: string, body: unknown = {}): Request => ({ method: 'PATCH', url, body })
const del = (url: string): Request => ({ method: 'DELETE', url })
const post = (url: string, body: unknown = {}): Request => ({ method: 'POST', url, body })
const put = (url: string, body: unknown = {}): Request => ({ method: 'PUT', url, body })

/**
 * The rules, operation by operation. Allowed writes are sent so that they
 * act on nothing (a registration already cancelled, a slot it already
 * holds, a report too early, a body the schema refuses) or harmlessly.
 */
const TABLE: Readonly<Record<string, Row>> = {
  // The catalogue: everyone signed in reads it; admins change it.
  listExams: { ...ALL_READ, request: () => get('/v1/exams') },
  getExam: { ...ALL_READ, request: () => get('/v1/exams/70-620') },
  getExamPricing: { ...ALL_READ, request: () => get('/v1/exams/70-620/pricing') },
  listProviders: { ...ALL_READ, request: () => get('/v1/providers') },
  getProvider: { ...ALL_READ, request: (o) => get(`/v1/providers/${o.provider}`) },
  listOffers: { ...ALL_READ, request: () => get('/v1/offers') },
  getOffer: { ...ALL_READ, request: () => get('/v1/offers/second-shot') },
  getBetaProgramme: { ...ALL_READ, request: () => get('/v1/exams/71-621/beta-programme') },
  listCentres: { ...FILTERED_LIST, request: (o) => get(`/v1/centres?provider=${o.provider}`) },
  getCentre: { ...CATALOGUE_PART, request: (o) => get(`/v1/centres/${o.centre}`) },
  findSeats: {
    ...FILTERED_LIST,
    request: (o) => get(`/v1/slots?exam=70-620&provider=${o.provider}`),
  },
  getSlot: { ...CATALOGUE_PART, request: (o) => get(`/v1/slots/${o.slot}`) },
  findCentresWithSeats: {
    ...FILTERED_LIST,
    request: (o) => get(`/v1/exams/70-620/centres?near=-36.85,174.76&provider=${o.provider}`),
  },
  // Cities that have centres, at every provider: nobody's object.
  findPlaces: { ...ALL_READ, request: () => get('/v1/places?q=auck') },
  createExam: { ...ADMIN_ONLY(400), request: () => post('/v1/exams') },
  setExamPricing: { ...ADMIN_ONLY(400), request: () => put('/v1/exams/70-620/pricing') },
  createProvider: { ...ADMIN_ONLY(400), request: () => post('/v1/providers') },
  updateProviderRules: {
    ...ADMIN_ONLY(400),
    request: (o) => put(`/v1/providers/${o.provider}/rules`),
  },
  setProviderExams: {
    ...ADMIN_ONLY(400),
    request: (o) => put(`/v1/providers/${o.provider}/exams`),
  },
  createCentre: { ...ADMIN_ONLY(400), request: () => post('/v1/centres') },
  generateSlots: {
    ...ADMIN_ONLY(400),
    request: (o) => post(`/v1/centres/${o.centre}/slots/generate`),
  },
  previewSlots: {
    ...ADMIN_ONLY(400),
    request: (o) => post(`/v1/centres/${o.centre}/slots/preview`),
  },
  createOfferVersion: { ...ADMIN_ONLY(400), request: () => post('/v1/offers') },
  setBetaProgramme: { ...ADMIN_ONLY(400), request: () => put('/v1/exams/70-620/beta-programme') },
  releaseBetaResults: {
    ...ADMIN_ONLY(404),
    request: () => post('/v1/exams/70-620/beta-programme/release-results', undefined),
  },
  addCandidatesToRoster: {
    ...ADMIN_ONLY(400),
    request: () => post('/v1/exams/70-620/beta-programme/roster'),
  },
  composeWave: {
    ...ADMIN_ONLY(400),
    request: () => post('/v1/exams/70-620/beta-programme/waves'),
  },
  openWave: { ...ADMIN_ONLY(404), request: () => post('/v1/waves/no-such-wave/open', undefined) },
  pauseWave: { ...ADMIN_ONLY(404), request: () => post('/v1/waves/no-such-wave/pause', undefined) },
  resumeWave: {
    ...ADMIN_ONLY(404),
    request: () => post('/v1/waves/no-such-wave/resume', undefined),
  },
  withdrawWave: {
    ...ADMIN_ONLY(404),
    request: () => post('/v1/waves/no-such-wave/withdraw', undefined),
  },
  checkWave: {
    ...ADMIN_ONLY(404),
    request: () => post('/v1/waves/no-such-wave/self-check', undefined),
  },
  sendWave: { ...ADMIN_ONLY(404), request: () => post('/v1/waves/no-such-wave/send', undefined) },
  releaseHold: {
    ...ADMIN_ONLY(400),
    request: (o) => post(`/v1/registrations/${o.registration}/release-hold`, undefined),
  },
  createToken: { ...ADMIN_ONLY(400), request: () => post('/v1/admin/tokens') },
  listTokens: { ...ADMIN_ONLY(200), request: () => get('/v1/admin/tokens') },
  revokeToken: {
    ...ADMIN_ONLY(404),
    request: () => post('/v1/admin/tokens/no-such-token/revoke', undefined),
  },
  createStaffAccount: { ...ADMIN_ONLY(400), request: () => post('/v1/admin/accounts') },
  listAccounts: { ...ADMIN_ONLY(200), request: () => get('/v1/admin/accounts') },
  requestStaffEmailChange: {
    ...ADMIN_ONLY(404),
    request: () =>
      post('/v1/admin/accounts/no-such-account/email', { email: 'someone.new@example.org' }),
  },
  disableStaffAccount: {
    ...ADMIN_ONLY(404),
    request: () => post('/v1/admin/accounts/no-such-account/disable', { reason: 'Left the team' }),
  },
  enableStaffAccount: {
    ...ADMIN_ONLY(404),
    request: () => post('/v1/admin/accounts/no-such-account/enable', { reason: 'Back again' }),
  },

  // Accounts and sign-in: asked for by anyone; a person's own account and sessions.
  signUp: { ...ANYONE(400), request: () => post('/v1/accounts') },
  requestSignIn: { ...ANYONE(400), request: () => post('/v1/sign-in/email') },
  signInWithCode: { ...ANYONE(400), request: () => post('/v1/sign-in/code') },
  getMe: { ...OWN_ACCOUNT(200), candidate: [200, 200], request: () => get('/v1/me') },
  listMySessions: {
    ...OWN_ACCOUNT(200),
    candidate: [200, 200],
    request: () => get('/v1/me/sessions'),
  },
  endMySession: {
    ...OWN_ACCOUNT(200),
    request: (o) => post(`/v1/me/sessions/${o.session}/end`, undefined),
  },
  signOut: {
    ...OWN_ACCOUNT(204),
    candidate: [204, 204],
    request: () => post('/v1/sign-out', undefined),
  },
  listMyIdentities: {
    ...OWN_ACCOUNT(200),
    candidate: [200, 200],
    request: () => get('/v1/me/identities'),
  },
  removeMyIdentity: {
    ...OWN_ACCOUNT(404),
    candidate: [404, 404],
    request: () => del('/v1/me/identities/no-such-identity'),
  },
  // The email A has already: refused before anything is mailed.
  requestMyEmailChange: {
    ...OWN_ACCOUNT(422),
    candidate: [422, 422],
    request: () => post('/v1/me/email', { email: PERSON_A.email }),
  },
  // A code of no request: refused as such, after who may ask.
  confirmMyEmailChange: {
    ...OWN_ACCOUNT(400),
    candidate: [400, 400],
    request: () => post('/v1/me/email/confirm', { code: '2222-2222' }),
  },
  // OpenID Connect is not switched on here: every caller is told so before anything else.
  startOidcLink: {
    candidate: [404, 404],
    provider: [404, 404],
    support: 404,
    admin: 404,
    request: () => post('/v1/me/identities/oidc/link', undefined),
  },
  passkeyRegistrationOptions: {
    ...OWN_ACCOUNT(200),
    candidate: [200, 200],
    request: () => post('/v1/me/passkeys/options', undefined),
  },
  // A well-formed answer to no challenge: refused as such, after who may ask.
  addPasskey: {
    ...OWN_ACCOUNT(400),
    candidate: [400, 400],
    request: () =>
      post('/v1/me/passkeys', {
        name: 'Laptop',
        credential: {
          id: 'AAAA',
          rawId: 'AAAA',
          type: 'public-key',
          response: { clientDataJSON: 'e30', attestationObject: 'oA' },
          clientExtensionResults: {},
        },
      }),
  },
  listMyPasskeys: {
    ...OWN_ACCOUNT(200),
    candidate: [200, 200],
    request: () => get('/v1/me/passkeys'),
  },
  // Another person's passkey answers as a missing one: test/api/passkeys.test.ts removes B's as A.
  removeMyPasskey: {
    ...OWN_ACCOUNT(404),
    candidate: [404, 404],
    request: () => post('/v1/me/passkeys/no-such-passkey/remove', undefined),
  },
  passkeySignInOptions: {
    ...ANYONE(200),
    request: () => post('/v1/sign-in/passkey/options', undefined),
  },
  signInWithPasskey: { ...ANYONE(400), request: () => post('/v1/sign-in/passkey') },
  endCandidateSessions: {
    ...STAFF_ONLY(200),
    request: (o) => post(`/v1/candidates/${o.candidate}/sessions/end`, undefined),
  },

  // Staff tools.
  listWaves: { ...STAFF_ONLY(404), request: () => get('/v1/exams/70-620/beta-programme/waves') },
  getWave: { ...STAFF_ONLY(404), request: () => get('/v1/waves/no-such-wave') },
  listBetaProgrammes: { ...STAFF_ONLY(200), request: () => get('/v1/beta-programmes') },
  getBetaProgrammeOverview: {
    ...STAFF_ONLY(200),
    request: () => get('/v1/beta-programmes/71-621'),
  },
  listMail: { ...STAFF_ONLY(200), request: () => get('/v1/admin/mail') },
  getMail: { ...STAFF_ONLY(404), request: () => get('/v1/admin/mail/no-such-mail') },
  resendMail: {
    ...STAFF_ONLY(404),
    request: () =>
      post('/v1/admin/mail/no-such-mail/resend', { reason: 'The candidate called for it.' }),
  },
  listMailQueue: { ...STAFF_ONLY(200), request: () => get('/v1/admin/mail-queue') },
  retryMail: {
    ...STAFF_ONLY(404),
    request: () => post('/v1/admin/mail/no-such-mail/retry', { reason: 'The relay is back.' }),
  },
  // Support's console: the search box over every candidate, a candidate's audit trail, the queue.
  searchCandidates: { ...STAFF_ONLY(200), request: () => get('/v1/candidates?q=Annika') },
  listCandidateAudit: {
    ...STAFF_ONLY(200),
    request: (o) => get(`/v1/candidates/${o.candidate}/audit`),
  },
  listExceptionQueue: { ...STAFF_ONLY(200), request: () => get('/v1/exception-requests') },
  readReport: { ...ADMIN_ONLY(200), request: () => get('/v1/reports/registrations') },
  createCandidate: { ...STAFF_ONLY(400), request: () => post('/v1/candidates') },
  // A candidate enrols themself in an offer (SPEC §5); staff enrol anyone; a provider never issues codes.
  listEnrollingOffers: { ...ALL_READ, request: () => get('/v1/exams/70-620/offers') },
  enrolInOffer: {
    ...OWN_RECORD(409),
    request: (o) => post('/v1/offers/second-shot/enrolments', { candidateId: o.candidate }),
  },
  issueRewardVouchers: {
    ...STAFF_ONLY(200),
    request: (o) => post(`/v1/candidates/${o.candidate}/reward-vouchers`, undefined),
  },
  approveException: {
    ...STAFF_ONLY(409),
    request: (o) =>
      post(`/v1/exception-requests/${o.exceptionRequest}/approve`, {
        note: 'Lab crash confirmed.',
        waivesWait: true,
        waivesLimit: false,
      }),
  },
  denyException: {
    ...STAFF_ONLY(409),
    request: (o) =>
      post(`/v1/exception-requests/${o.exceptionRequest}/deny`, { note: 'Not a lab problem.' }),
  },

  // A candidate's records: the candidate and staff, never a provider.
  getCandidate: { ...OWN_RECORD(200), request: (o) => get(`/v1/candidates/${o.candidate}`) },
  listAttempts: {
    ...OWN_RECORD(200),
    request: (o) => get(`/v1/candidates/${o.candidate}/attempts`),
  },
  planRetakes: {
    ...OWN_RECORD(200),
    request: (o) => get(`/v1/candidates/${o.candidate}/timeline?exam=70-620`),
  },
  listEarnedCertifications: {
    ...OWN_RECORD(200),
    request: (o) => get(`/v1/candidates/${o.candidate}/certifications`),
  },
  listCandidateExceptionRequests: {
    ...OWN_RECORD(200),
    request: (o) => get(`/v1/candidates/${o.candidate}/exception-requests`),
  },
  listCandidateCodes: {
    ...OWN_RECORD(200),
    request: (o) => get(`/v1/candidates/${o.candidate}/codes`),
  },
  listBetaInvitations: {
    ...OWN_RECORD(200),
    request: (o) => get(`/v1/candidates/${o.candidate}/beta-invitations`),
  },
  getBetaStanding: {
    ...OWN_RECORD(200),
    request: (o) => get(`/v1/candidates/${o.candidate}/beta-standing?exam=71-621`),
  },
  // Changes nothing: no field is given.
  updateCandidate: { ...OWN_RECORD(200), request: (o) => patch(`/v1/candidates/${o.candidate}`) },
  getExceptionRequest: {
    ...OWN_RECORD(200),
    request: (o) => get(`/v1/exception-requests/${o.exceptionRequest}`),
  },
  // Asked by the candidate or support for them; this one names a sitting still ahead.
  requestException: {
    ...OWN_RECORD(422),
    request: (o) =>
      post('/v1/exception-requests', {
        candidateId: o.candidate,
        registrationId: o.registration,
        exam: '70-620',
        firstName: 'Someone',
        lastName: 'Asking',
        email: 'someone.asking@example.org',
        description: 'The workstation froze forty minutes in and never came back.',
        providerCaseNumber: 'CASE-1',
        reason: 'lab-crash',
      }),
  },
  // A provider judges eligibility for any candidate it may book; it sees the decision only.
  decideEligibility: {
    candidate: [200, 'missing'],
    provider: [200, 200],
    support: 200,
    admin: 200,
    request: (o) => get(`/v1/candidates/${o.candidate}/eligibility?exam=70-620`),
  },
  // A provider lists a candidate's registrations at it only (none of B's at Q).
  listCandidateRegistrations: {
    candidate: [200, 'missing'],
    provider: [200, 200],
    support: 200,
    admin: 200,
    request: (o) => get(`/v1/candidates/${o.candidate}/registrations`),
  },

  // Bookings: A holds 70-620 already, so a new booking is refused after every access check.
  register: {
    ...BOOKING(409),
    request: (o) =>
      post('/v1/registrations', { candidateId: o.candidate, exam: '70-620', slotId: o.slot }),
  },
  previewVoucher: {
    ...BOOKING(200),
    request: (o) =>
      get(`/v1/vouchers/${o.code}/preview?candidateId=${o.candidate}&exam=70-620&slotId=${o.slot}`),
  },
  rescheduleRegistration: {
    ...BOOKING(422),
    request: (o) =>
      post(`/v1/registrations/${o.registration}/reschedule`, { slotId: o.registrationSlot }),
  },
  cancelRegistration: {
    ...BOOKING(409),
    request: (o) => post(`/v1/registrations/${o.cancelled}/cancel`),
  },
  payRegistration: {
    ...BOOKING(409),
    request: (o) =>
      post(`/v1/registrations/${o.cancelled}/payment`, {
        method: 'card',
        currency: 'USD',
        cents: 16500,
      }),
  },
  getRegistration: { ...BOOKING(200), request: (o) => get(`/v1/registrations/${o.registration}`) },
  getRegistrationCalendar: {
    ...BOOKING(200),
    request: (o) => get(`/v1/registrations/${o.registration}/calendar`),
  },
  applyRegistrationCodes: {
    ...BOOKING(409),
    request: (o) => post(`/v1/registrations/${o.cancelled}/codes`, { voucherCode: o.code }),
  },
  previewRegistrationCode: {
    ...BOOKING(409),
    request: (o) => get(`/v1/registrations/${o.cancelled}/codes/${o.code}/preview`),
  },

  // Sittings: reported by the provider that delivered them (too early here: nothing changes).
  reportCheckIn: {
    ...SITTING(422),
    request: (o) => post(`/v1/registrations/${o.registration}/check-in`, undefined),
  },
  reportNoShow: {
    ...SITTING(422),
    request: (o) => post(`/v1/registrations/${o.registration}/no-show`, undefined),
  },
  reportResult: {
    ...SITTING(422),
    request: (o) => post(`/v1/registrations/${o.registration}/result`, { outcome: 'pass' }),
  },
  recordAttempt: {
    ...SITTING(201),
    request: (o) =>
      post('/v1/attempts', {
        candidateId: o.candidate,
        exam: '70-640',
        takenAt: '2026-05-02T08:00:00Z',
        outcome: 'fail',
        provider: o.provider,
      }),
  },
  // The outcome it already has: answered, nothing changed.
  setAttemptOutcome: {
    ...SITTING(200),
    request: (o) => ({
      method: 'PATCH',
      url: `/v1/attempts/${o.attempt}`,
      body: { outcome: 'fail' },
    }),
  },
}

const PERSON_A = { firstName: 'Annika', lastName: 'Vesterholm', email: 'annika.v@example.org' }
const PERSON_B = {
  firstName: 'Bartholomew',
  lastName: 'Quinzel',
  email: 'bart.quinzel@example.org',
}
const CANDIDATE_A_TOKEN = 'matrix-candidate-a'
const CANDIDATE_B_TOKEN = 'matrix-candidate-b'

/** A candidate's account, email verified and linked to their record: they sign in as a person. */
async function candidateAccount(
  db: Kysely<DB>,
  candidateId: string,
  email: string,
): Promise<string> {
  const id = `account-${candidateId}`
  await insertAccount(db, {
    id,
    role: 'candidate',
    displayName: email,
    email,
    candidateId,
    emailVerifiedAt: NOW,
    createdAt: NOW,
    disabledAt: null,
    signUp: null,
  })
  return id
}

/** A new session of the account, as a sign-in makes one: its id, and the browser holding its cookie. */
async function signedIn(
  db: Kysely<DB>,
  accountId: string,
): Promise<{ id: string; browser: Browser }> {
  const secret = newSecret()
  const id = `session-${randomUUID()}`
  await insertSession(db, {
    id,
    secretHash: hashSecret(secret),
    accountId,
    createdAt: NOW,
    lastSeenAt: NOW,
    endedAt: null,
    endedReason: null,
    userAgent: 'access matrix',
    address: '127.0.0.1',
  })
  return { id, browser: { cookie: secret, csrfToken: csrfTokenOf(secret) } }
}

/** The tables a denied write must leave as they were, read as one comparable text. */
async function fingerprint(db: Kysely<DB>): Promise<string> {
  const counts = await Promise.all(
    (
      [
        'candidates',
        'attempts',
        'registrations',
        'payments',
        'refunds',
        'vouchers',
        'voucher_uses',
        'exception_requests',
        'waivers',
        'audit_log',
        'outbox',
        'test_centres',
        'slots',
        'exams',
        'api_tokens',
        'code_throttles',
      ] as const
    ).map(async (table) => {
      const row = await db
        .selectFrom(table)
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow()
      return `${table}=${Number(row.n)}`
    }),
  )
  const registrations = await db
    .selectFrom('registrations')
    .select(['id', 'status', 'version', 'payment_status'])
    .orderBy('id')
    .execute()
  const attempts = await db.selectFrom('attempts').select(['id', 'outcome']).orderBy('id').execute()
  const requests = await db
    .selectFrom('exception_requests')
    .select(['id', 'status'])
    .orderBy('id')
    .execute()
  const seats = await db.selectFrom('slots').select(['id', 'booked']).orderBy('id').execute()
  return JSON.stringify({ counts, registrations, attempts, requests, seats })
}

describe.each(testDatabases())('the access matrix on $name', ({ open }) => {
  let database: Database
  let app: FastifyInstance
  let operations: Map<string, { method: string; path: string }>
  let own: Objects
  let others: Objects
  let keys = 0
  /** Each candidate's account, and the browser of their current session, by the caller's name. */
  const accounts = new Map<string, string>()
  const browsers = new Map<string, Browser>()

  beforeAll(async () => {
    database = await open({ content: 'demo' })
    const clock = fixedClock(NOW)
    const deps = { db: database.db, clock, mail: readMailSettings(readConfig({})) }
    app = await buildApp({
      authenticate: async (token) => (await findTokenHolder(deps, token))?.principal ?? null,
      authenticateSession: (secret) => authenticateSession(deps, secret),
      sessionCookie: SECURE_SESSION_COOKIE,
      policyOf: operationPolicy,
      checkHealth: async () => {},
      routes: apiRoutes(deps),
    })
    const as = (token: string, request: Request) => send(token, request)
    const admin = preparedTokens().admin
    const created = async (request: Request, token = admin) => {
      const response = await as(token, request)
      if (response.statusCode !== 201) throw new Error(`${request.url}: ${response.body}`)
      return response.json<{ id: string }>().id
    }

    const db = database.db
    for (const provider of [PREPARED_PROVIDER, OTHER_PROVIDER])
      await deliver(db, provider, ['070-620', '070-680'])
    const [a, b] = [
      await created(
        post('/v1/candidates', { ...PERSON_A, country: 'NZ', timeZone: 'Pacific/Auckland' }),
      ),
      await created(
        post('/v1/candidates', { ...PERSON_B, country: 'NZ', timeZone: 'Pacific/Auckland' }),
      ),
    ]
    accounts.set(CANDIDATE_A_TOKEN, await candidateAccount(db, a!, PERSON_A.email))
    accounts.set(CANDIDATE_B_TOKEN, await candidateAccount(db, b!, PERSON_B.email))

    // Each provider's booking site books its candidate at its own centre, paid; and a second, cancelled.
    const world = async (candidateId: string, provider: string, token: string) => {
      const centre = await createCentre(db, { providerId: provider })
      const slot = await createSlot(db, centre, NOW + 10 * DAY_MS)
      const later = await createSlot(db, centre, NOW + 12 * DAY_MS)
      const book = (exam: string, slotId: string) =>
        created(
          {
            ...post('/v1/registrations', {
              candidateId,
              exam,
              slotId,
              payment: { method: 'card' },
            }),
          },
          token,
        )
      const registration = await book('70-620', slot)
      const cancelled = await book('70-680', later)
      const cancel = await as(token, post(`/v1/registrations/${cancelled}/cancel`))
      if (cancel.statusCode !== 200) throw new Error(cancel.body)
      const attempt = await created(
        post('/v1/attempts', {
          candidateId,
          exam: '70-640',
          takenAt: '2026-05-01T08:00:00Z',
          outcome: 'fail',
          provider,
        }),
        token,
      )
      const exceptionRequest = `exception-at-${provider}`
      await insertExceptionRequest(db, {
        id: exceptionRequest,
        candidateId,
        registrationId: registration,
        exam: '070-620',
        firstName: 'Filed',
        lastName: 'Before',
        email: `${candidateId}@example.org`,
        description: 'The lab lost power for an hour during the exam.',
        providerCaseNumber: 'CASE-0',
        reason: 'lab-crash',
        status: 'open',
        channel: 'phone',
        requestedAt: NOW - DAY_MS,
        requestedBy: 'support',
        requestedByRole: 'support',
        review: null,
      })
      await recordExceptionReview(db, exceptionRequest, {
        decision: 'denied',
        at: NOW - DAY_MS,
        by: 'support',
        byRole: 'support',
        note: 'Not a lab problem.',
        waivesWait: false,
        waivesLimit: false,
        waiverId: null,
      })
      const voucher = newVoucher(STUDY_BOOK_DISCOUNT, { candidateId, issuedBy: 'test' }, NOW)
      await insertVoucher(db, voucher)
      return {
        candidate: candidateId,
        provider,
        registration,
        registrationSlot: slot,
        cancelled,
        attempt,
        exceptionRequest,
        centre: centre.id,
        slot,
        code: formatVoucherCode(voucher.code),
        session: 'signed in before each operation',
      }
    }
    own = await world(a!, PREPARED_PROVIDER, preparedTokens().provider)
    others = await world(b!, OTHER_PROVIDER, preparedTokens().otherProvider)

    const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json<{
      paths: Record<string, Record<string, { operationId: string }>>
    }>()
    operations = new Map()
    for (const [path, item] of Object.entries(document.paths))
      for (const [method, operation] of Object.entries(item))
        if (path.startsWith('/v1/'))
          operations.set(operation.operationId, { method: method.toUpperCase(), path })
  })

  afterAll(async () => {
    await app?.close()
    await database?.close()
  })

  function send(token: string | null, request: Request): Promise<LightMyRequestResponse> {
    keys += 1
    const browser = token === null ? undefined : browsers.get(token)
    const options: InjectOptions = {
      method: request.method,
      url: request.url,
      headers: {
        'idempotency-key': `matrix-${keys}`,
        ...(token === null || browser !== undefined ? {} : { authorization: `Bearer ${token}` }),
        ...(browser === undefined ? {} : { 'x-csrf-token': browser.csrfToken }),
      },
      ...(browser === undefined
        ? {}
        : { cookies: { [SECURE_SESSION_COOKIE.name]: browser.cookie } }),
      ...(request.body === undefined ? {} : { payload: request.body as InjectOptions['payload'] }),
    }
    return app.inject(options)
  }

  /** New sessions for candidates A and B, which own's and others' objects name. */
  async function signInCandidates(): Promise<void> {
    const a = await signedIn(database.db, accounts.get(CANDIDATE_A_TOKEN)!)
    const b = await signedIn(database.db, accounts.get(CANDIDATE_B_TOKEN)!)
    browsers.set(CANDIDATE_A_TOKEN, a.browser)
    browsers.set(CANDIDATE_B_TOKEN, b.browser)
    own = { ...own, session: a.id }
    others = { ...others, session: b.id }
  }

  /** The other's objects with the ids a caller may not reach replaced by ids that do not exist. */
  function missingFor(caller: 'candidate' | 'provider'): Objects {
    const gone = (id: string) => `missing-${id.length}`
    return {
      ...others,
      ...(caller === 'candidate' ? { candidate: 'no-such-candidate' } : {}),
      ...(caller === 'provider' ? { provider: 'no-such-provider' } : {}),
      registration: gone(others.registration),
      registrationSlot: 'no-such-slot',
      cancelled: gone(others.cancelled),
      attempt: 'no-such-attempt',
      exceptionRequest: 'no-such-request',
      centre: 'no-such-centre',
      slot: 'no-such-slot',
      session: 'no-such-session',
    }
  }

  /** What of B (and, for provider P, of the other provider) must never reach candidate A or provider P. */
  function foreign(request: Request, who: 'candidate' | 'provider'): string[] {
    const asked = `${request.url} ${JSON.stringify(request.body ?? null)}`
    // The other provider's centres and slots are the catalogue a candidate may read.
    const catalogue = who === 'candidate' ? [others.centre, others.slot] : []
    return [
      PERSON_B.firstName,
      PERSON_B.lastName,
      PERSON_B.email,
      others.registration,
      others.cancelled,
      others.attempt,
      others.exceptionRequest,
      others.code,
      others.centre,
      others.slot,
      others.session,
    ].filter((text) => !asked.includes(text) && !catalogue.includes(text))
  }

  /** A denial, the problem it answers with the ids it was asked about put back to the missing ones. */
  function comparable(response: LightMyRequestResponse, from: Objects, to: Objects) {
    let text = response.body
    for (const key of Object.keys(from) as (keyof Objects)[])
      if (from[key] !== to[key]) text = text.replaceAll(from[key], to[key])
    const { requestId: _id, ...problem } = JSON.parse(text) as Record<string, unknown>
    return { status: response.statusCode, type: response.headers['content-type'], problem }
  }

  it('has a row for every operation of /openapi.json, and none for an operation that does not exist', () => {
    const listed = Object.keys(TABLE).sort()
    const served = [...operations.keys()].sort()
    expect(
      served.filter((id) => !listed.includes(id)),
      'new route without an expectation',
    ).toEqual([])
    expect(
      listed.filter((id) => !served.includes(id)),
      'expectation without a route',
    ).toEqual([])
  })

  it.each(Object.keys(TABLE))('%s answers each caller as the rules say', async (operationId) => {
    const row = TABLE[operationId]!
    const served = operations.get(operationId)
    expect(served, 'new route without an expectation').toBeDefined()
    const tokens = preparedTokens()
    const callers = [
      {
        name: 'candidate A on own',
        token: CANDIDATE_A_TOKEN,
        on: 'own',
        cell: row.candidate[0],
        who: 'candidate',
      },
      {
        name: "candidate A on B's",
        token: CANDIDATE_A_TOKEN,
        on: 'others',
        cell: row.candidate[1],
        who: 'candidate',
      },
      {
        name: 'provider P on own',
        token: tokens.provider,
        on: 'own',
        cell: row.provider[0],
        who: 'provider',
      },
      {
        name: "provider P on the other's",
        token: tokens.provider,
        on: 'others',
        cell: row.provider[1],
        who: 'provider',
      },
      { name: 'support', token: tokens.support, on: 'own', cell: row.support, who: 'staff' },
      { name: 'admin', token: tokens.admin, on: 'own', cell: row.admin, who: 'staff' },
    ] as const

    const anonymous = await send(null, row.request(own))
    if (row.anonymous === undefined) {
      expect(anonymous.statusCode, 'anonymous').toBe(401)
      expect(anonymous.json().code).toBe('UNAUTHENTICATED')
    } else {
      expect(anonymous.statusCode, 'anonymous').toBe(row.anonymous)
    }

    for (const caller of callers) {
      // A candidate signs in afresh for each call: signing out, or ending a session, ends only that one.
      if (caller.who === 'candidate') await signInCandidates()
      const request = row.request(caller.on === 'own' ? own : others)
      // The table's request is the operation it is listed under.
      expect(request.method, operationId).toBe(served!.method)
      const template = new RegExp(`^${served!.path.replace(/\{[^}]+\}/g, '[^/?]+')}(\\?|$)`)
      expect(request.url, operationId).toMatch(template)

      const before = request.method === 'GET' ? null : await fingerprint(database.db)
      const response = await send(caller.token, request)
      const label = `${operationId} as ${caller.name}: ${response.body.slice(0, 300)}`
      if (caller.cell === 'forbidden' || caller.cell === 'account-required') {
        expect(response.statusCode, label).toBe(403)
        expect(response.json().code, label).toBe(
          caller.cell === 'forbidden' ? 'FORBIDDEN' : 'ACCOUNT_REQUIRED',
        )
      } else if (caller.cell === 'missing') {
        expect(response.statusCode, label).toBeGreaterThanOrEqual(400)
        const missing = missingFor(caller.who === 'provider' ? 'provider' : 'candidate')
        const asMissing = await send(caller.token, row.request(missing))
        expect(comparable(response, others, missing), label).toEqual(
          comparable(asMissing, missing, missing),
        )
      } else {
        expect(response.statusCode, label).toBe(caller.cell)
      }
      if (before !== null && typeof caller.cell !== 'number') {
        expect(await fingerprint(database.db), `${label}: a denial changed something`).toBe(before)
      }
      if (caller.who !== 'staff') {
        for (const text of foreign(request, caller.who))
          expect(response.body, label).not.toContain(text)
      }
    }
  })
})
