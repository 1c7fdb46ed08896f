import { importCentres } from '../../app/catalogue/import-centres.js'
import type { CliContext } from '../cli-context.js'
import { readCsvRows, runCsvImport } from '../csv-import.js'

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

/**
 * Imports test centres from a CSV file with a header row
 * (id?,provider,name,address,city,country,latitude,longitude,timeZone): all rows or none.
 */
export async function importCentresFile(cli: CliContext, file: string): Promise<void> {
  const rows = await readCsvRows(cli.path(file), REQUIRED, ['id'])
  await runCsvImport(cli, (store) => importCentres(store, rows), 'test centres', file)
}
