import type { Kysely } from 'kysely'
import {
  listAllProviderExams,
  listProviders as selectProviders,
} from '../../db/catalogue/providers.js'
import type { DB } from '../../db/engine/schema.js'
import type { ProviderView } from './provider-view.js'

/** Every delivery provider with its rules and exams, ordered by id. */
export async function listProviders(deps: { readonly db: Kysely<DB> }): Promise<ProviderView[]> {
  const [providers, exams] = await Promise.all([
    selectProviders(deps.db),
    listAllProviderExams(deps.db),
  ])
  return providers.map((provider) => ({ ...provider, exams: exams.get(provider.id) ?? [] }))
}
