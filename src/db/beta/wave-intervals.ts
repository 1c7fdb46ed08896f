import type { Kysely } from 'kysely'
import type { Instant } from '../../domain/instant.js'
import type { OpenInterval } from '../../domain/invitation-wave.js'
import { readInstant, readOptionalInstant, writeInstant } from '../engine/columns.js'
import type { DB } from '../engine/schema.js'

/** The intervals each wave was open, oldest first. */
export async function listIntervals(
  db: Kysely<DB>,
  waveIds: readonly string[],
): Promise<Map<string, OpenInterval[]>> {
  const byWave = new Map<string, OpenInterval[]>()
  if (waveIds.length === 0) return byWave
  const rows = await db
    .selectFrom('invitation_wave_intervals')
    .selectAll()
    .where('wave_id', 'in', waveIds)
    .orderBy('started_at')
    .execute()
  for (const row of rows) {
    const list = byWave.get(row.wave_id) ?? []
    list.push({ start: readInstant(row.started_at), end: readOptionalInstant(row.ended_at) })
    byWave.set(row.wave_id, list)
  }
  return byWave
}

/** Starts an open interval (opening or resuming). */
export async function startInterval(db: Kysely<DB>, waveId: string, at: Instant): Promise<void> {
  await db
    .insertInto('invitation_wave_intervals')
    .values({ wave_id: waveId, started_at: writeInstant(at), ended_at: null })
    .execute()
}

/** Ends the open interval (pausing); false when none was open (a pause a moment earlier). */
export async function endOpenInterval(
  db: Kysely<DB>,
  waveId: string,
  at: Instant,
): Promise<boolean> {
  const result = await db
    .updateTable('invitation_wave_intervals')
    .set({ ended_at: writeInstant(at) })
    .where('wave_id', '=', waveId)
    .where('ended_at', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}
