import type { Kysely } from 'kysely'
import { findBetaProgramme } from '../../db/beta/beta-programmes.js'
import { countDelivered, countMailed, countRegistered } from '../../db/beta/wave-invitations.js'
import { findWave, listWavesOfExam, type WaveRecord } from '../../db/beta/waves.js'
import type { DB } from '../../db/engine/schema.js'
import { seatsLeft } from '../../domain/beta-programme.js'
import type { ExamNumber } from '../../domain/exam-number.js'
import { HOUR_MS, type Instant } from '../../domain/instant.js'
import {
  computeMayOpenAt,
  computeOpenTime,
  computeWaveStatus,
  decideWaveOpening,
  type WaveAudience,
  type WaveCodeMode,
  type WaveStatus,
  type WaveTiming,
} from '../../domain/invitation-wave.js'
import { formatVoucherCode } from '../../domain/voucher-code.js'
import { getExam } from '../catalogue/get-exam.js'
import type { Clock } from '../clock.js'
import { AppError } from '../errors.js'
import { requireBetaProgramme } from './require-beta-programme.js'

/** A wave as an admin follows it: its timing, and how far its invitations got. */
export interface WaveView {
  readonly id: string
  readonly exam: ExamNumber
  readonly position: number
  readonly name: string
  readonly audience: WaveAudience
  readonly codeMode: WaveCodeMode
  readonly hoursAfterPrevious: number
  readonly status: WaveStatus
  /** When registration first worked for the wave; null while a draft. */
  readonly openedAt: Instant | null
  /** Milliseconds the wave has been open, pauses left out. */
  readonly openFor: number
  /** For a draft: the earliest instant it may open (now or past: it may open); null while that cannot be said. */
  readonly mayOpenAt: Instant | null
  /** The bearer code of a `per-wave` wave, grouped for reading; null for bound codes. */
  readonly code: string | null
  readonly offerId: string
  readonly offerVersion: number
  readonly invited: number
  /** Invitation mails in the outbox. */
  readonly mailed: number
  /** Invitation mails the outbox worker delivered. */
  readonly delivered: number
  /** Invitees with a registration for the exam (booked, sat or missed; not cancelled). */
  readonly registered: number
  readonly seatsLeft: number
  readonly createdAt: Instant
  /** When it was withdrawn, if it was. */
  readonly withdrawnAt: Instant | null
  /** The next wave that may still open (not withdrawn), by position; null when none is composed. */
  readonly nextWave: number | null
  /**
   * When this wave's invitees stop having the seats to themselves: the
   * earliest the next wave may open. Null when there is no next wave, or
   * while this wave is a draft or paused short of it (no date can be said).
   */
  readonly priorityEndsAt: Instant | null
  /** Open time still owed before the next wave may open (0 once it may); null without a next wave. */
  readonly priorityLeftMs: number | null
}

interface Deps {
  readonly db: Kysely<DB>
  readonly clock: Clock
}

/** One wave with its counts, or WAVE_NOT_FOUND. */
export async function getWaveView(deps: Deps, waveId: string): Promise<WaveView> {
  const now = deps.clock.now()
  const wave = await requireWave(deps.db, waveId)
  const waves = await listWavesOfExam(deps.db, wave.exam)
  return viewOf(deps.db, wave, waves, now)
}

/** Every wave of a beta exam, in order, with their counts. */
export async function listWaves(deps: Deps, examText: string): Promise<WaveView[]> {
  const now = deps.clock.now()
  const exam = await getExam(deps, examText)
  await requireBetaProgramme(deps.db, exam.number)
  const waves = await listWavesOfExam(deps.db, exam.number)
  const views: WaveView[] = []
  for (const wave of waves) views.push(await viewOf(deps.db, wave, waves, now))
  return views
}

/** The wave, or WAVE_NOT_FOUND. */
export async function requireWave(db: Kysely<DB>, waveId: string): Promise<WaveRecord> {
  const wave = await findWave(db, waveId)
  if (!wave) throw new AppError('WAVE_NOT_FOUND', { waveId })
  return wave
}

/** The timing rules' view of a stored wave. */
export function toTiming(wave: WaveRecord): WaveTiming {
  return {
    position: wave.position,
    hoursAfterPrevious: wave.hoursAfterPrevious,
    intervals: wave.intervals,
    withdrawn: wave.withdrawnAt !== null,
  }
}

/** Where a stored wave stands: draft, open, paused or withdrawn. */
export function waveStatusOf(wave: WaveRecord): WaveStatus {
  return computeWaveStatus(wave.intervals, wave.withdrawnAt !== null)
}

/** The priority a wave gives its invitees over the next wave that may still open. */
function priorityOf(
  wave: WaveRecord,
  waves: readonly WaveRecord[],
  now: Instant,
): Pick<WaveView, 'nextWave' | 'priorityEndsAt' | 'priorityLeftMs'> {
  const next = waves
    .filter((other) => other.position > wave.position && other.withdrawnAt === null)
    .sort((a, b) => a.position - b.position)[0]
  if (!next || wave.withdrawnAt !== null) {
    return { nextWave: null, priorityEndsAt: null, priorityLeftMs: null }
  }
  const needed = next.hoursAfterPrevious * HOUR_MS
  return {
    nextWave: next.position,
    priorityEndsAt: computeMayOpenAt(wave.intervals, next.hoursAfterPrevious, now),
    priorityLeftMs: Math.max(0, needed - computeOpenTime(wave.intervals, now)),
  }
}

async function viewOf(
  db: Kysely<DB>,
  wave: WaveRecord,
  waves: readonly WaveRecord[],
  now: Instant,
): Promise<WaveView> {
  const status = waveStatusOf(wave)
  let mayOpenAt: Instant | null = null
  if (status === 'draft') {
    const opening = decideWaveOpening(waves.map(toTiming), toTiming(wave), now)
    mayOpenAt = opening.allowed ? now : opening.opensAt
  }
  const [mailed, delivered, registered, programme] = await Promise.all([
    countMailed(db, wave.id),
    countDelivered(db, wave.id),
    countRegistered(db, wave.id, wave.exam),
    findBetaProgramme(db, wave.exam),
  ])
  return {
    id: wave.id,
    exam: wave.exam,
    position: wave.position,
    name: wave.name,
    audience: wave.audience,
    codeMode: wave.codeMode,
    hoursAfterPrevious: wave.hoursAfterPrevious,
    status,
    openedAt: wave.intervals[0]?.start ?? null,
    openFor: computeOpenTime(wave.intervals, now),
    mayOpenAt,
    code: wave.bearerCode === null ? null : formatVoucherCode(wave.bearerCode),
    offerId: wave.offerId,
    offerVersion: wave.offerVersion,
    invited: wave.invited,
    mailed,
    delivered,
    registered,
    seatsLeft: programme ? seatsLeft(programme) : 0,
    createdAt: wave.createdAt,
    withdrawnAt: wave.withdrawnAt,
    ...priorityOf(wave, waves, now),
  }
}
