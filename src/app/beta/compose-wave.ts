import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { audienceQuery, countAudience, listInvitableChunk } from '../../db/beta/wave-audiences.js'
import { insertInvitations, readmitCancelled } from '../../db/beta/wave-invitations.js'
import { completeWave, insertWave, nextWavePosition } from '../../db/beta/waves.js'
import type { DB } from '../../db/engine/schema.js'
import { insertOfferVersion, listOfferVersions } from '../../db/vouchers/offers.js'
import { insertVouchers, type VoucherRecord } from '../../db/vouchers/vouchers.js'
import type { Exam } from '../../domain/exam.js'
import type { Instant } from '../../domain/instant.js'
import {
  DEFAULT_HOURS_AFTER_PREVIOUS,
  WAVE_AUDIENCES,
  WAVE_CODE_MODES,
  type WaveAudience,
  type WaveCodeMode,
} from '../../domain/invitation-wave.js'
import { findOfferInForce, INVITATION_OFFER_ID, type OfferVersion } from '../../domain/offer.js'
import { AUDIENCE_RULES } from '../../domain/wave-audience.js'
import type { WaveActor } from '../actor.js'
import { refuseUnknownCandidates } from '../candidates/refuse-unknown-candidates.js'
import { getExam } from '../catalogue/get-exam.js'
import type { Clock } from '../clock.js'
import { AppError } from '../errors.js'
import { runCommand } from '../run-command.js'
import { newVoucher } from '../vouchers/new-voucher.js'
import { auditWave } from './audit-wave.js'
import { getWaveView, type WaveView } from './get-wave.js'
import { requireBetaProgramme } from './require-beta-programme.js'

export interface ComposeWaveInput {
  readonly name: string
  readonly audience: WaveAudience
  readonly codeMode: WaveCodeMode
  /** Hours of the previous wave's open time before this one may open (default 72). */
  readonly hoursAfterPrevious?: number
  /** The invitees of a `list` wave. */
  readonly candidateIds?: readonly string[]
}

export interface ComposeWaveDeps {
  readonly db: Kysely<DB>
  readonly clock: Clock
}

/** The batch of a `single-use` wave's codes, one per invitee by position. */
export function waveCodeBatchId(waveId: string): string {
  return `wave:${waveId}`
}

/** Candidates read, and invitations and codes written, per statement. */
const CHUNK_SIZE = 1000
/** More than any beta ever invited; a typo cannot fill the database. */
const MAX_WAVE_SIZE = 1_000_000
export const MAX_HOURS_AFTER_PREVIOUS = 24 * 366

/**
 * Composes the exam's next invitation wave, in one transaction: who it
 * invites (its audience, less anyone invited by an earlier wave of the exam,
 * anyone already registered, and anyone in a restricted country), and the
 * code each invitee will use. The candidates are read and written in chunks,
 * so a wave of any size streams through memory. Nobody is mailed or put on
 * the roster yet: that happens when the wave opens and is sent.
 */
export async function composeWave(
  deps: ComposeWaveDeps,
  examText: string,
  input: ComposeWaveInput,
  actor: WaveActor,
): Promise<WaveView> {
  const now = deps.clock.now()
  const checked = checkInput(input)
  const exam = await getExam(deps, examText)
  const waveId = uuidv7()
  await writeWave(deps, { exam, waveId, checked, input, actor, now })
  return getWaveView(deps, waveId)
}

/** Tables whose unique indexes two waves composed at once can both reach. */
const WAVE_TABLES = ['invitation_waves', 'wave_invitations', 'offers'] as const

