import { type Kysely, sql } from 'kysely'
import type { ExamNumber } from '../../domain/exam-number.js'
import type { Instant } from '../../domain/instant.js'
import { writeInstant } from '../engine/columns.js'
import type { DB } from '../engine/schema.js'

/** The roster source of a wave's invitees. */
export function waveRosterSource(waveId: string): string {
  return `wave:${waveId}`
}

/** Puts every invitee of the wave on the exam's roster; those already on it stay as they were. */
export async function addInviteesToRoster(
  db: Kysely<DB>,
  waveId: string,
  at: Instant,
): Promise<void> {
  await db
    .insertInto('beta_roster')
    .columns(['exam_number', 'candidate_id', 'added_at', 'source'])
    .expression((eb) =>
      eb
        .selectFrom('wave_invitations')
        .select([
          'exam_number',
          'candidate_id',
          sql<string>`${writeInstant(at)}`.as('added_at'),
          sql<string>`${waveRosterSource(waveId)}`.as('source'),
        ])
        // The WHERE also settles SQLite's reading of INSERT … SELECT … ON CONFLICT.
        .where('wave_id', '=', waveId),
    )
    .onConflict((conflict) => conflict.columns(['exam_number', 'candidate_id']).doNothing())
    .execute()
}

/** Takes a candidate off the roster again, only where this source put them there. */
export async function removeFromRoster(
  db: Kysely<DB>,
  exam: ExamNumber,
  candidateId: string,
  source: string,
): Promise<void> {
  await db
    .deleteFrom('beta_roster')
    .where('exam_number', '=', exam)
    .where('candidate_id', '=', candidateId)
    .where('source', '=', source)
    .execute()
}
