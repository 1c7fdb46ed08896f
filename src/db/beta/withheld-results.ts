import type { Kysely } from 'kysely'
import type { ExamNumber } from '../../domain/exam-number.js'
import type { Instant } from '../../domain/instant.js'
import { readInstant, writeInstant } from '../engine/columns.js'
import type { DB } from '../engine/schema.js'

export interface WithheldResult {
  readonly attemptId: string
  readonly exam: ExamNumber
  readonly candidateId: string
  readonly outcome: 'pass' | 'fail'
}

/** Keeps a result aside for the release; a correction before the release replaces it. */
export async function upsertWithheldResult(
  db: Kysely<DB>,
  result: WithheldResult,
  reportedAt: Instant,
): Promise<void> {
  await db
    .insertInto('withheld_results')
    .values({
      attempt_id: result.attemptId,
      exam_number: result.exam,
      candidate_id: result.candidateId,
      outcome: result.outcome,
      reported_at: writeInstant(reportedAt),
      released_at: null,
    })
    .onConflict((conflict) =>
      conflict
        .column('attempt_id')
        .doUpdateSet({ outcome: result.outcome, reported_at: writeInstant(reportedAt) }),
    )
    .execute()
}

/** The results of a beta still withheld, oldest report first. */
export async function listWithheldResults(
  db: Kysely<DB>,
  exam: ExamNumber,
): Promise<WithheldResult[]> {
  const rows = await db
    .selectFrom('withheld_results')
    .select(['attempt_id', 'exam_number', 'candidate_id', 'outcome'])
    .where('exam_number', '=', exam)
    .where('released_at', 'is', null)
    .orderBy('reported_at')
    .orderBy('attempt_id')
    .execute()
  return rows.map((row) => ({
    attemptId: row.attempt_id,
    exam: row.exam_number,
    candidateId: row.candidate_id,
    outcome: row.outcome as 'pass' | 'fail',
  }))
}

export async function markResultReleased(
  db: Kysely<DB>,
  attemptId: string,
  at: Instant,
): Promise<void> {
  await db
    .updateTable('withheld_results')
    .set({ released_at: writeInstant(at) })
    .where('attempt_id', '=', attemptId)
    .execute()
}

/** When each of the candidate's withheld results is due, by attempt. */
export async function listResultsDue(
  db: Kysely<DB>,
  candidateId: string,
): Promise<Map<string, Instant>> {
  const rows = await db
    .selectFrom('withheld_results')
    .innerJoin('beta_programmes', 'beta_programmes.exam_number', 'withheld_results.exam_number')
    .select(['withheld_results.attempt_id', 'beta_programmes.results_release_at'])
    .where('withheld_results.candidate_id', '=', candidateId)
    .where('withheld_results.released_at', 'is', null)
    .execute()
  return new Map(rows.map((row) => [row.attempt_id, readInstant(row.results_release_at)]))
}
