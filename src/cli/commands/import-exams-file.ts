import { importExams } from '../../app/import-exams.js'
import type { Config } from '../../config.js'
import { readCsvRows, runCsvImport } from '../csv-import.js'

/**
 * Imports exams from a CSV file with a header row (number,title and optionally
 * family,status,betaOf,betaStart,betaEnd): all rows or none.
 */
export async function importExamsFile(config: Config, file: string): Promise<void> {
  const rows = await readCsvRows(
    file,
    ['number', 'title'],
    ['family', 'status', 'betaOf', 'betaStart', 'betaEnd'],
  )
  await runCsvImport(config, (store) => importExams(store, rows), 'exams', file)
}
