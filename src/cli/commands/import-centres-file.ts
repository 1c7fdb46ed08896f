import { readFile } from 'node:fs/promises'
import { parse } from 'csv-parse/sync'
import { AppError } from '../../app/errors.js'
import { type CentreImportRow, importCentres } from '../../app/import-centres.js'
import type { ImportProblem } from '../../app/import-exams.js'
import type { Config } from '../../config.js'
import { openStore } from '../open-store.js'

const REQUIRED = [
  'provider',
  'name',
  'address',
  'city',
  'country',
  'latitude',
  'longitude',
  'timeZone',
]
const COLUMNS = ['id', ...REQUIRED]

/**
 * Imports test centres from a CSV file with a header row
 * (id?,provider,name,address,city,country,latitude,longitude,timeZone): all rows or none.
 */
export async function importCentresFile(config: Config, file: string): Promise<void> {
  const rows = parseCentreCsv(await readFile(file, 'utf8'))
  const store = await openStore(config)
  try {
    const { imported } = await importCentres(store, rows)
    process.stdout.write(`Imported ${imported} test centres from ${file}.\n`)
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
export function parseCentreCsv(text: string): CentreImportRow[] {
  const records: { record: Record<string, string>; info: { lines: number } }[] = parse(text, {
    columns: (header: string[]) => {
      const names = header.map((name) => name.trim())
      const unknown = names.filter((name) => !COLUMNS.includes(name))
      if (unknown.length > 0)
        throw new Error(
          `line 1: unknown column(s) ${unknown.join(', ')}; expected ${COLUMNS.join(',')}`,
        )
      const missing = REQUIRED.filter((name) => !names.includes(name))
      if (missing.length > 0)
        throw new Error(
          `line 1: the header lacks ${missing.join(', ')}; expected ${COLUMNS.join(',')}`,
        )
      return names
    },
    skip_empty_lines: true,
    trim: true,
    info: true,
    bom: true,
  })
  return records.map(({ record, info }) => ({ line: info.lines, fields: record }))
}
