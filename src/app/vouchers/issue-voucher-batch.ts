import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { appendAudit } from '../../db/audit-log.js'
import { findCandidate } from '../../db/candidates/candidates.js'
import type { DB } from '../../db/engine/schema.js'
import { isUniqueViolation } from '../../db/engine/unique-violation.js'
import { findOfferVersion, listOfferVersions } from '../../db/vouchers/offers.js'
import { insertVouchers, listBatch, type VoucherRecord } from '../../db/vouchers/vouchers.js'
import { formatInstant, type Instant } from '../../domain/instant.js'
import { findOfferInForce, type OfferVersion, voucherExpiry } from '../../domain/offer.js'
import { formatVoucherCode } from '../../domain/voucher-code.js'
import type { MailSettings } from '../../mail/mail-settings.js'
import { type ActorNames, auditNamesOf } from '../actor.js'
import { refuseUnknownCandidates } from '../candidates/refuse-unknown-candidates.js'
import type { Clock } from '../clock.js'
import { AppError } from '../errors.js'
import { runCommand } from '../run-command.js'
import { newVoucher } from './new-voucher.js'
import { enqueueVoucherMail } from './notify-voucher.js'

export interface IssueVoucherBatchDeps {
  readonly db: Kysely<DB>
  readonly clock: Clock
  readonly mail: MailSettings
}

/** A batch of codes: `count` bearer codes, or one code for each of `candidateIds`, in order. */
export interface IssueVoucherBatchInput {
  readonly offerId: string
  /** Names the batch: the same id again returns the same codes and makes only the missing ones. */
  readonly batchId: string
  readonly count?: number
  readonly candidateIds?: readonly string[]
  /** Who issues (`cli:alice`, a token id): on every code and in the audit trail. */
  readonly issuedBy: string
  /** The issuer's role, channel and names, for the audit trail; by default an admin at the command line. */
  readonly issuedAs?: ActorNames & { readonly role: string; readonly channel: string }
}

/** One code of a batch, as handed out. */
export interface BatchCode {
  /** 1-based. */
  readonly position: number
  /** Grouped for reading: `N95RXK-VNF7BN-8VUGYP`. */
  readonly code: string
  readonly candidateId: string | null
  readonly expiresAt: Instant | null
}

export interface IssuedBatch {
  readonly batchId: string
  readonly offerId: string
  /** The offer version the batch's codes carry. */
  readonly offerVersion: number
  /** Every code of the batch, by position. */
  readonly codes: readonly BatchCode[]
  /** Codes made by this run. */
  readonly issuedNow: number
  /** Codes an earlier run of the same batch had made already. */
  readonly alreadyThere: number
}

/** Rows per transaction: a crash loses at most one chunk, and a chunk's insert stays well under every engine's parameter limit. */
const CHUNK_SIZE = 500
/** A bound on one batch, so that a typo in `count` cannot fill the database. */
const MAX_BATCH_SIZE = 1_000_000
/** Tries of one chunk when a concurrent run of the same batch took some of its positions. */
const CHUNK_TRIES = 3

/**
 * Issues a batch of codes under the offer version in force now, in chunks
 * of 500 per transaction, mailing each candidate code through the outbox in
 * the chunk's transaction. Idempotent by batch id: a re-run returns the codes
 * already made and makes only the missing positions (a crashed run resumes,
 * under the version the batch began with); a batch id used for another offer
 * or other candidates is refused. Every named candidate must exist, or
 * nothing is issued. `onProgress` hears how many of the batch's codes exist.
 */
