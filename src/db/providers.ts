import type { Kysely } from 'kysely'
import type { DB } from './schema.js'

/** A delivery provider: the test centre network an attempt was taken at. */
export interface Provider {
  readonly id: string
  readonly name: string
}

/** Stores a provider. */
export async function insertProvider(db: Kysely<DB>, provider: Provider): Promise<void> {
  await db.insertInto('providers').values({ id: provider.id, name: provider.name }).execute()
}

/** The provider with this id, or null. */
export async function findProvider(db: Kysely<DB>, id: string): Promise<Provider | null> {
  const row = await db
    .selectFrom('providers')
    .select(['id', 'name'])
    .where('id', '=', id)
    .executeTakeFirst()
  return row ?? null
}

/** Every provider, ordered by id. */
export async function listProviders(db: Kysely<DB>): Promise<Provider[]> {
  return db.selectFrom('providers').select(['id', 'name']).orderBy('id').execute()
}
