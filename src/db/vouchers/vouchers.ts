import { type Kysely, sql } from 'kysely'
import type { ExamNumber } from '../../domain/exam-number.js'
import type { Instant } from '../../domain/instant.js'
import { useStateOf, type VoucherUse, type VoucherUseKind } from '../../domain/voucher.js'
import {
  readInstant,
  readOptionalInstant,
  writeInstant,
  writeOptionalInstant,
} from '../engine/columns.js'
import type { Paging } from '../engine/paging.js'
import { reusableInsert, reusableQuery, reusableStatement } from '../engine/reusable-query.js'
import type { DB } from '../engine/schema.js'

/** A code as stored: its offer version, holder, dates, and where it came from. */
export interface VoucherRecord {
  readonly code: string
  readonly offerId: string
  readonly offerVersion: number
  readonly candidateId: string | null
  readonly issuedAt: Instant
  readonly expiresAt: Instant | null
  readonly issuedBy: string
  readonly batchId: string | null
  readonly batchPosition: number | null
  readonly rewardForExam: ExamNumber | null
  /** Bumped by every use and return: see `claimVoucher`. */
  readonly version: number
  /** Counted uses not given back (see `takeCountedUse`); 0 for a new code. */
  readonly usesTaken?: number
  /** When the code was withdrawn, if it was. */
  readonly voidedAt?: Instant | null
}

export async function insertVoucher(db: Kysely<DB>, voucher: VoucherRecord): Promise<void> {
  await db.insertInto('vouchers').values(toRow(voucher)).execute()
}

export async function insertVouchers(
  db: Kysely<DB>,
  vouchers: readonly VoucherRecord[],
): Promise<void> {
  if (vouchers.length > 0) await db.insertInto('vouchers').values(vouchers.map(toRow)).execute()
}

function toRow(voucher: VoucherRecord) {
  return {
    code: voucher.code,
    offer_id: voucher.offerId,
    offer_version: voucher.offerVersion,
    candidate_id: voucher.candidateId,
    issued_at: writeInstant(voucher.issuedAt),
    expires_at: writeOptionalInstant(voucher.expiresAt),
    issued_by: voucher.issuedBy,
    batch_id: voucher.batchId,
    batch_position: voucher.batchPosition,
    reward_for_exam: voucher.rewardForExam,
    version: voucher.version,
  }
}

export async function findVoucher(db: Kysely<DB>, code: string): Promise<VoucherRecord | null> {
  const [row] = await voucherByCode(db, code)
  return row ? toRecord(row) : null
}

// The statements a registration with a code runs are compiled once (see reusableQuery).
const voucherByCode = reusableQuery((db, code: string) =>
  db.selectFrom('vouchers').selectAll().where('code', '=', code),
)

/** The candidate's codes, newest first. */
export async function listVouchersOfCandidate(
  db: Kysely<DB>,
  candidateId: string,
): Promise<VoucherRecord[]> {
  const rows = await vouchersOfCandidate(db, candidateId)
  return rows.map(toRecord)
}

const vouchersOfCandidate = reusableQuery((db, candidateId: string) =>
  db
    .selectFrom('vouchers')
    .selectAll()
    .where('candidate_id', '=', candidateId)
    .orderBy('issued_at', 'desc')
    .orderBy('code'),
)

/** A page of the candidate's codes, newest first, and how many they hold in all. */
export async function pageVouchersOfCandidate(
  db: Kysely<DB>,
  candidateId: string,
  paging: Paging,
): Promise<{ readonly records: VoucherRecord[]; readonly total: number }> {
  const [rows, count] = await Promise.all([
    db
      .selectFrom('vouchers')
      .selectAll()
      .where('candidate_id', '=', candidateId)
      .orderBy('issued_at', 'desc')
      .orderBy('code')
      .limit(paging.limit)
      .offset(paging.offset)
      .execute(),
    db
      .selectFrom('vouchers')
      .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
      .where('candidate_id', '=', candidateId)
      .executeTakeFirstOrThrow(),
  ])
  return { records: rows.map(toRecord), total: Number(count.n) }
}

/** The codes a batch made so far, by position. */
export async function listBatch(db: Kysely<DB>, batchId: string): Promise<VoucherRecord[]> {
  const rows = await db
    .selectFrom('vouchers')
    .selectAll()
    .where('batch_id', '=', batchId)
    .orderBy('batch_position')
    .execute()
  return rows.map(toRecord)
}

