import { sql } from 'kysely'
import type { AnyKysely } from '../dialect.js'

/**
 * What finding a seat needs to stay fast with thousands of centres and a
 * year of slots each (see `bench/slot-search.ts`).
 *
 * - `slots.provider_id`, the provider of the slot's centre, copied onto the
 *   slot so that "the earliest open slots of a provider" is one ordered
 *   index range, whatever share of all slots that provider has. A centre
 *   never changes provider, and every insert reads it from the centre. It
 *   is nullable only because SQLite cannot add a NOT NULL column with a
 *   reference; the backfill below leaves no null behind.
 * - Both slot indexes carry the seat counts (and the id), so a search reads
 *   only index pages: a centre's slots lie together there, while in the
 *   table they are spread over the months in which they were created.
 * - Centres by provider and position, carrying the id: the box around a
 *   place, per provider, from the index alone (it replaces the index on
 *   the provider alone).
 */
export async function up(db: AnyKysely): Promise<void> {
  await db.schema
    .alterTable('slots')
    .addColumn('provider_id', 'text', (c) => c.references('providers.id'))
    .execute()
  await sql`update slots set provider_id = (select provider_id from test_centres where test_centres.id = slots.centre_id)`.execute(
    db,
  )
  await db.schema
    .createIndex('slots_provider_open_idx')
    .on('slots')
    .columns(['provider_id', 'starts_at', 'id', 'centre_id', 'capacity', 'booked'])
    .execute()
  await db.schema
    .createIndex('slots_centre_open_idx')
    .on('slots')
    .columns(['centre_id', 'starts_at', 'capacity', 'booked', 'id'])
    .execute()
  await db.schema
    .createIndex('test_centres_provider_position_idx')
    .on('test_centres')
    .columns(['provider_id', 'latitude', 'longitude', 'id'])
    .execute()
  await db.schema.dropIndex('test_centres_provider_idx').execute()
}
