import type { Kysely } from 'kysely'
import { findExam } from '../db/exams.js'
import type { DB } from '../db/schema.js'
import type { Exam } from '../domain/exam.js'
import { AppError } from './errors.js'
import { requireExamNumber } from './input-fields.js'

/** The exam either spelling names (`70-620`, `070-620`), or EXAM_NOT_FOUND. */
export async function getExam(
  deps: { readonly db: Kysely<DB> },
  number: string,
  field = 'exam',
): Promise<Exam> {
  const canonical = requireExamNumber(number, field)
  const exam = await findExam(deps.db, canonical)
  if (!exam) throw new AppError('EXAM_NOT_FOUND', { field, exam: canonical })
  return exam
}
