import { type Kysely, sql } from 'kysely'
import type { BetaProgramme } from '../../domain/beta-programme.js'
import type { ExamNumber } from '../../domain/exam-number.js'
import type { Instant } from '../../domain/instant.js'
import {
  readFlag,
  readInstant,
  readOptionalInstant,
  writeFlag,
  writeInstant,
  writeOptionalInstant,
} from '../engine/columns.js'
import type { DB } from '../engine/schema.js'

export async function insertBetaProgramme(
  db: Kysely<DB>,
  programme: BetaProgramme,
  createdAt: Instant,
): Promise<void> {
  await db
    .insertInto('beta_programmes')
    .values({
      exam_number: programme.exam,
      seat_limit: programme.seatLimit,
      seats_taken: programme.seatsTaken,
      accepts_new_candidates: writeFlag(programme.acceptsNewCandidates),
      restricted_countries: JSON.stringify(programme.restrictedCountries),
      results_release_at: writeInstant(programme.resultsReleaseAt),
      results_released_at: writeOptionalInstant(programme.resultsReleasedAt),
      hold_minutes: programme.holdMinutes,
      created_at: writeInstant(createdAt),
    })
    .execute()
}

export async function findBetaProgramme(
  db: Kysely<DB>,
  exam: ExamNumber,
): Promise<BetaProgramme | null> {
  const row = await db
    .selectFrom('beta_programmes')
    .selectAll()
    .where('exam_number', '=', exam)
    .executeTakeFirst()
  if (!row) return null
  return {
    exam: row.exam_number,
    seatLimit: row.seat_limit,
    seatsTaken: row.seats_taken,
    acceptsNewCandidates: readFlag(row.accepts_new_candidates),
    restrictedCountries: JSON.parse(row.restricted_countries) as string[],
    resultsReleaseAt: readInstant(row.results_release_at),
    resultsReleasedAt: readOptionalInstant(row.results_released_at),
    holdMinutes: row.hold_minutes,
  }
}

/** Takes one of the programme's seats if one is left; the condition is in the UPDATE, as for a slot. */
export async function takeBetaSeat(db: Kysely<DB>, exam: ExamNumber): Promise<boolean> {
  const result = await db
    .updateTable('beta_programmes')
    .set({ seats_taken: sql`seats_taken + 1` })
    .where('exam_number', '=', exam)
    .whereRef('seats_taken', '<', 'seat_limit')
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

export async function releaseBetaSeat(db: Kysely<DB>, exam: ExamNumber): Promise<void> {
  await db
    .updateTable('beta_programmes')
    .set({ seats_taken: sql`seats_taken - 1` })
    .where('exam_number', '=', exam)
    .execute()
}

/** Adds candidates to the roster; those already on it stay as they were. */
export async function addToRoster(
  db: Kysely<DB>,
  exam: ExamNumber,
  candidateIds: readonly string[],
  source: string,
  at: Instant,
): Promise<void> {
  if (candidateIds.length === 0) return
  await db
    .insertInto('beta_roster')
    .values(
      candidateIds.map((id) => ({
        exam_number: exam,
        candidate_id: id,
        added_at: writeInstant(at),
        source,
      })),
    )
    .onConflict((conflict) => conflict.columns(['exam_number', 'candidate_id']).doNothing())
    .execute()
}

/** How many of these candidates are on the exam's roster already. */
export async function countOnRoster(
  db: Kysely<DB>,
  exam: ExamNumber,
  candidateIds: readonly string[],
): Promise<number> {
  let count = 0
  for (let start = 0; start < candidateIds.length; start += 1000) {
    const row = await db
      .selectFrom('beta_roster')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('exam_number', '=', exam)
      .where('candidate_id', 'in', candidateIds.slice(start, start + 1000))
      .executeTakeFirstOrThrow()
    count += Number(row.n)
  }
  return count
}

export async function isOnRoster(
  db: Kysely<DB>,
  exam: ExamNumber,
  candidateId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('beta_roster')
    .select('candidate_id')
    .where('exam_number', '=', exam)
    .where('candidate_id', '=', candidateId)
    .executeTakeFirst()
  return row !== undefined
}

/** The one registration the candidate ever made for this beta exam, if any. */
export async function findBetaRegistration(
  db: Kysely<DB>,
  exam: ExamNumber,
  candidateId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('beta_registrations')
    .select('registration_id')
    .where('exam_number', '=', exam)
    .where('candidate_id', '=', candidateId)
    .executeTakeFirst()
  return row?.registration_id ?? null
}

/** Records the candidate's beta registration; the primary key refuses a second one, whatever raced. */
export async function insertBetaRegistration(
  db: Kysely<DB>,
  exam: ExamNumber,
  candidateId: string,
  registrationId: string,
  at: Instant,
): Promise<void> {
  await db
    .insertInto('beta_registrations')
    .values({
      exam_number: exam,
      candidate_id: candidateId,
      registration_id: registrationId,
      created_at: writeInstant(at),
    })
    .execute()
}

/**
 * Forgets this registration as the candidate's one registration for the
 * beta exam, so that they may register for it again; a record of another
 * registration is left alone. Says whether one was forgotten.
 */
export async function forgetBetaRegistration(
  db: Kysely<DB>,
  exam: ExamNumber,
  candidateId: string,
  registrationId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('beta_registrations')
    .where('exam_number', '=', exam)
    .where('candidate_id', '=', candidateId)
    .where('registration_id', '=', registrationId)
    .executeTakeFirst()
  return result.numDeletedRows > 0n
}
