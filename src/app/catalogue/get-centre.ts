import type { Kysely } from 'kysely'
import { findCentre } from '../../db/catalogue/test-centres.js'
import type { DB } from '../../db/engine/schema.js'
import type { Principal } from '../../domain/principal.js'
import type { TestCentre } from '../../domain/test-centre.js'
import { requireAccess } from '../access/require-access.js'
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

/** One test centre as the caller may see it: another provider's, for a provider, is CENTRE_NOT_FOUND. */
export async function getCentreFor(
  deps: { readonly db: Kysely<DB> },
  centreId: string,
  viewer: Principal,
): Promise<TestCentre> {
  const centre = await getCentre(deps, centreId)
  requireAccess(
    viewer,
    { kind: 'centre', providerId: centre.providerId },
    () => new AppError('CENTRE_NOT_FOUND', { field: 'id', centreId }),
  )
  return centre
}
