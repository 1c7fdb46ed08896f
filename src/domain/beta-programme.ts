import type { BetaPeriod } from './exam.js'
import type { ExamNumber } from './exam-number.js'
import type { Instant } from './instant.js'
import type { ProgrammeRefusal, RetakeDecision } from './retake-decision.js'

/**
 * What a beta exam's programme adds to the retake policy: a seat limit
 * across all its slots, a closed roster unless new candidates are accepted,
 * countries where it is not offered, and the date results are released.
 */
export interface BetaProgramme {
  readonly exam: ExamNumber
  readonly seatLimit: number
  readonly seatsTaken: number
  /** Anyone may register; otherwise only candidates on the roster. */
  readonly acceptsNewCandidates: boolean
  /** ISO 3166-1 alpha-2 codes of countries where the beta is not offered. */
  readonly restrictedCountries: readonly string[]
  /** Results stay pending until then. */
  readonly resultsReleaseAt: Instant
  /** When the results were released, once they were. */
  readonly resultsReleasedAt: Instant | null
  /** How long an unpaid booking of this beta holds its seat; null: the programme-wide setting. */
  readonly holdMinutes: number | null
}

/** Where the candidate stands with the programme. */
export interface BetaCandidate {
  readonly country: string
  readonly onRoster: boolean
  /** The registration the candidate made for this beta, at any provider, if any (ever). */
  readonly registrationId: string | null
  /**
   * The wave that invites the candidate, when it has not opened yet: until
   * it opens, the earlier waves' invitees have the seats to themselves.
   */
  readonly waitingForWave?: { readonly id: string; readonly position: number } | null
}

export type BetaAccess =
  | { readonly allowed: true }
  | {
      readonly allowed: false
      readonly code:
        | 'REGION_RESTRICTED'
        | 'NOT_INVITED'
        | 'INVITATION_NOT_OPEN'
        | 'BETA_ALREADY_REGISTERED'
        | 'BETA_SEATS_FULL'
      readonly reason: string
    }

/** Seats of the programme still free, across all its slots and providers. */
export function seatsLeft(programme: BetaProgramme): number {
  return programme.seatLimit - programme.seatsTaken
}

/**
 * May this candidate register for the beta at all? Asked by eligibility
 * before any slot is chosen, and again by the registration itself.
 */
export function decideBetaAccess(programme: BetaProgramme, candidate: BetaCandidate): BetaAccess {
  if (programme.restrictedCountries.includes(candidate.country)) {
    return {
      allowed: false,
      code: 'REGION_RESTRICTED',
      reason: `The ${programme.exam} beta is not offered to candidates in ${candidate.country}.`,
    }
  }
  if (candidate.registrationId !== null) {
    return {
      allowed: false,
      code: 'BETA_ALREADY_REGISTERED',
      reason: `You already registered for the ${programme.exam} beta (registration ${candidate.registrationId}); a beta exam can be registered once, at one provider.`,
    }
  }
  // Whatever roster the candidate is on: the priority of the waves before theirs holds.
  if (candidate.waitingForWave) {
    return {
      allowed: false,
      code: 'INVITATION_NOT_OPEN',
      reason: `Your invitation to the ${programme.exam} beta is in wave ${candidate.waitingForWave.position}, which has not opened yet; you may register once it opens and you receive its mail.`,
    }
  }
  if (!programme.acceptsNewCandidates && !candidate.onRoster) {
    return {
      allowed: false,
      code: 'NOT_INVITED',
      reason: `The ${programme.exam} beta is by invitation only, and is not accepting new candidates.`,
    }
  }
  if (seatsLeft(programme) <= 0) {
    return {
      allowed: false,
      code: 'BETA_SEATS_FULL',
      reason: `Every seat of the ${programme.exam} beta is taken.`,
    }
  }
  return { allowed: true }
}

/** A retake decision overruled by the programme: no slot will do, whatever the date. */
export function refusedByProgramme(
  decision: RetakeDecision,
  access: Extract<BetaAccess, { allowed: false }>,
): ProgrammeRefusal {
  return {
    eligible: false,
    earliestAt: null,
    code: access.code,
    policy: decision.policy,
    attemptNumber: decision.attemptNumber,
    waiverId: decision.waiverId,
    reason: access.reason,
  }
}

/** What is wrong with a programme's terms, with the field at fault; null when nothing. */
export function refuseProgramme(
  programme: BetaProgramme,
  betaPeriod: BetaPeriod,
): { readonly field: string; readonly problem: string } | null {
  if (programme.resultsReleaseAt < betaPeriod.end) {
    return {
      field: 'resultsReleaseAt',
      problem: 'Results can be released only after the beta period ends.',
    }
  }
  if (programme.seatLimit < programme.seatsTaken) {
    return {
      field: 'seatLimit',
      problem: `${programme.seatsTaken} seats are taken already; the limit cannot go below that.`,
    }
  }
  return null
}