export async function issueVoucherBatch(
  deps: IssueVoucherBatchDeps,
  input: IssueVoucherBatchInput,
  onProgress?: (done: number, total: number) => void,
): Promise<IssuedBatch> {
  const now = deps.clock.now()
  const plan = planBatch(input)
  const versions = await listOfferVersions(deps.db, input.offerId)
  if (versions.length === 0) {
    throw new AppError('OFFER_NOT_FOUND', { field: 'offerId', offerId: input.offerId })
  }
  if (input.candidateIds) await refuseUnknownCandidates(deps.db, input.candidateIds)

  const codes = new Array<BatchCode | undefined>(plan.total)
  const existing = await listBatch(deps.db, input.batchId)
  refuseMismatch(existing, input, plan)
  for (const record of existing) codes[record.batchPosition! - 1] = toBatchCode(record)
  const alreadyThere = existing.length
  const offer =
    existing.length > 0
      ? await findOfferVersion(deps.db, input.offerId, existing[0]!.offerVersion)
      : findOfferInForce(versions, input.offerId, now)
  if (!offer) {
    throw new AppError('OFFER_NOT_FOUND', { field: 'offerId', offerId: input.offerId })
  }
  // The records are now in `codes`; letting them go keeps a large batch in memory once.
  existing.length = 0

  const missing: number[] = []
  for (let position = 1; position <= plan.total; position++) {
    if (codes[position - 1] === undefined) missing.push(position)
  }
  const expiresAt = voucherExpiry(offer, now)
  if (missing.length > 0 && expiresAt !== null && expiresAt <= now) {
    throw new AppError('OFFER_CLOSED', {
      field: 'offerId',
      offerId: offer.offerId,
      reason: `Codes of ${offer.name} issued now would already have expired (${formatInstant(expiresAt)}); nothing was issued.`,
    })
  }

  onProgress?.(alreadyThere, plan.total)
  let issuedNow = 0
  for (let start = 0; start < missing.length; start += CHUNK_SIZE) {
    const made = await issueChunk(deps, {
      input,
      plan,
      offer,
      positions: missing.slice(start, start + CHUNK_SIZE),
      codes,
      now,
    })
    issuedNow += made
    onProgress?.(alreadyThere + Math.min(start + CHUNK_SIZE, missing.length), plan.total)
  }
  return {
    batchId: input.batchId,
    offerId: offer.offerId,
    offerVersion: offer.version,
    codes: codes as BatchCode[],
    issuedNow,
    // Includes codes a concurrent run of the same batch made meanwhile.
    alreadyThere: plan.total - issuedNow,
  }
}

interface BatchPlan {
  readonly total: number
  /** The candidate the code at a 1-based position is for; null for a bearer code. */
  candidateAt(position: number): string | null
}

/** The batch's size and holders, or a refusal naming the field at fault. */
function planBatch(input: IssueVoucherBatchInput): BatchPlan {
  const invalid = (field: string, problem: string) =>
    new AppError('VALIDATION_FAILED', { field, problem })
  if (input.batchId.trim() === '' || input.batchId.length > 100) {
    throw invalid('batchId', 'give a batch id of 1 to 100 characters')
  }
  const { count, candidateIds } = input
  if ((count === undefined) === (candidateIds === undefined)) {
    throw invalid('count', 'give either a count of codes or a list of candidates, not both')
  }
  if (candidateIds === undefined) {
    if (!Number.isSafeInteger(count) || count! < 1 || count! > MAX_BATCH_SIZE) {
      throw invalid('count', `must be a whole number from 1 to ${MAX_BATCH_SIZE}`)
    }
    return { total: count!, candidateAt: () => null }
  }
  if (candidateIds.length === 0 || candidateIds.length > MAX_BATCH_SIZE) {
    throw invalid('candidateIds', `name 1 to ${MAX_BATCH_SIZE} candidates`)
  }
  const firstAt = new Map<string, number>()
  for (const [index, id] of candidateIds.entries()) {
    if (id.trim() === '') throw invalid('candidateIds', `position ${index + 1} is empty`)
    const earlier = firstAt.get(id)
    // Twice the same candidate is far more often a pasted line than a wish for two codes.
    if (earlier !== undefined) {
      throw invalid(
        'candidateIds',
        `${id} is listed twice (positions ${earlier} and ${index + 1}); list each candidate once`,
      )
    }
    firstAt.set(id, index + 1)
  }
  return { total: candidateIds.length, candidateAt: (position) => candidateIds[position - 1]! }
}

/** A batch id already used differently: another offer, other holders, or more codes than asked for. */
function refuseMismatch(
  rows: readonly VoucherRecord[],
  input: IssueVoucherBatchInput,
  plan: BatchPlan,
): void {
  for (const row of rows) {
    const position = row.batchPosition ?? 0
    const problem =
      row.offerId !== input.offerId
        ? `it was made for offer ${row.offerId}`
        : position < 1 || position > plan.total
          ? `it already has a code at position ${position}, past the ${plan.total} asked for`
          : row.candidateId !== plan.candidateAt(position)
            ? `its code at position ${position} is for ${row.candidateId ?? 'no candidate (a bearer code)'}, not ${plan.candidateAt(position) ?? 'no candidate (a bearer code)'}`
            : null
    if (problem !== null) {
      throw new AppError('VOUCHER_BATCH_MISMATCH', {
        field: 'batchId',
        batchId: input.batchId,
        problem,
      })
    }
  }
}