async function writeWave(
  deps: ComposeWaveDeps,
  wave: {
    readonly exam: Exam
    readonly waveId: string
    readonly checked: ReturnType<typeof checkInput>
    readonly input: ComposeWaveInput
    readonly actor: WaveActor
    readonly now: Instant
  },
): Promise<void> {
  const { exam, waveId, checked, input, actor, now } = wave
  // Another wave of the exam composed at the same moment took the position
  // (or the same invitees) first: this one is not made.
  const conflict = () => new AppError('WAVE_CONFLICT', { exam: exam.number })
  const onConflict = Object.fromEntries(WAVE_TABLES.map((table) => [table, conflict]))
  await runCommand(deps, { onConflict }, async (trx) => {
    const programme = await requireBetaProgramme(trx, exam.number)
    const template = findOfferInForce(
      await listOfferVersions(trx, INVITATION_OFFER_ID),
      INVITATION_OFFER_ID,
      now,
    )
    if (!template) {
      throw new AppError('OFFER_NOT_FOUND', { field: 'codeMode', offerId: INVITATION_OFFER_ID })
    }
    if (checked.candidateIds) await refuseUnknownCandidates(trx, checked.candidateIds)
    const position = await nextWavePosition(trx, exam.number)
    await insertWave(trx, {
      id: waveId,
      exam: exam.number,
      position,
      name: checked.name,
      audience: input.audience,
      codeMode: input.codeMode,
      hoursAfterPrevious: checked.hoursAfterPrevious,
      offerId: template.offerId,
      offerVersion: template.version,
      bearerCode: null,
      invited: 0,
      createdAt: now,
      createdBy: actor.id,
    })

    const invited = await inviteAudience(trx, {
      exam,
      waveId,
      audience: input.audience,
      codeMode: input.codeMode,
      candidateIds: checked.candidateIds,
      restrictedCountries: programme.restrictedCountries,
      template,
      actor,
      now,
    })
    const bearer =
      input.codeMode === 'per-wave'
        ? await issueBearerCode(trx, {
            template,
            exam,
            position,
            name: checked.name,
            invited,
            actor,
            now,
          })
        : null
    await completeWave(trx, waveId, invited, bearer)
    // The audience rule says whether a cancelled registration for the beta stops counting as the one allowed.
    const rule = input.audience === 'list' ? null : AUDIENCE_RULES[input.audience]
    const readmitted = rule?.readmitsCancelled
      ? await readmitCancelled(trx, waveId, exam.number)
      : []
    await auditWave(trx, {
      wave: { id: waveId, exam: exam.number, position },
      actor,
      now,
      action: 'wave-composed',
      detail: {
        name: checked.name,
        audience: input.audience,
        codeMode: input.codeMode,
        hoursAfterPrevious: checked.hoursAfterPrevious,
        invited,
        offerId: bearer?.offerId ?? template.offerId,
        offerVersion: bearer?.offerVersion ?? template.version,
        // Their cancelled registration no longer counts as their one registration for the beta.
        readmitted,
      },
    })
  })
}

/**
 * Invites the wave's audience chunk by chunk, each chunk's codes (for a
 * `single-use` wave) and invitations written together; how many it invited.
 * A wave that would invite nobody, or more than anyone could, is refused.
 */
async function inviteAudience(
  trx: Kysely<DB>,
  wave: {
    readonly exam: Exam
    readonly waveId: string
    readonly audience: WaveAudience
    readonly codeMode: WaveCodeMode
    /** The invitees of a `list` wave; null for the others. */
    readonly candidateIds: readonly string[] | null
    readonly restrictedCountries: readonly string[]
    readonly template: OfferVersion
    readonly actor: WaveActor
    readonly now: Instant
  },
): Promise<number> {
  const { exam, audience, restrictedCountries } = wave
  const rule = audience === 'list' ? null : AUDIENCE_RULES[audience]
  const base = rule ? audienceQuery(trx, { exam: exam.number, liveExam: exam.betaOf }, rule) : null
  let invited = 0
  let after: string | null = null
  const listed = wave.candidateIds ? [...wave.candidateIds].sort() : null
  for (let start = 0; ; start += CHUNK_SIZE) {
    let ids: string[]
    if (listed) {
      const part = listed.slice(start, start + CHUNK_SIZE)
      if (part.length === 0) break
      ids = await listInvitableChunk(trx, {
        exam: exam.number,
        restrictedCountries,
        base: part,
        after: null,
        limit: CHUNK_SIZE,
        readmitCancelled: false,
      })
    } else {
      ids = await listInvitableChunk(trx, {
        exam: exam.number,
        restrictedCountries,
        base: base!,
        after,
        limit: CHUNK_SIZE,
        readmitCancelled: rule?.readmitsCancelled ?? false,
      })
      if (ids.length === 0) break
      after = ids.at(-1)!
    }
    if (invited + ids.length > MAX_WAVE_SIZE) {
      throw new AppError('VALIDATION_FAILED', {
        field: 'audience',
        problem: `a wave invites at most ${MAX_WAVE_SIZE} candidates`,
      })
    }
    await writeInvitations(trx, wave, ids, invited)
    invited += ids.length
  }
  if (invited === 0) {
    throw new AppError('WAVE_EMPTY', {
      field: 'audience',
      audience,
      candidates: listed ? listed.length : await countAudience(trx, base!),
    })
  }
  return invited
}

