import type { Principal, Role } from './principal.js'

/**
 * Which objects of an operation a caller of an allowed role may reach
 * (decided per object by `mayAccess`; a list is filtered the same way):
 * - `none`: no person's object (the catalogue, or administration);
 * - `catalogue-part`: centres and slots, of which a provider sees its own;
 * - `candidate`: the candidate named (a candidate: themself);
 * - `booking`: a new booking or its preview (a candidate: for themself; a provider: its own slots);
 * - `candidate-registrations`: a candidate's registrations (a provider: those at it);
 * - `registration`, `attempt`: one of them (a candidate: their own; a provider: those at it);
 * - `exception-request`: one, or a candidate's (a candidate: their own);
 * - `provider`: the provider an attempt is recorded for (a provider: itself).
 */
export type ObjectRule =
  | 'none'
  | 'catalogue-part'
  | 'candidate'
  | 'booking'
  | 'candidate-registrations'
  | 'registration'
  | 'attempt'
  | 'exception-request'
  | 'provider'

/** Who may call an operation, and which of its objects they reach. */
export interface OperationPolicy {
  /** The roles that may call it at all; any other is refused FORBIDDEN. */
  readonly roles: readonly Role[]
  readonly objects: ObjectRule
  /** Open to anyone, signed in or not (making an account, asking for a sign-in): no principal is asked for. */
  readonly anonymous?: boolean
}

const EVERYONE: readonly Role[] = ['admin', 'support', 'provider', 'candidate']
const ADMIN: readonly Role[] = ['admin']
const STAFF: readonly Role[] = ['admin', 'support']
/** Staff and the candidate the record is of: what a provider has no business reading. */
const STAFF_AND_CANDIDATE: readonly Role[] = ['admin', 'support', 'candidate']
const ADMIN_AND_PROVIDER: readonly Role[] = ['admin', 'provider']

const catalogue = { roles: EVERYONE, objects: 'none' } as const
const administration = { roles: ADMIN, objects: 'none' } as const
const staffTool = { roles: STAFF, objects: 'none' } as const
const ownRecord = { roles: STAFF_AND_CANDIDATE, objects: 'candidate' } as const
const booking = { roles: EVERYONE, objects: 'registration' } as const
const sittingReport = { roles: ADMIN_AND_PROVIDER, objects: 'registration' } as const
const anyone = { roles: [], objects: 'none', anonymous: true } as const
/** A person's own account and sessions; a machine token is refused ACCOUNT_REQUIRED by the route. */
const ownAccount = { roles: EVERYONE, objects: 'none' } as const

/**
 * Every operation of the API, by its OpenAPI `operationId`: the one place
 * that says who may call what. The auth plugin refuses to mount a route
 * whose operation is missing here; use cases ask `mayAccess` per object.
 */
