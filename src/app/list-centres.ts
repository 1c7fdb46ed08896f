import type { Kysely } from 'kysely'
import { findProvider } from '../db/providers.js'
import type { DB } from '../db/schema.js'
import { listCentres as selectCentres } from '../db/test-centres.js'
import type { TestCentre } from '../domain/test-centre.js'
import { AppError } from './errors.js'

/** Every test centre, or one provider's (an unknown provider is refused, not answered with none). */
export async function listCentres(
  deps: { readonly db: Kysely<DB> },
  filter: { readonly provider?: string } = {},
): Promise<TestCentre[]> {
  if (filter.provider !== undefined && !(await findProvider(deps.db, filter.provider)))
    throw new AppError('PROVIDER_UNKNOWN', { field: 'provider', provider: filter.provider })
  return selectCentres(
    deps.db,
    filter.provider === undefined ? {} : { providerId: filter.provider },
  )
}
