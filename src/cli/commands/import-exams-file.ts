import { readFile } from 'node:fs/promises'
import { parse } from 'csv-parse/sync'
import { AppError } from '../../app/errors.js'
import { type ExamImportRow, type ImportProblem, importExams } from '../../app/import-exams.js'
import type { Config } from '../../config.js'
import { openStore } from '../open-store.js'

const COLUMNS = ['number', 'title', 'family', 'status', 'betaOf', 'betaStart', 'betaEnd']

/**
 * Imports exams from a CSV file with a header row (number,title and optionally
 * family,status,betaOf,betaStart,betaEnd): all rows or none.
 */
export async function importExamsFile(config: Config, file: string): Promise<void> {
  const rows = parseExamCsv(await readFile(file, 'utf8'))
  const store = await openStore(config)
  try {
    const { imported } = await importExams(store, rows)
    process.stdout.write(`Imported ${imported} exams from ${file}.\n`)
  } catch (error) {
    if (error instanceof AppError && error.code === 'IMPORT_INVALID') {
      const problems = error.facts.problems as ImportProblem[]
      const detail = problems.map(
        (p) => `  line ${p.line}${p.field ? ` (${p.field})` : ''}: ${p.message}`,
      )
      throw new Error(`${error.message}\n${detail.join('\n')}`)
    }
    throw error
  } finally {
    await store.close()
  }
}

/** CSV text to rows numbered by their line in the file (the header is line 1). */
export function parseExamCsv(text: string): ExamImportRow[] {
  const records: { record: Record<string, string>; info: { lines: number } }[] = parse(text, {
    columns: (header: string[]) => {
      const names = header.map((name) => name.trim())
      const unknown = names.filter((name) => !COLUMNS.includes(name))
      if (unknown.length > 0)
        throw new Error(
          `line 1: unknown column(s) ${unknown.join(', ')}; expected ${COLUMNS.join(',')}`,
        )
      if (!names.includes('number') || !names.includes('title'))
        throw new Error('line 1: the header needs at least number and title')
      return names
    },
    skip_empty_lines: true,
    trim: true,
    info: true,
  })
  return records.map(({ record, info }) => ({ line: info.lines, fields: record }))
}