export const ACCESS_POLICY = {
  // The catalogue: read by everyone signed in, changed by admins.
  listExams: catalogue,
  getExam: catalogue,
  getExamPricing: catalogue,
  listProviders: catalogue,
  getProvider: catalogue,
  listOffers: catalogue,
  getOffer: catalogue,
  listEnrollingOffers: catalogue,
  getBetaProgramme: catalogue,
  listCentres: { roles: EVERYONE, objects: 'catalogue-part' },
  getCentre: { roles: EVERYONE, objects: 'catalogue-part' },
  findSeats: { roles: EVERYONE, objects: 'catalogue-part' },
  getSlot: { roles: EVERYONE, objects: 'catalogue-part' },
  findCentresWithSeats: { roles: EVERYONE, objects: 'catalogue-part' },
  // Places are cities that have centres, at every provider: nobody's object.
  findPlaces: catalogue,
  createExam: administration,
  setExamPricing: administration,
  createProvider: administration,
  updateProviderRules: administration,
  setProviderExams: administration,
  createCentre: administration,
  generateSlots: administration,
  previewSlots: administration,
  createOfferVersion: administration,
  setBetaProgramme: administration,
  releaseBetaResults: administration,
  addCandidatesToRoster: administration,
  composeWave: administration,
  openWave: administration,
  pauseWave: administration,
  resumeWave: administration,
  withdrawWave: administration,
  checkWave: administration,
  sendWave: administration,
  releaseHold: administration,
  createToken: administration,
  listTokens: administration,
  revokeToken: administration,
  createStaffAccount: administration,
  listAccounts: administration,
  requestStaffEmailChange: administration,
  disableStaffAccount: administration,
  enableStaffAccount: administration,
  listWaves: staffTool,
  getWave: staffTool,
  // Staff survey the betas: roster sizes and rewards issued are no candidate's business.
  listBetaProgrammes: staffTool,
  getBetaProgrammeOverview: staffTool,
  listMail: staffTool,
  getMail: staffTool,
  resendMail: staffTool,
  listMailQueue: staffTool,
  retryMail: staffTool,

  // Candidates and what they hold: the candidate themself and staff.
  createCandidate: staffTool,
  getCandidate: ownRecord,
  listAttempts: ownRecord,
  planRetakes: ownRecord,
  listEarnedCertifications: ownRecord,
  listCandidateExceptionRequests: ownRecord,
  listCandidateCodes: ownRecord,
  listBetaInvitations: ownRecord,
  getBetaStanding: ownRecord,
  updateCandidate: ownRecord,
  endCandidateSessions: { roles: STAFF, objects: 'candidate' },
  // Support's console: one search box over every candidate, and a candidate's whole audit trail.
  searchCandidates: staffTool,
  listCandidateAudit: { roles: STAFF, objects: 'candidate' },

  // Accounts and sign-in: made and asked for by anyone; a person's own sessions.
  signUp: anyone,
  requestSignIn: anyone,
  signInWithCode: anyone,
  getMe: ownAccount,
  listMySessions: ownAccount,
  endMySession: ownAccount,
  signOut: ownAccount,
  listMyIdentities: ownAccount,
  removeMyIdentity: ownAccount,
  startOidcLink: ownAccount,
  requestMyEmailChange: ownAccount,
  confirmMyEmailChange: ownAccount,
  // Passkeys: a person's own, added and removed with their session; signing in with one is open to anyone.
  passkeyRegistrationOptions: ownAccount,
  addPasskey: ownAccount,
  listMyPasskeys: ownAccount,
  removeMyPasskey: ownAccount,
  passkeySignInOptions: anyone,
  signInWithPasskey: anyone,
  // A provider judges eligibility before it books; nothing of the history shows but the decision.
  decideEligibility: { roles: EVERYONE, objects: 'candidate' },
  listCandidateRegistrations: { roles: EVERYONE, objects: 'candidate-registrations' },

  // Codes are issued by staff; a candidate enrols themself in an open offer (SPEC §5); previewed and applied by whoever books.
  enrolInOffer: ownRecord,
  issueRewardVouchers: staffTool,
  previewVoucher: { roles: EVERYONE, objects: 'booking' },

  // Bookings: a candidate's own, a provider's at it, staff for anyone.
  register: { roles: EVERYONE, objects: 'booking' },
  rescheduleRegistration: booking,
  cancelRegistration: booking,
  payRegistration: booking,
  getRegistration: booking,
  // The registration's calendar file: read by whoever may read the registration.
  getRegistrationCalendar: booking,
  applyRegistrationCodes: booking,
  previewRegistrationCode: booking,

  // Sittings and results: the provider that delivered them, and admins.
  reportCheckIn: sittingReport,
  reportNoShow: sittingReport,
  reportResult: sittingReport,
  recordAttempt: { roles: ADMIN_AND_PROVIDER, objects: 'provider' },
  setAttemptOutcome: { roles: ADMIN_AND_PROVIDER, objects: 'attempt' },

  // Exceptions: asked by the candidate or by support for them, reviewed by staff.
  requestException: { roles: STAFF_AND_CANDIDATE, objects: 'candidate' },
  getExceptionRequest: { roles: STAFF_AND_CANDIDATE, objects: 'exception-request' },
  approveException: staffTool,
  denyException: staffTool,
  listExceptionQueue: staffTool,
  // The programme's figures: an admin's (SPEC §1); support answers candidates, one at a time.
  readReport: administration,
} as const satisfies Readonly<Record<string, OperationPolicy>>

export type OperationId = keyof typeof ACCESS_POLICY

/** The policy of an operation, or null for one nobody wrote a policy for (which must not be served). */
export function operationPolicy(operationId: string): OperationPolicy | null {
  return Object.hasOwn(ACCESS_POLICY, operationId)
    ? ACCESS_POLICY[operationId as OperationId]
    : null
}

/** Why a caller may not call an operation at all, or null when it may (its objects are judged after). */
export type CallRefusal = 'role' | 'unbound-provider'

/**
 * May this caller call the operation? Its role must be one the policy
 * names; a provider token must be bound to a provider (one made before
 * tokens were bound acts for nobody and is refused everywhere).
 */
export function decideCall(principal: Principal, policy: OperationPolicy): CallRefusal | null {
  if (principal.role === 'provider' && principal.providerId === null) return 'unbound-provider'
  return policy.roles.includes(principal.role) ? null : 'role'
}

/** What a candidate and a provider reach of an operation's objects, said for the reference. */
export const OBJECT_RULE_SCOPES: Readonly<
  Record<ObjectRule, { readonly candidate: string; readonly provider: string }>
> = {
  none: { candidate: '', provider: '' },
  'catalogue-part': { candidate: '', provider: "its own provider's only" },
  candidate: { candidate: 'themself only', provider: 'any candidate it books' },
  booking: { candidate: 'for themself only', provider: "at its own provider's slots only" },
  'candidate-registrations': {
    candidate: 'their own only',
    provider: 'those at its own provider only',
  },
  registration: { candidate: 'their own only', provider: "its own provider's only" },
  attempt: { candidate: 'their own only', provider: "its own provider's only" },
  'exception-request': { candidate: 'their own only', provider: '' },
  provider: { candidate: '', provider: 'for its own provider only' },
}
