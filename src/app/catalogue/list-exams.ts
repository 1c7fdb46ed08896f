import type { Kysely } from 'kysely'
import { countExams, listExams as selectExams } from '../../db/catalogue/exams.js'
import type { DB } from '../../db/engine/schema.js'
import type { Exam, ExamStatus } from '../../domain/exam.js'
import { parseExamNumber } from '../../domain/exam-number.js'

export interface ListExamsInput {
  readonly family?: string
  readonly status?: ExamStatus
  /** Free text: a number in either spelling, or words of the title. */
  readonly q?: string
  readonly limit?: number
  readonly offset?: number
}

/** The catalogue, filtered and paged; `total` counts every match. */
export async function listExams(
  deps: { readonly db: Kysely<DB> },
  input: ListExamsInput,
): Promise<{ readonly items: Exam[]; readonly total: number }> {
  // `70-620` finds `070-620`: search by the canonical spelling when q is a number.
  const q = input.q === undefined ? undefined : (parseExamNumber(input.q) ?? input.q.trim())
  const filter = { family: input.family, status: input.status, q: q || undefined }
  const [items, total] = await Promise.all([
    selectExams(deps.db, { ...filter, limit: input.limit ?? 100, offset: input.offset ?? 0 }),
    countExams(deps.db, filter),
  ])
  return { items, total }
}
