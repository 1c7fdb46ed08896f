import { importCentres } from '../../app/import-centres.js'
import type { Config } from '../../config.js'
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
export async function importCentresFile(config: Config, file: string): Promise<void> {
  const rows = await readCsvRows(file, REQUIRED, ['id'])
  await runCsvImport(config, (store) => importCentres(store, rows), 'test centres', file)
}
