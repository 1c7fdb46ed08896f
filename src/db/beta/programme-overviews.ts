import type { Kysely } from 'kysely'
import type { BetaProgramme } from '../../domain/beta-programme.js'
import type { ExamNumber } from '../../domain/exam-number.js'
import type { Instant } from '../../domain/instant.js'
import { readFlag, readInstant, readOptionalInstant } from '../engine/columns.js'
import type { DB } from '../engine/schema.js'

/** A beta programme with its exam and what staff count of it. */
export interface ProgrammeOverviewRecord {
  readonly programme: BetaProgramme
  readonly title: string
  readonly liveExam: ExamNumber | null
  readonly betaStart: Instant | null
  readonly betaEnd: Instant | null
  readonly rosterSize: number
  /** Waves composed, withdrawn ones included. */
  readonly waves: number
  /** Reward codes issued for taking this beta. */
  readonly rewardsIssued: number
}

/** Every beta programme (or the one of `exam`), by exam number, each with its counts in one statement. */
export async function listProgrammeOverviews(
  db: Kysely<DB>,
  exam?: ExamNumber,
): Promise<ProgrammeOverviewRecord[]> {
  let query = db
    .selectFrom('beta_programmes as p')
    .innerJoin('exams as e', 'e.number', 'p.exam_number')
    .selectAll('p')
    .select((eb) => [
      'e.title',
      'e.beta_of',
      'e.beta_start',
      'e.beta_end',
      eb
        .selectFrom('beta_roster as r')
        .select((r) => r.fn.countAll<number | string>().as('n'))
        .whereRef('r.exam_number', '=', 'p.exam_number')
        .as('roster_size'),
      eb
        .selectFrom('invitation_waves as w')
        .select((w) => w.fn.countAll<number | string>().as('n'))
        .whereRef('w.exam_number', '=', 'p.exam_number')
        .as('wave_count'),
      eb
        .selectFrom('vouchers as v')
        .select((v) => v.fn.countAll<number | string>().as('n'))
        .whereRef('v.reward_for_exam', '=', 'p.exam_number')
        .as('rewards_issued'),
    ])
    .orderBy('p.exam_number')
  if (exam !== undefined) query = query.where('p.exam_number', '=', exam)
  const rows = await query.execute()
  return rows.map((row) => ({
    programme: {
      exam: row.exam_number,
      seatLimit: row.seat_limit,
      seatsTaken: row.seats_taken,
      acceptsNewCandidates: readFlag(row.accepts_new_candidates),
      restrictedCountries: JSON.parse(row.restricted_countries) as string[],
      resultsReleaseAt: readInstant(row.results_release_at),
      resultsReleasedAt: readOptionalInstant(row.results_released_at),
      holdMinutes: row.hold_minutes,
    },
    title: row.title,
    liveExam: row.beta_of,
    betaStart: readOptionalInstant(row.beta_start),
    betaEnd: readOptionalInstant(row.beta_end),
    rosterSize: Number(row.roster_size ?? 0),
    waves: Number(row.wave_count ?? 0),
    rewardsIssued: Number(row.rewards_issued ?? 0),
  }))
}
