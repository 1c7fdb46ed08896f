import type { ExpressionBuilder, Kysely } from 'kysely'
import type { Attempt, AttemptOutcome } from '../../domain/attempt.js'
import type { ExamNumber } from '../../domain/exam-number.js'
import type { Instant } from '../../domain/instant.js'
import { countRows, readInstant, readOptionalInstant, writeInstant } from '../engine/columns.js'
import type { Paging } from '../engine/paging.js'
import { reusableQuery } from '../engine/reusable-query.js'
import type { DB } from '../engine/schema.js'

/** An attempt to store; `creditFor` is not stored, it follows from the exam. */
export interface NewAttempt {
  readonly id: string
  readonly candidateId: string
  readonly exam: ExamNumber
  readonly provider: string
  readonly takenAt: Instant
  readonly outcome: AttemptOutcome
  readonly recordedAt: Instant
  /** Defaults to `recordedAt`. */
  readonly updatedAt?: Instant
}

/** An attempt with whose it is and when it was written down. */
export interface StoredAttempt extends Attempt {
  readonly candidateId: string
  readonly recordedAt: Instant
  readonly updatedAt: Instant
}

/**
 * Stores an attempt, with the minutes since the candidate's previous attempt
 * at the exam (null for a first), and corrects the next attempt's when this
 * one was reported after it: the reports read both from the row.
 */
export async function insertAttempt(db: Kysely<DB>, attempt: NewAttempt): Promise<void> {
  const takenAt = writeInstant(attempt.takenAt)
  const sameExam = (eb: ExpressionBuilder<DB, 'attempts'>) =>
    eb.and([eb('candidate_id', '=', attempt.candidateId), eb('exam_number', '=', attempt.exam)])
  const neighbours = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('attempts')
        .select((inner) => inner.fn.max('taken_at').as('t'))
        .where(sameExam)
        .where('taken_at', '<', takenAt)
        .as('previous'),
      eb
        .selectFrom('attempts')
        .select((inner) => inner.fn.min('taken_at').as('t'))
        .where(sameExam)
        .where('taken_at', '>', takenAt)
        .as('next'),
    ])
    .executeTakeFirstOrThrow()
  const previous = readOptionalInstant(neighbours.previous ?? null)
  const next = readOptionalInstant(neighbours.next ?? null)
  await db
    .insertInto('attempts')
    .values({
      id: attempt.id,
      candidate_id: attempt.candidateId,
      exam_number: attempt.exam,
      provider_id: attempt.provider,
      taken_at: takenAt,
      outcome: attempt.outcome,
      recorded_at: writeInstant(attempt.recordedAt),
      updated_at: writeInstant(attempt.updatedAt ?? attempt.recordedAt),
      minutes_since_previous: previous === null ? null : minutesBetween(previous, attempt.takenAt),
    })
    .execute()
  if (next !== null) {
    await db
      .updateTable('attempts')
      .set({ minutes_since_previous: minutesBetween(attempt.takenAt, next) })
      .where(sameExam)
      .where('taken_at', '=', writeInstant(next))
      .execute()
  }
}

const minutesBetween = (earlier: Instant, later: Instant) => Math.floor((later - earlier) / 60_000)

/** The attempt with this id, or null. */
export async function findAttempt(db: Kysely<DB>, id: string): Promise<StoredAttempt | null> {
  const row = await fromAttempts(db)
    .select([
      'attempts.candidate_id',
      'attempts.recorded_at',
      'attempts.updated_at',
      ...ATTEMPT_COLUMNS,
    ])
    .where('attempts.id', '=', id)
    .executeTakeFirst()
  if (!row) return null
  return {
    ...toAttempt(row),
    candidateId: row.candidate_id,
    recordedAt: readInstant(row.recorded_at),
    updatedAt: readInstant(row.updated_at),
  }
}

/** A candidate's attempts at every exam, oldest first (ties by id, so the order is stable). */
export async function listAttemptsOfCandidate(
  db: Kysely<DB>,
  candidateId: string,
): Promise<Attempt[]> {
  const rows = await attemptsOfCandidate(db, candidateId)
  return rows.map(toAttempt)
}

const attemptsOfCandidate = reusableQuery((db, candidateId: string) =>
  fromAttempts(db)
    .select(ATTEMPT_COLUMNS)
    .where('attempts.candidate_id', '=', candidateId)
    .orderBy('attempts.taken_at')
    .orderBy('attempts.id'),
)

/** One page of a candidate's attempts, in the order of `listAttemptsOfCandidate`. */
export async function pageAttemptsOfCandidate(
  db: Kysely<DB>,
  candidateId: string,
  paging: Paging,
): Promise<Attempt[]> {
  const rows = await fromAttempts(db)
    .select(ATTEMPT_COLUMNS)
    .where('attempts.candidate_id', '=', candidateId)
    .orderBy('attempts.taken_at')
    .orderBy('attempts.id')
    .limit(paging.limit)
    .offset(paging.offset)
    .execute()
  return rows.map(toAttempt)
}

/** How many attempts a candidate has. */
export async function countAttemptsOfCandidate(
  db: Kysely<DB>,
  candidateId: string,
): Promise<number> {
  return countRows(db.selectFrom('attempts').where('candidate_id', '=', candidateId))
}

/** Sets an attempt's outcome; false when there is no such attempt. */
export async function updateAttemptOutcome(
  db: Kysely<DB>,
  id: string,
  outcome: AttemptOutcome,
  updatedAt: Instant,
): Promise<boolean> {
  const result = await db
    .updateTable('attempts')
    .set({ outcome, updated_at: writeInstant(updatedAt) })
    .where('id', '=', id)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

const ATTEMPT_COLUMNS = [
  'attempts.id',
  'attempts.exam_number',
  'exams.beta_of',
  'attempts.provider_id',
  'attempts.taken_at',
  'attempts.outcome',
] as const

/** Attempts with their exam, which says what a pass earns credit for. */
function fromAttempts(db: Kysely<DB>) {
  return db.selectFrom('attempts').innerJoin('exams', 'exams.number', 'attempts.exam_number')
}

export interface AttemptRow {
  readonly id: string
  readonly exam_number: string
  readonly beta_of: string | null
  readonly provider_id: string
  readonly taken_at: string | Date
  readonly outcome: AttemptOutcome
}

export function toAttempt(row: AttemptRow): Attempt {
  return {
    id: row.id,
    exam: row.exam_number,
    creditFor: row.beta_of ?? row.exam_number,
    provider: row.provider_id,
    takenAt: readInstant(row.taken_at),
    outcome: row.outcome,
  }
}
