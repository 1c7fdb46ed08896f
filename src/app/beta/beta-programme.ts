import type { Kysely } from 'kysely'
import {
  addToRoster,
  countOnRoster,
  findBetaProgramme,
  insertBetaProgramme,
  insertBetaRegistration,
} from '../../db/beta/beta-programmes.js'
import { findCandidateIdsByEmail, findUnknownCandidateIds } from '../../db/candidates/candidates.js'
import { writeInstant } from '../../db/engine/columns.js'
import type { DB } from '../../db/engine/schema.js'
import { listLiveRegistrationsOfExam } from '../../db/registrations/registrations.js'
import { type BetaProgramme, refuseProgramme } from '../../domain/beta-programme.js'
import { mayHaveProgramme } from '../../domain/exam.js'
import type { Actor } from '../actor.js'
import { auditAction } from '../audit-action.js'
import { catalogueOf } from '../catalogue/catalogue-cache.js'
import { getCatalogueExam } from '../catalogue/get-exam.js'
import type { Clock } from '../clock.js'
import { AppError } from '../errors.js'
import { requireCountry, requireInstant } from '../input-fields.js'
import { runCommand } from '../run-command.js'
import { requireBetaProgramme } from './require-beta-programme.js'

export interface BetaProgrammeInput {
  readonly seatLimit: number
  readonly acceptsNewCandidates: boolean
  readonly restrictedCountries: readonly string[]
  /** RFC 3339. */
  readonly resultsReleaseAt: string
  /** Minutes an unpaid booking holds its seat; null or absent: the programme-wide setting. */
  readonly holdMinutes?: number | null
}

interface Deps {
  readonly db: Kysely<DB>
  readonly clock: Clock
}

/**
 * Sets up a beta exam's programme, or changes it: the seat limit can never
 * go below the seats already taken, and results cannot be released before
 * the beta period ends.
 */
export async function setBetaProgramme(
  deps: Deps,
  examText: string,
  input: BetaProgrammeInput,
  actor: Actor,
): Promise<BetaProgramme> {
  const now = deps.clock.now()
  const exam = await getCatalogueExam(catalogueOf(deps), examText)
  if (!mayHaveProgramme(exam) || exam.betaPeriod === null) {
    throw new AppError('BETA_PROGRAMME_INVALID', {
      field: 'exam',
      problem: `${exam.number} is not a beta exam with a beta period, so it cannot have a beta programme.`,
    })
  }
  const betaPeriod = exam.betaPeriod
  const resultsReleaseAt = requireInstant(input.resultsReleaseAt, 'resultsReleaseAt')
  const restrictedCountries = [
    ...new Set(
      input.restrictedCountries.map((c, i) => requireCountry(c, `restrictedCountries.${i}`)),
    ),
  ].sort()
  return runCommand(deps, {}, async (trx) => {
    const existing = await findBetaProgramme(trx, exam.number)
    // Bookings made before the programme count: their seats, and their one registration each.
    const earlier = existing ? [] : await listLiveRegistrationsOfExam(trx, exam.number)
    const programme: BetaProgramme = {
      exam: exam.number,
      seatLimit: input.seatLimit,
      seatsTaken: existing?.seatsTaken ?? earlier.length,
      acceptsNewCandidates: input.acceptsNewCandidates,
      restrictedCountries,
      resultsReleaseAt,
      resultsReleasedAt: existing?.resultsReleasedAt ?? null,
      holdMinutes: input.holdMinutes ?? null,
    }
    const refused = refuseProgramme(programme, betaPeriod)
    if (refused) throw new AppError('BETA_PROGRAMME_INVALID', refused)
    if (existing) {
      await trx
        .updateTable('beta_programmes')
        .set({
          seat_limit: programme.seatLimit,
          accepts_new_candidates: programme.acceptsNewCandidates ? 1 : 0,
          restricted_countries: JSON.stringify(programme.restrictedCountries),
          results_release_at: writeInstant(resultsReleaseAt),
          hold_minutes: programme.holdMinutes,
        })
        .where('exam_number', '=', exam.number)
        .execute()
    } else {
      await insertBetaProgramme(trx, programme, now)
      for (const registration of earlier) {
        await insertBetaRegistration(
          trx,
          exam.number,
          registration.candidateId,
          registration.id,
          now,
        )
      }
    }
    await auditAction(trx, actor, now, {
      candidateId: null,
      subjectType: 'beta-programme',
      subjectId: exam.number,
      action: existing ? 'programme-changed' : 'programme-created',
      detail: { ...input, restrictedCountries },
    })
    return programme
  })
}

export async function getBetaProgramme(deps: Deps, examText: string): Promise<BetaProgramme> {
  const exam = await getCatalogueExam(catalogueOf(deps), examText)
  return requireBetaProgramme(deps.db, exam.number)
}

/** Who to put on a roster: candidate ids, emails (any case), or both. */
export interface RosterAdditions {
  readonly candidateIds?: readonly string[]
  readonly emails?: readonly string[]
}

/**
 * Puts candidates on the beta's roster (those already on it stay), named by
 * id or by email; every unknown id or email is refused at once, and nobody
 * is added then. Says how many of them were not on it before.
 */
export async function addCandidatesToRoster(
  deps: Deps,
  examText: string,
  additions: RosterAdditions,
  source: string,
): Promise<number> {
  const exam = await getCatalogueExam(catalogueOf(deps), examText)
  return runCommand(deps, {}, async (trx) => {
    await requireBetaProgramme(trx, exam.number)
    const candidateIds = [...(additions.candidateIds ?? [])]
    const emails = additions.emails ?? []
    const byEmail = await findCandidateIdsByEmail(trx, emails)
    const unknownIds = await findUnknownCandidateIds(trx, candidateIds)
    const unknownEmails = emails.filter((email) => !byEmail.has(email.toLowerCase()))
    if (unknownIds.length > 0 || unknownEmails.length > 0) {
      throw new AppError('CANDIDATES_NOT_FOUND', {
        field: unknownIds.length > 0 ? 'candidateIds' : 'emails',
        candidateIds: [...unknownIds, ...unknownEmails],
      })
    }
    for (const email of emails) candidateIds.push(byEmail.get(email.toLowerCase())!)
    const unique = [...new Set(candidateIds)]
    const before = await countOnRoster(trx, exam.number, unique)
    await addToRoster(trx, exam.number, unique, source, deps.clock.now())
    return unique.length - before
  })
}
