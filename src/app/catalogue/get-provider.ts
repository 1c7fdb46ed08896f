import type { Kysely } from 'kysely'
import { findProvider, listProviderExams } from '../../db/catalogue/providers.js'
import type { DB } from '../../db/engine/schema.js'
import { AppError } from '../errors.js'
import type { ProviderView } from './provider-view.js'

/** One provider with its rules and exams, or PROVIDER_NOT_FOUND. */
export async function getProvider(
  deps: { readonly db: Kysely<DB> },
  providerId: string,
): Promise<ProviderView> {
  const provider = await findProvider(deps.db, providerId)
  if (!provider) throw new AppError('PROVIDER_NOT_FOUND', { field: 'id', providerId })
  return { ...provider, exams: await listProviderExams(deps.db, providerId) }
}
