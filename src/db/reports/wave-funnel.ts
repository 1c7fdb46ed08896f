import { type Kysely, sql } from 'kysely'
import type { Instant } from '../../domain/instant.js'
import { invitationDedupeKeySql } from '../beta/wave-invitations.js'
import { writeInstant } from '../engine/columns.js'
import type { DB } from '../engine/schema.js'
import { providerFilter, toCount } from './report-buckets.js'

export interface WaveFunnelRow {
  readonly waveId: string
  readonly exam: string
  readonly position: number
  readonly name: string
  readonly withdrawn: boolean
  readonly invited: number
  readonly mailed: number
  readonly delivered: number
  readonly registered: number
  readonly sat: number
  readonly passed: number
}

const yes = (condition: ReturnType<typeof sql>) =>
  sql<unknown>`sum(case when ${condition} then 1 else 0 end)`

/**
 * The invitation waves composed in the period, each with how far its
 * invitees got: invited, their mail in the outbox, delivered, registered
 * for the exam (not cancelled, as the wave's own page counts), sat it
 * (an attempt recorded) and passed. With a provider, the registrations and
 * attempts at it only.
 */
export async function countWaveFunnels(
  db: Kysely<DB>,
  start: Instant,
  end: Instant,
  provider: string | null,
): Promise<WaveFunnelRow[]> {
  const waves = await db
    .selectFrom('invitation_waves')
    .select(['id', 'exam_number', 'position', 'name', 'withdrawn_at'])
    .where('created_at', '>=', writeInstant(start))
    .where('created_at', '<', writeInstant(end))
    .orderBy('exam_number')
    .orderBy('position')
    .execute()
  if (waves.length === 0) return []
  const delivered = sql`exists (select 1 from outbox o
    where o.dedupe_key = ${invitationDedupeKeySql(sql.ref('i.wave_id'), sql.ref('i.candidate_id'))}
      and o.status = 'sent')`
  const registered = sql`exists (select 1 from registrations r
    where r.candidate_id = i.candidate_id and r.exam_number = i.exam_number and r.status <> 'cancelled'
      ${providerFilter('r.provider_id', provider)})`
  const attempted = (outcome: ReturnType<typeof sql>) => sql`exists (select 1 from attempts a
    where a.candidate_id = i.candidate_id and a.exam_number = i.exam_number ${outcome}
      ${providerFilter('a.provider_id', provider)})`
  const counts = await db
    .selectFrom('wave_invitations as i')
    .select((eb) => [
      'i.wave_id',
      eb.fn.countAll().as('invited'),
      yes(sql`i.mailed_at is not null`).as('mailed'),
      yes(delivered).as('delivered'),
      yes(registered).as('registered'),
      yes(attempted(sql``)).as('sat'),
      yes(attempted(sql`and a.outcome = 'pass'`)).as('passed'),
    ])
    .where(
      'i.wave_id',
      'in',
      waves.map((wave) => wave.id),
    )
    .groupBy('i.wave_id')
    .execute()
  const byWave = new Map(counts.map((row) => [row.wave_id, row]))
  return waves.map((wave) => {
    const c = byWave.get(wave.id)
    return {
      waveId: wave.id,
      exam: wave.exam_number,
      position: wave.position,
      name: wave.name,
      withdrawn: wave.withdrawn_at !== null,
      invited: toCount(c?.invited),
      mailed: toCount(c?.mailed),
      delivered: toCount(c?.delivered),
      registered: toCount(c?.registered),
      sat: toCount(c?.sat),
      passed: toCount(c?.passed),
    }
  })
}
