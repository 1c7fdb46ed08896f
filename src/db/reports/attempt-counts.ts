import { type Kysely, sql } from 'kysely'
import type { Instant } from '../../domain/instant.js'
import { writeInstant } from '../engine/columns.js'
import type { DB } from '../engine/schema.js'
import { toCount } from './report-buckets.js'

export interface PassRateRow {
  readonly exam: string
  /** Attempts with a result (pass or fail). */
  readonly sat: number
  readonly passed: number
  readonly firstSat: number
  readonly firstPassed: number
  /** Attempts whose result is not released yet. */
  readonly pending: number
}

const when = (condition: ReturnType<typeof sql>) =>
  sql`sum(case when ${condition} then 1 else 0 end)`

/** Per exam, the attempts taken in the period and their results, all and first attempts only. */
export async function countAttemptResults(
  db: Kysely<DB>,
  start: Instant,
  end: Instant,
  provider: string | null,
): Promise<PassRateRow[]> {
  let query = db
    .selectFrom('attempts')
    .select([
      'exam_number',
      when(sql`outcome <> 'pending'`).as('sat'),
      when(sql`outcome = 'pass'`).as('passed'),
      when(sql`outcome <> 'pending' and minutes_since_previous is null`).as('first_sat'),
      when(sql`outcome = 'pass' and minutes_since_previous is null`).as('first_passed'),
      when(sql`outcome = 'pending'`).as('pending'),
    ])
    .where('taken_at', '>=', writeInstant(start))
    .where('taken_at', '<', writeInstant(end))
  if (provider !== null) query = query.where('provider_id', '=', provider)
  const rows = await query.groupBy('exam_number').orderBy('exam_number').execute()
  return rows.map((row) => ({
    exam: row.exam_number,
    sat: toCount(row.sat),
    passed: toCount(row.passed),
    firstSat: toCount(row.first_sat),
    firstPassed: toCount(row.first_passed),
    pending: toCount(row.pending),
  }))
}

/** The upper ends of the wait bands a retake is counted in, in minutes: 2, 7, 14, 30 and 90 days. */
export const WAIT_BANDS_MINUTES = [2, 7, 14, 30, 90].map((days) => days * 1440)

export interface RetakeRow {
  readonly exam: string
  readonly retakes: number
  /** Retakes per wait band: under 2 days, 2 to under 7, … , 90 days or more (one more than the bands). */
  readonly bands: readonly number[]
  readonly shortestMinutes: number | null
  /** The waits added up, so that counts of several stretches make one average. */
  readonly totalMinutes: number
}

/** Per exam, the retakes taken in the period (attempts after an earlier one at the same exam) and how long each came after the one before. */
export async function countRetakes(
  db: Kysely<DB>,
  start: Instant,
  end: Instant,
  provider: string | null,
): Promise<RetakeRow[]> {
  const bands = WAIT_BANDS_MINUTES.map((upper, k) =>
    when(
      k === 0
        ? sql`minutes_since_previous < ${upper}`
        : sql`minutes_since_previous >= ${WAIT_BANDS_MINUTES[k - 1]} and minutes_since_previous < ${upper}`,
    ).as(`band_${k}`),
  )
  let query = db
    .selectFrom('attempts')
    .select((eb) => [
      'exam_number',
      eb.fn.countAll().as('retakes'),
      ...bands,
      when(sql`minutes_since_previous >= ${WAIT_BANDS_MINUTES.at(-1)}`).as('band_last'),
      eb.fn.min('minutes_since_previous').as('shortest'),
      eb.fn.sum('minutes_since_previous').as('total'),
    ])
    .where('taken_at', '>=', writeInstant(start))
    .where('taken_at', '<', writeInstant(end))
    .where('minutes_since_previous', 'is not', null)
  if (provider !== null) query = query.where('provider_id', '=', provider)
  const rows = (await query
    .groupBy('exam_number')
    .orderBy('exam_number')
    .execute()) as unknown as Record<string, unknown>[]
  return rows.map((row) => ({
    exam: String(row.exam_number),
    retakes: toCount(row.retakes),
    bands: [...WAIT_BANDS_MINUTES.map((_, k) => toCount(row[`band_${k}`])), toCount(row.band_last)],
    shortestMinutes: row.shortest === null ? null : Number(row.shortest),
    totalMinutes: toCount(row.total),
  }))
}
