import { type Kysely, sql } from 'kysely'
import type { Attempt, AttemptOutcome } from '../../domain/attempt.js'
import type { ExamNumber } from '../../domain/exam-number.js'
import type { Waiver } from '../../domain/waiver.js'
import { readFlag, readInstant, writeFlag, writeInstant } from '../engine/columns.js'
import { reusableQuery } from '../engine/reusable-query.js'
import type { DB } from '../engine/schema.js'
import { toAttempt } from './attempts.js'

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
  return rows.map(toWaiver)
}

function toWaiver(row: {
  readonly id: string
  readonly exam_number: string
  readonly waives_wait: number | boolean
  readonly waives_limit: number | boolean
  readonly granted_at: string | Date
}): Waiver {
  return {
    id: row.id,
    exam: row.exam_number,
    waivesWait: readFlag(row.waives_wait),
    waivesLimit: readFlag(row.waives_limit),
    grantedAt: readInstant(row.granted_at),
  }
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

/** What a retake is judged on from one candidate's records: every attempt, and the open waivers for one exam. */
export interface RetakeHistory {
  readonly attempts: Attempt[]
  readonly waivers: Waiver[]
}

/**
 * `listAttemptsOfCandidate` and `listOpenWaivers` in one query (one round
 * trip instead of two, in the same order each): the attempts at every exam,
 * oldest first, and the unused waivers for `exam`, oldest first.
 */
export async function listRetakeHistory(
  db: Kysely<DB>,
  candidateId: string,
  exam: ExamNumber,
): Promise<RetakeHistory> {
  const rows = await retakeHistory(db, candidateId, exam)
  const attempts: Attempt[] = []
  const waivers: Waiver[] = []
  for (const row of rows) {
    // Each kind's columns are set on its own rows (see the query).
    if (row.kind === 'attempt') {
      attempts.push(
        toAttempt({
          ...row,
          provider_id: row.provider_id as string,
          taken_at: row.at,
          outcome: row.outcome as AttemptOutcome,
        }),
      )
    } else {
      waivers.push(
        toWaiver({
          ...row,
          waives_wait: row.waives_wait as number | boolean,
          waives_limit: row.waives_limit as number | boolean,
          granted_at: row.at,
        }),
      )
    }
  }
  return { attempts, waivers }
}

// One row per attempt or waiver, the columns the other kind lacks null
// (PostgreSQL gives an untyped null the type of the other branch's column).
const retakeHistory = reusableQuery((db, candidateId: string, exam: ExamNumber) =>
  db
    .selectFrom('attempts')
    .innerJoin('exams', 'exams.number', 'attempts.exam_number')
    .select([
      sql<'attempt' | 'waiver'>`'attempt'`.as('kind'),
      'attempts.id',
      'attempts.exam_number',
      'exams.beta_of',
      sql<string | null>`attempts.provider_id`.as('provider_id'),
      sql<string | Date>`attempts.taken_at`.as('at'),
      sql<string | null>`attempts.outcome`.as('outcome'),
      sql<number | boolean | null>`null`.as('waives_wait'),
      sql<number | boolean | null>`null`.as('waives_limit'),
    ])
    .where('attempts.candidate_id', '=', candidateId)
    .unionAll(
      db
        .selectFrom('waivers')
        .select([
          sql<'attempt' | 'waiver'>`'waiver'`.as('kind'),
          'waivers.id',
          'waivers.exam_number',
          sql<string | null>`null`.as('beta_of'),
          sql<string | null>`null`.as('provider_id'),
          sql<string | Date>`waivers.granted_at`.as('at'),
          sql<string | null>`null`.as('outcome'),
          sql<number | boolean | null>`waivers.waives_wait`.as('waives_wait'),
          sql<number | boolean | null>`waivers.waives_limit`.as('waives_limit'),
        ])
        .where('waivers.candidate_id', '=', candidateId)
        .where('waivers.exam_number', '=', exam)
        .where('waivers.used_by_attempt_id', 'is', null)
        .where('waivers.held_by_registration_id', 'is', null),
    )
    .orderBy('kind')
    .orderBy('at')
    .orderBy('id'),
)
