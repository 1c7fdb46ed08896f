import { readFile } from 'node:fs/promises'
import { parse } from 'csv-parse/sync'
import type { ImportProblem } from '../app/catalogue/import-exams.js'
import { AppError } from '../app/errors.js'
import type { CliContext } from './cli-context.js'
import type { Store } from './open-store.js'

/** A data row of a CSV import: its line in the file (the header is line 1) and its named fields. */
export interface CsvRow {
  readonly line: number
  readonly fields: Readonly<Record<string, string>>
}

/**
 * Reads a CSV file with a header row naming `required` columns and any of
 * `optional`; an unknown or missing column is refused before any row is read.
 */
export async function readCsvRows(
  file: string,
  required: readonly string[],
  optional: readonly string[] = [],
): Promise<CsvRow[]> {
  const known = [...required, ...optional]
  const records: { record: Record<string, string>; info: { lines: number } }[] = parse(
    await readFile(file, 'utf8'),
    {
      columns: (header: string[]) => {
        const names = header.map((name) => name.trim())
        const unknown = names.filter((name) => !known.includes(name))
        const missing = required.filter((name) => !names.includes(name))
        if (unknown.length > 0 || missing.length > 0) {
          const wrong =
            unknown.length > 0
              ? `unknown column(s) ${unknown.join(', ')}`
              : `missing ${missing.join(', ')}`
          throw new Error(
            `line 1: ${wrong}; expected ${required.join(',')}${optional.length > 0 ? ` and optionally ${optional.join(',')}` : ''}`,
          )
        }
        return names
      },
      skip_empty_lines: true,
      trim: true,
      info: true,
      bom: true,
    },
  )
  return records.map(({ record, info }) => ({ line: info.lines, fields: record }))
}

/**
 * Runs an all-or-nothing import on the configured database and prints what
 * it did; a refused import lists every bad row with its line and field.
 */
export async function runCsvImport(
  cli: CliContext,
  importRows: (store: Store) => Promise<{ readonly imported: number }>,
  what: string,
  file: string,
): Promise<void> {
  const store = await cli.openStore()
  try {
    const { imported } = await importRows(store)
    cli.stdout.write(`Imported ${imported} ${what} from ${file}.\n`)
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
