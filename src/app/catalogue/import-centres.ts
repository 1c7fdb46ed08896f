import type { Kysely } from 'kysely'
import { findCentre, insertCentres } from '../../db/catalogue/test-centres.js'
import type { DB } from '../../db/engine/schema.js'
import type { Clock } from '../clock.js'
import { AppError } from '../errors.js'
import { runCommand } from '../run-command.js'
import { prepareCentre } from './create-centre.js'
import type { ImportProblem } from './import-exams.js'

/** One data row of a centre import: its line in the file and its named fields. */
export interface CentreImportRow {
  readonly line: number
  readonly fields: Readonly<Record<string, string | undefined>>
}

/**
 * Imports test centres all or nothing: every row is checked (its provider,
 * country, zone and coordinates, and that its id is new, in the database and
 * in the file) and, if any row is bad, none is stored and every problem is
 * reported with its line. A row without an id gets a new one.
 */
export async function importCentres(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  rows: readonly CentreImportRow[],
): Promise<{ readonly imported: number }> {
  const now = deps.clock.now()
  const problems: ImportProblem[] = []
  await runCommand(deps, {}, async (trx) => {
    const seen = new Map<string, number>()
    for (const { line, fields } of rows) {
      try {
        const centre = await prepareCentre(trx, {
          ...(fields.id ? { id: fields.id } : {}),
          provider: fields.provider ?? '',
          name: fields.name ?? '',
          address: fields.address ?? '',
          city: fields.city ?? '',
          country: fields.country ?? '',
          latitude: fields.latitude ?? '',
          longitude: fields.longitude ?? '',
          timeZone: fields.timeZone ?? '',
        })
        const earlier = seen.get(centre.id)
        if (earlier !== undefined || (await findCentre(trx, centre.id))) {
          throw new AppError('CENTRE_ALREADY_EXISTS', {
            field: 'id',
            centreId: centre.id,
            ...(earlier === undefined ? {} : { line: earlier }),
          })
        }
        seen.set(centre.id, line)
        // Checked before it is stored: a failed statement would end a PostgreSQL transaction.
        await insertCentres(trx, [{ ...centre, createdAt: now }])
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
  return { imported: rows.length }
}
