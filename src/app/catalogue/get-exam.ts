import type { Kysely } from 'kysely'
import { findExam } from '../../db/catalogue/exams.js'
import type { DB } from '../../db/engine/schema.js'
import type { Exam } from '../../domain/exam.js'
import { AppError } from '../errors.js'
import { requireExamNumber } from '../input-fields.js'
import type { Catalogue } from './catalogue-cache.js'

/** The exam either spelling names (`70-620`, `070-620`), or EXAM_NOT_FOUND. */
export async function getExam(
  deps: { readonly db: Kysely<DB> },
  number: string,
  field = 'exam',
): Promise<Exam> {
  return foundOrRefused(await findExam(deps.db, requireExamNumber(number, field)), number, field)
}

/** `getExam` answered from the catalogue a use case reads (`catalogueOf`, a command's own). */
export async function getCatalogueExam(
  catalogue: Catalogue,
  number: string,
  field = 'exam',
): Promise<Exam> {
  return foundOrRefused(await catalogue.exam(requireExamNumber(number, field)), number, field)
}

function foundOrRefused(exam: Exam | null, number: string, field: string): Exam {
  if (!exam) throw new AppError('EXAM_NOT_FOUND', { field, exam: requireExamNumber(number, field) })
  return exam
}