/** One chunk's invitations, numbered after the `invitedBefore` already written, and their codes. */
async function writeInvitations(
  trx: Kysely<DB>,
  wave: Parameters<typeof inviteAudience>[1],
  candidateIds: readonly string[],
  invitedBefore: number,
): Promise<void> {
  const { exam, waveId, template, actor, now } = wave
  const vouchers: VoucherRecord[] =
    wave.codeMode === 'single-use'
      ? candidateIds.map((candidateId, i) =>
          newVoucher(
            template,
            {
              candidateId,
              issuedBy: actor.id,
              batchId: waveCodeBatchId(waveId),
              batchPosition: invitedBefore + i + 1,
            },
            now,
          ),
        )
      : []
  await insertVouchers(trx, vouchers)
  await insertInvitations(
    trx,
    candidateIds.map((candidateId, i) => ({
      waveId,
      position: invitedBefore + i + 1,
      exam: exam.number,
      candidateId,
      voucherCode: vouchers[i]?.code ?? null,
      createdAt: now,
    })),
  )
}

/**
 * A `per-wave` code: a new offer version for this wave alone, the invitation
 * offer's terms narrowed to this exam and to the beta period, good for as
 * many registrations as the wave has invitees, and one bearer code under it.
 */
async function issueBearerCode(
  trx: Kysely<DB>,
  wave: {
    readonly template: OfferVersion
    readonly exam: Exam
    readonly position: number
    readonly name: string
    readonly invited: number
    readonly actor: WaveActor
    readonly now: Instant
  },
): Promise<{ code: string; offerId: string; offerVersion: number }> {
  const { template, exam, position, name, invited, actor, now } = wave
  const offer: OfferVersion = {
    ...template,
    offerId: `wave-${exam.number}-${position}`,
    version: 1,
    name: `${exam.number} beta invitation, wave ${position} (${name})`.slice(0, 200),
    effectiveFrom: now,
    enrolment: null,
    useBefore: exam.betaPeriod?.end ?? template.useBefore,
    exams: { families: [], prefixes: [], numbers: [exam.number], priceClasses: [] },
    usesPerCode: invited,
  }
  await insertOfferVersion(trx, offer, now)
  const voucher = newVoucher(offer, { candidateId: null, issuedBy: actor.id }, now)
  await insertVouchers(trx, [voucher])
  return { code: voucher.code, offerId: offer.offerId, offerVersion: offer.version }
}

function checkInput(input: ComposeWaveInput) {
  const invalid = (field: string, problem: string) =>
    new AppError('VALIDATION_FAILED', { field, problem })
  const name = input.name.trim()
  if (name === '' || name.length > 100) throw invalid('name', 'give a name of 1 to 100 characters')
  if (!WAVE_AUDIENCES.includes(input.audience)) {
    throw invalid('audience', `must be one of ${WAVE_AUDIENCES.join(', ')}`)
  }
  if (!WAVE_CODE_MODES.includes(input.codeMode)) {
    throw invalid('codeMode', `must be one of ${WAVE_CODE_MODES.join(', ')}`)
  }
  const hoursAfterPrevious = input.hoursAfterPrevious ?? DEFAULT_HOURS_AFTER_PREVIOUS
  if (
    !Number.isSafeInteger(hoursAfterPrevious) ||
    hoursAfterPrevious < 0 ||
    hoursAfterPrevious > MAX_HOURS_AFTER_PREVIOUS
  ) {
    throw invalid(
      'hoursAfterPrevious',
      `must be a whole number of hours from 0 to ${MAX_HOURS_AFTER_PREVIOUS}`,
    )
  }
  let candidateIds: readonly string[] | null = null
  if (input.audience === 'list') {
    const ids = input.candidateIds ?? []
    if (ids.length === 0 || ids.length > MAX_WAVE_SIZE) {
      throw invalid('candidateIds', `a list wave names 1 to ${MAX_WAVE_SIZE} candidates`)
    }
    candidateIds = [...new Set(ids)]
  } else if (input.candidateIds !== undefined) {
    throw invalid('candidateIds', `only a list wave names its candidates, not ${input.audience}`)
  }
  return { name, hoursAfterPrevious, candidateIds }
}
