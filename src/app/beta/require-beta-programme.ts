import type { Kysely } from 'kysely'
import { findBetaProgramme } from '../../db/beta/beta-programmes.js'
import type { DB } from '../../db/engine/schema.js'
import type { BetaProgramme } from '../../domain/beta-programme.js'
import type { ExamNumber } from '../../domain/exam-number.js'
import { AppError } from '../errors.js'

/** The beta exam's programme, or `BETA_PROGRAMME_NOT_FOUND` naming the exam. */
export async function requireBetaProgramme(
  db: Kysely<DB>,
  exam: ExamNumber,
): Promise<BetaProgramme> {
  const programme = await findBetaProgramme(db, exam)
  if (!programme) throw new AppError('BETA_PROGRAMME_NOT_FOUND', { field: 'exam', exam })
  return programme
}