/**
 * Makes the codes at `positions` in one transaction: the vouchers, a mail
 * for each candidate's code, and the audit entries; fills `codes` in.
 * Returns how many it made. A concurrent run of the same batch that took a
 * position first breaks the unique index: the chunk then takes that run's
 * codes and makes only what is still missing.
 */
async function issueChunk(
  deps: IssueVoucherBatchDeps,
  chunk: {
    readonly input: IssueVoucherBatchInput
    readonly plan: BatchPlan
    readonly offer: OfferVersion
    readonly positions: readonly number[]
    /** Filled in, by position. */
    readonly codes: (BatchCode | undefined)[]
    readonly now: Instant
  },
): Promise<number> {
  const { input, plan, offer, positions, codes, now } = chunk
  let wanted = positions
  for (let attempt = 1; ; attempt++) {
    try {
      const made = await runCommand(deps, {}, async (trx) => {
        const vouchers = wanted.map((position) =>
          newVoucher(
            offer,
            {
              candidateId: plan.candidateAt(position),
              issuedBy: input.issuedBy,
              batchId: input.batchId,
              batchPosition: position,
            },
            now,
          ),
        )
        await insertVouchers(trx, vouchers)
        await recordChunk(trx, deps.mail, { input, offer, vouchers, now })
        return vouchers
      })
      for (const voucher of made) codes[voucher.batchPosition! - 1] = toBatchCode(voucher)
      return made.length
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= CHUNK_TRIES) throw error
      const rows = await listBatch(deps.db, input.batchId)
      refuseMismatch(rows, input, plan)
      const taken = new Set<number>()
      for (const row of rows) {
        const position = row.batchPosition!
        if (!wanted.includes(position)) continue
        codes[position - 1] = toBatchCode(row)
        taken.add(position)
      }
      wanted = wanted.filter((position) => !taken.has(position))
      if (wanted.length === 0) return 0
    }
  }
}

/** The chunk's mails and audit: one entry for the batch, one in each candidate's trail. */
async function recordChunk(
  trx: Kysely<DB>,
  mail: MailSettings,
  chunk: {
    readonly input: IssueVoucherBatchInput
    readonly offer: OfferVersion
    readonly vouchers: readonly VoucherRecord[]
    readonly now: Instant
  },
): Promise<void> {
  const { input, offer, vouchers, now } = chunk
  const actor = {
    actorId: input.issuedBy,
    actorRole: input.issuedAs?.role ?? 'admin',
    channel: input.issuedAs?.channel ?? 'cli',
    ...auditNamesOf(input.issuedAs),
  }
  for (const voucher of vouchers) {
    if (voucher.candidateId === null) continue
    const candidate = await findCandidate(trx, voucher.candidateId)
    // Checked before the first chunk; candidates are never deleted.
    if (!candidate) throw new Error(`candidate ${voucher.candidateId} vanished mid-batch`)
    await enqueueVoucherMail(trx, mail, { voucher, offer, candidate, now })
    await appendAudit(trx, {
      id: uuidv7(),
      at: now,
      ...actor,
      candidateId: candidate.id,
      subjectType: 'voucher',
      subjectId: voucher.code,
      action: 'voucher-issued',
      detail: {
        offerId: offer.offerId,
        offerVersion: offer.version,
        batchId: input.batchId,
        position: voucher.batchPosition,
      },
    })
  }
  await appendAudit(trx, {
    id: uuidv7(),
    at: now,
    ...actor,
    candidateId: null,
    subjectType: 'voucher-batch',
    subjectId: input.batchId,
    action: 'vouchers-issued',
    detail: {
      offerId: offer.offerId,
      offerVersion: offer.version,
      issued: vouchers.length,
      positions: describePositions(vouchers.map((voucher) => voucher.batchPosition!)),
    },
  })
}

/** Ascending positions as ranges: `1-500`, or `3,7-9` for a resumed chunk. */
function describePositions(positions: readonly number[]): string {
  const ranges: string[] = []
  let from = positions[0]!
  let to = from
  for (const position of positions.slice(1)) {
    if (position === to + 1) {
      to = position
      continue
    }
    ranges.push(from === to ? `${from}` : `${from}-${to}`)
    from = position
    to = position
  }
  if (positions.length > 0) ranges.push(from === to ? `${from}` : `${from}-${to}`)
  return ranges.join(',')
}

function toBatchCode(record: VoucherRecord): BatchCode {
  return {
    position: record.batchPosition!,
    code: formatVoucherCode(record.code),
    candidateId: record.candidateId,
    expiresAt: record.expiresAt,
  }
}
