import type { Kysely } from 'kysely'
import { addProviderExam } from '../../src/db/catalogue/providers.js'
import type { DB } from '../../src/db/engine/schema.js'
import type { Instant } from '../../src/domain/instant.js'
import type { TestCentre } from '../../src/domain/test-centre.js'
import { createCentre as createCentreOf, createSlot as createSlotAt } from './centres.js'

/**
 * Builders for registration scenarios: a centre of `prometric` (the
 * programme's provider), slots by id, the exams a provider delivers, and the
 * seat counts to compare.
 */

export function createCentre(
  db: Kysely<DB>,
  overrides: Partial<TestCentre> = {},
): Promise<TestCentre> {
  return createCentreOf(db, { providerId: 'prometric', ...overrides })
}

export async function createSlot(
  db: Kysely<DB>,
  centre: TestCentre,
  startsAt: Instant,
  capacity = 10,
): Promise<string> {
  return (await createSlotAt(db, centre, startsAt, { capacity })).id
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
