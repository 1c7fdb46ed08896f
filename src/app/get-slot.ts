import type { Kysely } from 'kysely'
import type { DB } from '../db/schema.js'
import { findSlotWithCentre, type SlotAtCentre } from '../db/slots.js'
import { AppError } from './errors.js'

/** One slot with its centre, or SLOT_NOT_FOUND. */
export async function getSlot(
  deps: { readonly db: Kysely<DB> },
  slotId: string,
  field = 'id',
): Promise<SlotAtCentre> {
  const found = await findSlotWithCentre(deps.db, slotId)
  if (!found) throw new AppError('SLOT_NOT_FOUND', { field, slotId })
  return found
}
