import type { Kysely } from 'kysely'
import { addProviderExam } from '../../src/db/providers.js'
import type { DB } from '../../src/db/schema.js'
import { insertSlots } from '../../src/db/slots.js'
import { insertCentres } from '../../src/db/test-centres.js'
import type { Instant } from '../../src/domain/instant.js'
import type { TestCentre } from '../../src/domain/test-centre.js'

/** Builders for appointment scenarios: a centre, its slots, the exams its provider delivers. */

let sequence = 0

export async function createCentre(
  db: Kysely<DB>,
  overrides: Partial<TestCentre> & { readonly createdAt?: Instant } = {},
): Promise<TestCentre> {
  sequence++
  const centre: TestCentre = {
    id: `centre-${sequence}`,
    providerId: 'prometric',
    name: `Test centre ${sequence}`,
    address: `${sequence} Queen Street`,
    city: 'Auckland',
    country: 'NZ',
    latitude: -36.8485,
    longitude: 174.7633,
    timeZone: 'Pacific/Auckland',
    ...overrides,
  }
  await insertCentres(db, [{ ...centre, createdAt: overrides.createdAt ?? 0 }])
  return centre
}

export async function createSlot(
  db: Kysely<DB>,
  centre: TestCentre,
  startsAt: Instant,
  capacity = 10,
): Promise<string> {
  sequence++
  const id = `slot-${sequence}`
  await insertSlots(db, [{ id, centreId: centre.id, startsAt, capacity, createdAt: 0 }])
  return id
}

export async function deliver(
  db: Kysely<DB>,
  providerId: string,
  exams: readonly string[],
): Promise<void> {
  for (const exam of exams) await addProviderExam(db, providerId, exam)
}

/** Seats booked in a slot, as the database counts them. */
export async function bookedSeats(db: Kysely<DB>, slotId: string): Promise<number> {
  const row = await db
    .selectFrom('slots')
    .select('booked')
    .where('id', '=', slotId)
    .executeTakeFirstOrThrow()
  return Number(row.booked)
}

/** Live registrations in a slot, counted from the registrations themselves. */
export async function liveRegistrations(db: Kysely<DB>, slotId: string): Promise<number> {
  const rows = await db
    .selectFrom('registrations')
    .select('id')
    .where('slot_id', '=', slotId)
    .where('status', 'in', ['booked', 'checked-in'])
    .execute()
  return rows.length
}