/** The reward already issued to the candidate for a beta exam, if any. */
export async function findReward(
  db: Kysely<DB>,
  offerId: string,
  candidateId: string,
  exam: ExamNumber,
): Promise<VoucherRecord | null> {
  const row = await db
    .selectFrom('vouchers')
    .selectAll()
    .where('offer_id', '=', offerId)
    .where('candidate_id', '=', candidateId)
    .where('reward_for_exam', '=', exam)
    .executeTakeFirst()
  return row ? toRecord(row) : null
}

function toRecord(row: {
  code: string
  offer_id: string
  offer_version: number
  candidate_id: string | null
  issued_at: string | Date
  expires_at: string | Date | null
  issued_by: string
  batch_id: string | null
  batch_position: number | null
  reward_for_exam: string | null
  version: number
  uses_taken: number
  voided_at: string | Date | null
}): VoucherRecord {
  return {
    code: row.code,
    offerId: row.offer_id,
    offerVersion: row.offer_version,
    candidateId: row.candidate_id,
    issuedAt: readInstant(row.issued_at),
    expiresAt: readOptionalInstant(row.expires_at),
    issuedBy: row.issued_by,
    batchId: row.batch_id,
    batchPosition: row.batch_position,
    rewardForExam: row.reward_for_exam,
    version: row.version,
    usesTaken: Number(row.uses_taken),
    voidedAt: readOptionalInstant(row.voided_at),
  }
}

/**
 * Moves the code from the version that was judged to the next one. False
 * when another transaction used or returned the code meanwhile: the judgement
 * is stale, and the caller must not write its use.
 */
export async function claimVoucher(
  db: Kysely<DB>,
  code: string,
  judgedVersion: number,
): Promise<boolean> {
  const result = await nextVersion(db, code, judgedVersion)
  return (result.numAffectedRows ?? 0n) > 0n
}

const nextVersion = reusableStatement((db, code: string, judgedVersion: number) =>
  db
    .updateTable('vouchers')
    .set({ version: sql`version + 1` })
    .where('code', '=', code)
    .where('version', '=', judgedVersion),
)

/**
 * Takes one counted use of the code if one is left. The condition is in the
 * UPDATE, so registrations racing for a many-use code each get a use while
 * any is left, and never more than `limit` are taken; on PostgreSQL a
 * registration waiting for the row lock finds the count its predecessor
 * committed and takes the next use. Taken late in the registration's
 * transaction: the row is locked from here to the commit.
 */
export async function takeCountedUse(
  db: Kysely<DB>,
  code: string,
  limit: number,
): Promise<boolean> {
  const result = await countUse(db, code, limit)
  return (result.numAffectedRows ?? 0n) > 0n
}

const countUse = reusableStatement((db, code: string, limit: number) =>
  db
    .updateTable('vouchers')
    .set({ uses_taken: sql`uses_taken + 1` })
    .where('code', '=', code)
    .where('uses_taken', '<', limit),
)

/** Gives a counted use back (a cancellation that returns it). */
export async function returnCountedUse(db: Kysely<DB>, code: string): Promise<void> {
  await db
    .updateTable('vouchers')
    .set({ uses_taken: sql`uses_taken - 1` })
    .where('code', '=', code)
    .where('uses_taken', '>', 0)
    .execute()
}

