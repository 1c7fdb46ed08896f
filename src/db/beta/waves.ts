import { type Kysely, sql } from 'kysely'
import type { ExamNumber } from '../../domain/exam-number.js'
import type { Instant } from '../../domain/instant.js'
import type { OpenInterval, WaveAudience, WaveCodeMode } from '../../domain/invitation-wave.js'
import { readInstant, readOptionalInstant, writeInstant } from '../engine/columns.js'
import type { DB } from '../engine/schema.js'
import { listIntervals } from './wave-intervals.js'

/** A wave as stored, with the intervals it was open. */
export interface WaveRecord {
  readonly id: string
  readonly exam: ExamNumber
  readonly position: number
  readonly name: string
  readonly audience: WaveAudience
  readonly codeMode: WaveCodeMode
  readonly hoursAfterPrevious: number
  readonly offerId: string
  readonly offerVersion: number
  readonly bearerCode: string | null
  readonly invited: number
  readonly createdAt: Instant
  readonly createdBy: string
  /** When it was withdrawn, before it ever opened; null for a wave not withdrawn. */
  readonly withdrawnAt: Instant | null
  readonly intervals: readonly OpenInterval[]
}

export async function insertWave(
  db: Kysely<DB>,
  wave: Omit<WaveRecord, 'intervals' | 'withdrawnAt'>,
): Promise<void> {
  await db
    .insertInto('invitation_waves')
    .values({
      id: wave.id,
      exam_number: wave.exam,
      position: wave.position,
      name: wave.name,
      audience: wave.audience,
      code_mode: wave.codeMode,
      hours_after_previous: wave.hoursAfterPrevious,
      offer_id: wave.offerId,
      offer_version: wave.offerVersion,
      bearer_code: wave.bearerCode,
      invited: wave.invited,
      created_at: writeInstant(wave.createdAt),
      created_by: wave.createdBy,
    })
    .execute()
}

/** Records what composing found: how many were invited, and the wave's bearer code if it has one. */
export async function completeWave(
  db: Kysely<DB>,
  waveId: string,
  invited: number,
  bearer: { readonly code: string; readonly offerId: string; readonly offerVersion: number } | null,
): Promise<void> {
  await db
    .updateTable('invitation_waves')
    .set({
      invited,
      ...(bearer
        ? {
            bearer_code: bearer.code,
            offer_id: bearer.offerId,
            offer_version: bearer.offerVersion,
          }
        : {}),
    })
    .where('id', '=', waveId)
    .execute()
}

export async function findWave(db: Kysely<DB>, id: string): Promise<WaveRecord | null> {
  const row = await db
    .selectFrom('invitation_waves')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) return null
  return toWave(row, await listIntervals(db, [id]))
}

/** Every wave of the exam, in order. */
export async function listWavesOfExam(db: Kysely<DB>, exam: ExamNumber): Promise<WaveRecord[]> {
  const rows = await db
    .selectFrom('invitation_waves')
    .selectAll()
    .where('exam_number', '=', exam)
    .orderBy('position')
    .execute()
  const intervals = await listIntervals(
    db,
    rows.map((row) => row.id),
  )
  return rows.map((row) => toWave(row, intervals))
}

/** The position the exam's next wave takes. */
export async function nextWavePosition(db: Kysely<DB>, exam: ExamNumber): Promise<number> {
  const row = await db
    .selectFrom('invitation_waves')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('exam_number', '=', exam)
    .executeTakeFirst()
  return Number(row?.last ?? 0) + 1
}

function toWave(
  row: {
    id: string
    exam_number: string
    position: number
    name: string
    audience: WaveAudience
    code_mode: WaveCodeMode
    hours_after_previous: number
    offer_id: string
    offer_version: number
    bearer_code: string | null
    invited: number
    created_at: string | Date
    created_by: string
    withdrawn_at: string | Date | null
  },
  intervals: ReadonlyMap<string, OpenInterval[]>,
): WaveRecord {
  return {
    id: row.id,
    exam: row.exam_number,
    position: Number(row.position),
    name: row.name,
    audience: row.audience,
    codeMode: row.code_mode,
    hoursAfterPrevious: Number(row.hours_after_previous),
    offerId: row.offer_id,
    offerVersion: Number(row.offer_version),
    bearerCode: row.bearer_code,
    invited: Number(row.invited),
    createdAt: readInstant(row.created_at),
    createdBy: row.created_by,
    withdrawnAt: readOptionalInstant(row.withdrawn_at),
    intervals: intervals.get(row.id) ?? [],
  }
}

/** Locks the wave's row for the rest of the transaction (PostgreSQL; SQLite has one writer anyway). */
export async function lockWave(db: Kysely<DB>, waveId: string): Promise<void> {
  await db
    .updateTable('invitation_waves')
    .set({ invited: sql`invited` })
    .where('id', '=', waveId)
    .execute()
}
