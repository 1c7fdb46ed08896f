import type { Kysely } from 'kysely'
import { addToRoster, isOnRoster } from '../../db/beta/beta-programmes.js'
import { endOpenInterval, startInterval } from '../../db/beta/wave-intervals.js'
import { findFirstUnregistered } from '../../db/beta/wave-invitations.js'
import {
  addInviteesToRoster,
  removeFromRoster,
  waveRosterSource,
} from '../../db/beta/wave-roster.js'
import { findWave, listWavesOfExam, lockWave, type WaveRecord } from '../../db/beta/waves.js'
import { findCandidate } from '../../db/candidates/candidates.js'
import { searchOpenSlots } from '../../db/catalogue/slots.js'
import type { DB } from '../../db/engine/schema.js'
import type { BetaProgramme } from '../../domain/beta-programme.js'
import type { Exam } from '../../domain/exam.js'
import { DAY_MS, formatInstant, type Instant } from '../../domain/instant.js'
import { decideWaveOpening } from '../../domain/invitation-wave.js'
import { formatMoney } from '../../domain/money.js'
import { formatVoucherCode } from '../../domain/voucher-code.js'
import { type Actor, systemActor, type WaveActor } from '../actor.js'
import type { AppDeps } from '../app-deps.js'
import { getExam } from '../catalogue/get-exam.js'
import { AppError } from '../errors.js'
import { dryRunRegistration } from '../registrations/dry-run-registration.js'
import { runCommand } from '../run-command.js'
import { auditWave } from './audit-wave.js'
import { getWaveView, requireWave, toTiming, type WaveView, waveStatusOf } from './get-wave.js'
import { requireBetaProgramme } from './require-beta-programme.js'

export type OpenWaveDeps = AppDeps

/** What the self-check tried, for the audit trail. */
interface SelfCheck {
  readonly candidateId: string | null
  readonly slotId: string | null
  readonly channels: readonly string[]
  readonly note?: string
}

/**
 * The ways a candidate registers that an invitation promises: online (a
 * provider's booking site) and by phone through support. Both are tried.
 */
const TRIAL_ACTORS: readonly Pick<Actor, 'role' | 'channel'>[] = [
  { role: 'provider', channel: 'web' },
  { role: 'support', channel: 'phone' },
]

/** How far ahead the self-check looks for a free seat when the beta has no end date. */
const SLOT_HORIZON_MS = 366 * DAY_MS

/**
 * Opens a draft wave: when the previous wave has had its priority (open
 * time, not time since its mail), and when a trial registration of one
 * invitee with their own code, at the exam's earliest free seat, online and
 * by phone, books at no charge (and is rolled back). Then its invitees join
 * the roster and its clock starts. A wave already open or paused is
 * returned as it is.
 */
export async function openWave(
  deps: OpenWaveDeps,
  waveId: string,
  actor: WaveActor,
): Promise<WaveView> {
  const now = deps.clock.now()
  const wave = await requireWave(deps.db, waveId)
  refuseWithdrawn(wave)
  if (waveStatusOf(wave) !== 'draft') return getWaveView(deps, waveId)
  const waves = await listWavesOfExam(deps.db, wave.exam)
  const opening = decideWaveOpening(waves.map(toTiming), toTiming(wave), now)
  if (!opening.allowed) {
    throw new AppError('WAVE_TOO_EARLY', {
      waveId,
      opensAt: opening.opensAt === null ? null : formatInstant(opening.opensAt),
      remainingMs: opening.remainingMs,
      reason: opening.reason,
    })
  }
  const check = await runSelfCheck(deps, wave, now)
  await runCommand(deps, {}, async (trx) => {
    await lockWave(trx, waveId)
    const current = await findWave(trx, waveId)
    if (current) refuseWithdrawn(current)
    // Another request opened it meanwhile; its roster and clock stand.
    if (!current || waveStatusOf(current) !== 'draft') return
    await addInviteesToRoster(trx, waveId, now)
    await startInterval(trx, waveId, now)
    await auditWave(trx, { wave, actor, now, action: 'wave-opened', detail: { selfCheck: check } })
  })
  return getWaveView(deps, waveId)
}

