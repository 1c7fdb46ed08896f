import { importExams } from '../../app/catalogue/import-exams.js'
import type { CliContext } from '../cli-context.js'
import { readCsvRows, runCsvImport } from '../csv-import.js'

/**
 * Imports exams from a CSV file with a header row (number,title and optionally
 * family,status,betaOf,betaStart,betaEnd): all rows or none.
 */
export async function importExamsFile(cli: CliContext, file: string): Promise<void> {
  const rows = await readCsvRows(
    cli.path(file),
    ['number', 'title'],
    ['family', 'status', 'betaOf', 'betaStart', 'betaEnd'],
  )
  await runCsvImport(cli, (store) => importExams(store, rows), 'exams', file)
}
