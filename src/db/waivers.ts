import type { Kysely } from 'kysely'
import type { ExamNumber } from '../domain/exam-number.js'
import type { Waiver } from '../domain/waiver.js'
import { readFlag, readInstant, writeFlag, writeInstant } from './columns.js'
import { reusableQuery } from './reusable-query.js'
import type { DB } from './schema.js'

/** A waiver to store, granted to one candidate. */
export interface NewWaiver extends Waiver {
  readonly candidateId: string
  /** Why it was granted, for the audit trail. */
  readonly note: string
}

/** Stores a waiver, not yet used. */
export async function insertWaiver(db: Kysely<DB>, waiver: NewWaiver): Promise<void> {
  await db
    .insertInto('waivers')
    .values({
      id: waiver.id,
      candidate_id: waiver.candidateId,
      exam_number: waiver.exam,
      waives_wait: writeFlag(waiver.waivesWait),
      waives_limit: writeFlag(waiver.waivesLimit),
      granted_at: writeInstant(waiver.grantedAt),
      note: waiver.note,
      used_by_attempt_id: null,
      held_by_registration_id: null,
    })
    .execute()
}

/** The candidate's unused waivers for one exam, oldest first. */
export async function listOpenWaivers(
  db: Kysely<DB>,
  candidateId: string,
  exam: ExamNumber,
): Promise<Waiver[]> {
  const rows = await openWaivers(db, candidateId, exam)
  return rows.map((row) => ({
    id: row.id,
    exam: row.exam_number,
    waivesWait: readFlag(row.waives_wait),
    waivesLimit: readFlag(row.waives_limit),
    grantedAt: readInstant(row.granted_at),
  }))
}

const openWaivers = reusableQuery((db, candidateId: string, exam: ExamNumber) =>
  db
    .selectFrom('waivers')
    .select(['id', 'exam_number', 'waives_wait', 'waives_limit', 'granted_at'])
    .where('candidate_id', '=', candidateId)
    .where('exam_number', '=', exam)
    .where('used_by_attempt_id', 'is', null)
    .where('held_by_registration_id', 'is', null)
    .orderBy('granted_at')
    .orderBy('id'),
)

/**
 * Uses a waiver up for an attempt. Conditional on it being unused, so that of
 * two concurrent uses only one succeeds; false when it was already used (or
 * does not exist).
 */
export async function markWaiverUsed(
  db: Kysely<DB>,
  waiverId: string,
  attemptId: string,
): Promise<boolean> {
  const result = await db
    .updateTable('waivers')
    .set({ used_by_attempt_id: attemptId })
    .where('id', '=', waiverId)
    .where('used_by_attempt_id', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Holds a waiver for a booking that relies on it; false when another booking or attempt has it. */
export async function holdWaiver(
  db: Kysely<DB>,
  waiverId: string,
  registrationId: string,
): Promise<boolean> {
  const result = await db
    .updateTable('waivers')
    .set({ held_by_registration_id: registrationId })
    .where('id', '=', waiverId)
    .where('used_by_attempt_id', 'is', null)
    .where('held_by_registration_id', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Gives back a waiver a cancelled booking held. */
export async function releaseWaiver(
  db: Kysely<DB>,
  waiverId: string,
  registrationId: string,
): Promise<void> {
  await db
    .updateTable('waivers')
    .set({ held_by_registration_id: null })
    .where('id', '=', waiverId)
    .where('held_by_registration_id', '=', registrationId)
    .executeTakeFirst()
}

/** The waivers a booking holds (normally none or one). */
export async function listWaiversHeldBy(db: Kysely<DB>, registrationId: string): Promise<Waiver[]> {
  const rows = await db
    .selectFrom('waivers')
    .select(['id', 'exam_number', 'waives_wait', 'waives_limit', 'granted_at'])
    .where('held_by_registration_id', '=', registrationId)
    .execute()
  return rows.map((row) => ({
    id: row.id,
    exam: row.exam_number,
    waivesWait: readFlag(row.waives_wait),
    waivesLimit: readFlag(row.waives_limit),
    grantedAt: readInstant(row.granted_at),
  }))
}
