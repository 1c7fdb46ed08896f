import type { Kysely } from 'kysely'
import { findSlot, insertSlots } from '../../src/db/catalogue/slots.js'
import { insertCentres } from '../../src/db/catalogue/test-centres.js'
import type { DB } from '../../src/db/engine/schema.js'
import type { Instant } from '../../src/domain/instant.js'
import type { Slot, TestCentre } from '../../src/domain/test-centre.js'
import { FACTORY_EPOCH, nextId } from './catalogue.js'

/**
 * One-line builders for centres and slots. The provider must exist first
 * (`createProvider` in ./catalogue.js).
 */

/** A centre of provider `pearson` in central Auckland, with a fresh id. */
export async function createCentre(
  db: Kysely<DB>,
  overrides: Partial<TestCentre> = {},
): Promise<TestCentre> {
  const centre: TestCentre = {
    id: overrides.id ?? nextId('centre'),
    providerId: 'pearson',
    name: 'Test Centre',
    address: '1 Queen Street',
    city: 'Auckland',
    country: 'NZ',
    latitude: -36.8485,
    longitude: 174.7633,
    timeZone: 'Pacific/Auckland',
    ...overrides,
  }
  await insertCentres(db, [{ ...centre, createdAt: FACTORY_EPOCH }])
  return centre
}

/** A slot at `centre` starting at `startsAt` with 10 seats (override `capacity`, and `booked` to fill some). */
export async function createSlot(
  db: Kysely<DB>,
  centre: TestCentre,
  startsAt: Instant,
  overrides: { readonly id?: string; readonly capacity?: number; readonly booked?: number } = {},
): Promise<Slot> {
  const id = overrides.id ?? nextId('slot')
  await insertSlots(db, [
    {
      id,
      centreId: centre.id,
      startsAt,
      capacity: overrides.capacity ?? 10,
      createdAt: FACTORY_EPOCH,
    },
  ])
  if (overrides.booked !== undefined)
    await db.updateTable('slots').set({ booked: overrides.booked }).where('id', '=', id).execute()
  const slot = await findSlot(db, id)
  if (!slot) throw new Error(`createSlot: ${centre.id} already has a slot at ${startsAt}`)
  return slot
}
