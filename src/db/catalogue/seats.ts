import { type Kysely, sql } from 'kysely'
import { reusableStatement } from '../engine/reusable-query.js'
import type { DB } from '../engine/schema.js'

/**
 * Takes one seat of a slot if one is free. The condition is in the UPDATE
 * itself, so concurrent bookings can never push `booked` past `capacity`,
 * on either database; false when the slot is full (or does not exist).
 */
export async function takeSeat(db: Kysely<DB>, slotId: string): Promise<boolean> {
  const result = await takeSeatIfFree(db, slotId)
  return (result.numAffectedRows ?? 0n) > 0n
}

const takeSeatIfFree = reusableStatement((db, slotId: string) =>
  db
    .updateTable('slots')
    .set({ booked: sql`booked + 1` })
    .where('id', '=', slotId)
    .whereRef('booked', '<', 'capacity'),
)

/** Gives a seat back; the CHECK constraint refuses to go below zero. */
export async function releaseSeat(db: Kysely<DB>, slotId: string): Promise<void> {
  await db
    .updateTable('slots')
    .set({ booked: sql`booked - 1` })
    .where('id', '=', slotId)
    .executeTakeFirst()
}