/** Stops the wave's priority clock: registration is not working for its invitees (a fault, a fix under way). */
export async function pauseWave(
  deps: OpenWaveDeps,
  waveId: string,
  actor: WaveActor,
): Promise<WaveView> {
  const now = deps.clock.now()
  const wave = await requireWave(deps.db, waveId)
  refuseWithdrawn(wave)
  const status = waveStatusOf(wave)
  if (status === 'draft') {
    throw new AppError('WAVE_NOT_OPEN', {
      waveId,
      waveStatus: status,
      problem: 'a draft has no clock to pause; open it first',
    })
  }
  await runCommand(deps, {}, async (trx) => {
    await lockWave(trx, waveId)
    if (await endOpenInterval(trx, waveId, now)) {
      await auditWave(trx, { wave, actor, now, action: 'wave-paused', detail: {} })
    }
  })
  return getWaveView(deps, waveId)
}

/**
 * Restarts a paused wave's clock, after the same self-check as opening: a
 * wave is paused because registration broke, so it resumes only once a
 * trial registration works again.
 */
export async function resumeWave(
  deps: OpenWaveDeps,
  waveId: string,
  actor: WaveActor,
): Promise<WaveView> {
  const now = deps.clock.now()
  const wave = await requireWave(deps.db, waveId)
  refuseWithdrawn(wave)
  const status = waveStatusOf(wave)
  if (status === 'draft') {
    throw new AppError('WAVE_NOT_OPEN', {
      waveId,
      waveStatus: status,
      problem: 'a draft is opened (with its self-check), not resumed',
    })
  }
  if (status === 'open') return getWaveView(deps, waveId)
  const check = await runSelfCheck(deps, wave, now)
  await runCommand(deps, {}, async (trx) => {
    await lockWave(trx, waveId)
    const current = await findWave(trx, waveId)
    if (!current || waveStatusOf(current) !== 'paused') return
    await startInterval(trx, waveId, now)
    await auditWave(trx, { wave, actor, now, action: 'wave-resumed', detail: { selfCheck: check } })
  })
  return getWaveView(deps, waveId)
}

/**
 * A registration of the first invitee not yet registered, at the exam's
 * earliest free seat, with their code, through the real path, rolled back;
 * once as a booking site would make it, once as support on the phone. It
 * must book at no charge. Throws WAVE_SELF_CHECK_FAILED with the
 * registration's own refusal. On a closed programme the invitee is on the
 * roster for the trial only (opening puts everyone on it).
 */
async function runSelfCheck(
  deps: OpenWaveDeps,
  wave: WaveRecord,
  now: Instant,
  trialOnly = false,
): Promise<SelfCheck> {
  const exam = await getExam(deps, wave.exam)
  const programme = await requireBetaProgramme(deps.db, wave.exam)
  const invitee = await findFirstUnregistered(deps.db, wave.id, wave.exam)
  if (!invitee) {
    return { candidateId: null, slotId: null, channels: [], note: 'every invitee is registered' }
  }
  const code = invitee.voucherCode ?? wave.bearerCode
  // One trial at every provider that delivers the exam and has a seat: an
  // invitation that works at one provider and not the other is not working.
  const slots = await findEarliestFreeSlots(deps.db, exam, now)
  const slotId = slots[0] ?? null
  const failed = (facts: {
    readonly channel?: string
    readonly slotId?: string
    readonly problemCode: string
    readonly problemDetail: string
  }) =>
    new AppError('WAVE_SELF_CHECK_FAILED', {
      waveId: wave.id,
      candidateId: invitee.candidateId,
      slotId,
      ...facts,
    })
  if (slotId === null) {
    throw failed({
      problemCode: 'SEAT_UNAVAILABLE',
      problemDetail: `No slot of ${exam.number} has a free seat${exam.betaPeriod ? ` before the beta ends (${formatInstant(exam.betaPeriod.end)})` : ''}; add slots or seats first.`,
    })
  }
  const source = waveRosterSource(wave.id)
  const addedForTrial = await addForTrial(deps.db, programme, invitee.candidateId, source, now)
  let passed = false
  try {
    for (const trialSlot of slots)
      for (const trial of TRIAL_ACTORS) {
        try {
          const view = await dryRunRegistration(
            deps,
            {
              candidateId: invitee.candidateId,
              exam: wave.exam,
              slotId: trialSlot,
              // The self-check tries the code, not the seat's deadlines.
              acknowledgeDeadlines: true,
              ...(code === null ? {} : { voucherCodes: [formatVoucherCode(code)] }),
            },
            systemActor(`self-check:${wave.id}`, trial.role, trial.channel),
            { waveId: wave.id },
          )
          if (view.price !== null && view.price.dueCents > 0) {
            throw failed({
              channel: trial.channel,
              problemCode: 'CODE_NOT_FREE',
              problemDetail: `The invitation code left ${formatMoney({ currency: view.price.currency, cents: view.price.dueCents })} to pay; an invitation's exam is free.`,
            })
          }
        } catch (error) {
          if (error instanceof AppError && error.code !== 'WAVE_SELF_CHECK_FAILED') {
            throw failed({
              channel: trial.channel,
              slotId: trialSlot,
              problemCode: error.code,
              problemDetail: error.message,
            })
          }
          throw error
        }
      }
    passed = true
  } finally {
    if (addedForTrial && (!passed || trialOnly)) {
      await removeFromRoster(deps.db, wave.exam, invitee.candidateId, source)
    }
  }
  return {
    candidateId: invitee.candidateId,
    slotId,
    channels: TRIAL_ACTORS.map((trial) => trial.channel),
  }
}

