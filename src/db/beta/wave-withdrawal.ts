import type { Kysely } from 'kysely'
import type { ExamNumber } from '../../domain/exam-number.js'
import type { Instant } from '../../domain/instant.js'
import { writeInstant } from '../engine/columns.js'
import type { DB } from '../engine/schema.js'

/**
 * Withdraws a wave that never opened: the wave and its invitations are
 * marked (a withdrawn invitation no longer counts as the invitee's one
 * invitation to the beta), and the cancelled registrations it re-admitted
 * count again as their invitees' one registration. Returns the candidates
 * whose re-admission was undone.
 */
export async function markWaveWithdrawn(
  db: Kysely<DB>,
  waveId: string,
  exam: ExamNumber,
  at: Instant,
): Promise<string[]> {
  await db
    .updateTable('invitation_waves')
    .set({ withdrawn_at: writeInstant(at) })
    .where('id', '=', waveId)
    .execute()
  await db
    .updateTable('wave_invitations')
    .set({ withdrawn_at: writeInstant(at) })
    .where('wave_id', '=', waveId)
    .execute()
  const readmitted = await db
    .selectFrom('wave_invitations')
    .select(['candidate_id', 'readmitted_registration_id'])
    .where('wave_id', '=', waveId)
    .where('readmitted_registration_id', 'is not', null)
    .orderBy('position')
    .execute()
  if (readmitted.length === 0) return []
  // The wave never opened, so none of them can have registered again through it.
  await db
    .insertInto('beta_registrations')
    .values(
      readmitted.map((row) => ({
        exam_number: exam,
        candidate_id: row.candidate_id,
        registration_id: row.readmitted_registration_id!,
        created_at: writeInstant(at),
      })),
    )
    .onConflict((conflict) => conflict.columns(['exam_number', 'candidate_id']).doNothing())
    .execute()
  return readmitted.map((row) => row.candidate_id)
}
