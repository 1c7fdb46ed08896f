import type { Kysely } from 'kysely'
import { findCentre } from '../../db/catalogue/test-centres.js'
import type { DB } from '../../db/engine/schema.js'
import type { TestCentre } from '../../domain/test-centre.js'
import { AppError } from '../errors.js'

/** One test centre, or CENTRE_NOT_FOUND. */
export async function getCentre(
  deps: { readonly db: Kysely<DB> },
  centreId: string,
  field = 'id',
): Promise<TestCentre> {
  const centre = await findCentre(deps.db, centreId)
  if (!centre) throw new AppError('CENTRE_NOT_FOUND', { field, centreId })
  return centre
}