/** Voids the codes not voided yet; returns how many it voided. */
export async function voidVouchers(
  db: Kysely<DB>,
  codes: { readonly batchId: string } | { readonly code: string },
  at: Instant,
): Promise<number> {
  const result = await db
    .updateTable('vouchers')
    .set({ voided_at: writeInstant(at) })
    .$if('batchId' in codes, (qb) =>
      qb.where('batch_id', '=', (codes as { batchId: string }).batchId),
    )
    .$if('code' in codes, (qb) => qb.where('code', '=', (codes as { code: string }).code))
    .where('voided_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

export interface NewVoucherUse {
  readonly id: string
  readonly code: string
  readonly registrationId: string
  readonly exam: ExamNumber
  readonly kind: VoucherUseKind
  /** The benefit the use fills; one live use per code and slot. */
  readonly slot: string
  readonly usedAt: Instant
}

export async function insertVoucherUse(db: Kysely<DB>, use: NewVoucherUse): Promise<void> {
  await insertUseRow(db, {
    id: use.id,
    voucher_code: use.code,
    registration_id: use.registrationId,
    exam_number: use.exam,
    kind: use.kind,
    slot: use.slot,
    used_at: writeInstant(use.usedAt),
    returned_at: null,
  })
}

const insertUseRow = reusableInsert('voucher_uses')

/** The uses of a code not given back, with where each registration stands, oldest first. */
export async function listVoucherUses(db: Kysely<DB>, code: string): Promise<VoucherUse[]> {
  const rows = await liveUsesOfCode(db, code)
  return rows.map((row) => ({
    registrationId: row.registration_id,
    exam: row.exam_number,
    kind: row.kind,
    startsAt: readInstant(row.starts_at),
    state: useStateOf(row.status, row.outcome),
    takenAt: readOptionalInstant(row.taken_at),
    slot: row.slot,
  }))
}

const liveUsesOfCode = reusableQuery((db, code: string) =>
  db
    .selectFrom('voucher_uses')
    .innerJoin('registrations', 'registrations.id', 'voucher_uses.registration_id')
    .innerJoin('slots', 'slots.id', 'registrations.slot_id')
    .leftJoin('attempts', 'attempts.id', 'registrations.attempt_id')
    .select([
      'voucher_uses.registration_id',
      'voucher_uses.exam_number',
      'voucher_uses.kind',
      'voucher_uses.slot',
      'registrations.status',
      'slots.starts_at',
      'attempts.outcome',
      'attempts.taken_at',
    ])
    .where('voucher_uses.voucher_code', '=', code)
    .where('voucher_uses.returned_at', 'is', null)
    .orderBy('voucher_uses.used_at')
    .orderBy('voucher_uses.id'),
)

/** A use of a code that a cancellation gave back: it no longer counts, and is kept for the record. */
export interface ReturnedVoucherUse {
  readonly registrationId: string
  readonly exam: ExamNumber
  readonly kind: VoucherUseKind
  readonly usedAt: Instant
  readonly returnedAt: Instant
}

/**
 * `listVoucherUses` for many codes at once, in one statement, with the uses
 * given back beside the live ones, by code.
 */
export async function listUsesOfVouchers(
  db: Kysely<DB>,
  codes: readonly string[],
): Promise<Map<string, { live: VoucherUse[]; returned: ReturnedVoucherUse[] }>> {
  const byCode = new Map(
    codes.map((code) => [code, { live: [] as VoucherUse[], returned: [] as ReturnedVoucherUse[] }]),
  )
  if (codes.length === 0) return byCode
  const rows = await db
    .selectFrom('voucher_uses')
    .innerJoin('registrations', 'registrations.id', 'voucher_uses.registration_id')
    .innerJoin('slots', 'slots.id', 'registrations.slot_id')
    .leftJoin('attempts', 'attempts.id', 'registrations.attempt_id')
    .select([
      'voucher_uses.voucher_code',
      'voucher_uses.registration_id',
      'voucher_uses.exam_number',
      'voucher_uses.kind',
      'voucher_uses.slot',
      'voucher_uses.used_at',
      'voucher_uses.returned_at',
      'registrations.status',
      'slots.starts_at',
      'attempts.outcome',
      'attempts.taken_at',
    ])
    .where('voucher_uses.voucher_code', 'in', codes)
    .orderBy('voucher_uses.used_at')
    .orderBy('voucher_uses.id')
    .execute()
  for (const row of rows) {
    const uses = byCode.get(row.voucher_code)
    if (!uses) continue
    if (row.returned_at === null)
      uses.live.push({
        registrationId: row.registration_id,
        exam: row.exam_number,
        kind: row.kind,
        startsAt: readInstant(row.starts_at),
        state: useStateOf(row.status, row.outcome),
        takenAt: readOptionalInstant(row.taken_at),
        slot: row.slot,
      })
    else
      uses.returned.push({
        registrationId: row.registration_id,
        exam: row.exam_number,
        kind: row.kind,
        usedAt: readInstant(row.used_at),
        returnedAt: readInstant(row.returned_at),
      })
  }
  return byCode
}

/** The live uses a registration made, with their codes. */
export async function listUsesOfRegistration(
  db: Kysely<DB>,
  registrationId: string,
): Promise<{ id: string; code: string; kind: VoucherUseKind; slot: string }[]> {
  return db
    .selectFrom('voucher_uses')
    .select(['id', 'voucher_code as code', 'kind', 'slot'])
    .where('registration_id', '=', registrationId)
    .where('returned_at', 'is', null)
    .orderBy('id')
    .execute()
}

/** Gives a use back: its slot is free again; the row stays for the record. */
export async function returnVoucherUse(db: Kysely<DB>, useId: string, at: Instant): Promise<void> {
  await db
    .updateTable('voucher_uses')
    .set({ returned_at: writeInstant(at) })
    .where('id', '=', useId)
    .where('returned_at', 'is', null)
    .execute()
}
