import type { Kysely } from 'kysely'
import { findProvider } from '../../db/catalogue/providers.js'
import { countCentres, listCentres as selectCentres } from '../../db/catalogue/test-centres.js'
import type { Paging } from '../../db/engine/paging.js'
import type { DB } from '../../db/engine/schema.js'
import { scopeProviderFilter } from '../../domain/object-access.js'
import type { Principal } from '../../domain/principal.js'
import type { TestCentre } from '../../domain/test-centre.js'
import { AppError } from '../errors.js'
import type { Page } from '../page.js'

/**
 * One page of every test centre, or of one provider's (an unknown provider
 * is refused, not answered with none); a provider sees its own only.
 */
export async function listCentres(
  deps: { readonly db: Kysely<DB> },
  filter: { readonly provider?: string },
  paging: Paging,
  viewer: Principal,
): Promise<Page<TestCentre>> {
  if (filter.provider !== undefined && !(await findProvider(deps.db, filter.provider)))
    throw new AppError('PROVIDER_UNKNOWN', { field: 'provider', provider: filter.provider })
  const scope = scopeProviderFilter(viewer, filter.provider)
  if (scope === 'nothing') return { items: [], total: 0 }
  const where = scope.providerId === undefined ? {} : { providerId: scope.providerId }
  const [items, total] = await Promise.all([
    selectCentres(deps.db, where, paging),
    countCentres(deps.db, where),
  ])
  return { items, total }
}