/** What a self-check run on its own found: passed, or the registration's refusal and who it was tried for. */
export interface SelfCheckReport {
  readonly waveId: string
  readonly checkedAt: Instant
  readonly passed: boolean
  /** The invitee tried; null when every invitee is registered already. */
  readonly candidateId: string | null
  /** The invitee's name as staff read it. */
  readonly candidateName: string | null
  readonly slotId: string | null
  /** The channel that failed, or null. */
  readonly channel: string | null
  readonly problemCode: string | null
  readonly problemDetail: string | null
  readonly note: string | null
}

/**
 * Runs a wave's self-check without opening it (or, for an open wave,
 * without changing it): the same trial registrations, rolled back, and the
 * roster as it was. A draft is checked before it is opened; an open or
 * paused wave, to see whether registration still works for it.
 */
export async function checkWave(deps: OpenWaveDeps, waveId: string): Promise<SelfCheckReport> {
  const report = await runCheck(deps, waveId)
  const candidate =
    report.candidateId === null ? null : await findCandidate(deps.db, report.candidateId)
  return {
    ...report,
    candidateName: candidate ? `${candidate.firstName} ${candidate.lastName}` : null,
  }
}

async function runCheck(
  deps: OpenWaveDeps,
  waveId: string,
): Promise<Omit<SelfCheckReport, 'candidateName'>> {
  const now = deps.clock.now()
  const wave = await requireWave(deps.db, waveId)
  refuseWithdrawn(wave)
  try {
    const check = await runSelfCheck(deps, wave, now, true)
    return {
      waveId,
      checkedAt: now,
      passed: true,
      candidateId: check.candidateId,
      slotId: check.slotId,
      channel: null,
      problemCode: null,
      problemDetail: null,
      note: check.note ?? null,
    }
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'WAVE_SELF_CHECK_FAILED') throw error
    const facts = error.facts
    const fact = (name: string) =>
      typeof facts[name] === 'string' ? (facts[name] as string) : null
    return {
      waveId,
      checkedAt: now,
      passed: false,
      candidateId: fact('candidateId'),
      slotId: fact('slotId'),
      channel: fact('channel'),
      problemCode: fact('problemCode'),
      problemDetail: fact('problemDetail'),
      note: null,
    }
  }
}

/** A withdrawn wave is never opened, paused, resumed or sent. */
function refuseWithdrawn(wave: WaveRecord): void {
  if (wave.withdrawnAt !== null) {
    throw new AppError('WAVE_WITHDRAWN', {
      waveId: wave.id,
      withdrawnAt: formatInstant(wave.withdrawnAt),
    })
  }
}

/** At each provider that delivers the exam, its earliest slot with a free seat, from now until the beta ends. */
async function findEarliestFreeSlots(db: Kysely<DB>, exam: Exam, now: Instant): Promise<string[]> {
  const providers = await db
    .selectFrom('provider_exams')
    .select('provider_id')
    .where('exam_number', '=', exam.number)
    .orderBy('provider_id')
    .execute()
  const slots: string[] = []
  for (const { provider_id } of providers) {
    const [first] = await searchOpenSlots(db, {
      exam: exam.number,
      providerId: provider_id,
      // A slot starting now is already in the past for a booking.
      from: now + 1,
      to: exam.betaPeriod?.end ?? now + SLOT_HORIZON_MS,
      limit: 1,
    })
    if (first) slots.push(first.slot.id)
  }
  return slots
}

/** Puts the trial's invitee on a closed programme's roster if not on it; says whether it did. */
async function addForTrial(
  db: Kysely<DB>,
  programme: BetaProgramme,
  candidateId: string,
  source: string,
  now: Instant,
): Promise<boolean> {
  if (programme.acceptsNewCandidates) return false
  if (await isOnRoster(db, programme.exam, candidateId)) return false
  await addToRoster(db, programme.exam, [candidateId], source, now)
  return true
}
