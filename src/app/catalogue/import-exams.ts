import type { Kysely } from 'kysely'
import { findExam, insertExam } from '../../db/catalogue/exams.js'
import type { DB } from '../../db/engine/schema.js'
import type { Clock } from '../clock.js'
import { AppError, type ErrorCode } from '../errors.js'
import { runCommand } from '../run-command.js'
import { forgetCatalogue } from './catalogue-cache.js'
import { prepareExam } from './create-exam.js'

/** One data row of an exam import: its line in the file and its named fields. */
export interface ExamImportRow {
  readonly line: number
  readonly fields: Readonly<Record<string, string | undefined>>
}

export interface ImportProblem {
  readonly line: number
  readonly field: string | null
  readonly code: ErrorCode
  readonly message: string
}

/**
 * Imports exams all or nothing: every row is checked (a beta may preview an
 * exam from an earlier line of the same file) and, if any row is bad, none
 * is stored and every problem is reported with its line.
 */
export async function importExams(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  rows: readonly ExamImportRow[],
): Promise<{ readonly imported: number }> {
  const now = deps.clock.now()
  const problems: ImportProblem[] = []
  await runCommand(deps, {}, async (trx) => {
    for (const { line, fields } of rows) {
      try {
        if (fields.status && !['beta', 'live', 'retired'].includes(fields.status)) {
          throw new AppError('VALIDATION_FAILED', {
            field: 'status',
            problem: 'must be beta, live or retired',
          })
        }
        const exam = await prepareExam(trx, {
          number: fields.number ?? '',
          title: fields.title ?? '',
          ...optional('family', fields.family),
          ...optional('status', fields.status as never),
          ...optional('betaOf', fields.betaOf),
          ...(fields.betaStart || fields.betaEnd
            ? { betaPeriod: { start: fields.betaStart ?? '', end: fields.betaEnd ?? '' } }
            : {}),
        })
        if (await findExam(trx, exam.number))
          throw new AppError('EXAM_ALREADY_EXISTS', { field: 'number', exam: exam.number })
        await insertExam(trx, { ...exam, createdAt: now })
      } catch (error) {
        if (!(error instanceof AppError)) throw error
        problems.push({
          line,
          field: error.facts.field ?? null,
          code: error.code,
          message: error.message,
        })
      }
    }
    if (problems.length > 0) throw new AppError('IMPORT_INVALID', { problems })
  })
  forgetCatalogue(deps.db)
  return { imported: rows.length }
}

function optional<K extends string, V>(key: K, value: V | undefined | ''): { [P in K]?: V } {
  return value === undefined || value === '' ? {} : ({ [key]: value } as { [P in K]: V })
}
