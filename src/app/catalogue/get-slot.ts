import type { Kysely } from 'kysely'
import { findProvider } from '../../db/catalogue/providers.js'
import { findSlotWithCentre, type SlotAtCentre } from '../../db/catalogue/slots.js'
import type { DB } from '../../db/engine/schema.js'
import type { Clock } from '../clock.js'
import { AppError } from '../errors.js'
import { computeSeatDeadlines, type Seat } from './find-seats.js'

/** One slot with its centre and its provider's change deadlines, or SLOT_NOT_FOUND. */
export async function getSlot(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  slotId: string,
  field = 'id',
): Promise<SlotAtCentre & Pick<Seat, 'changeDeadlines' | 'deadlinesPassed'>> {
  const found = await findSlotWithCentre(deps.db, slotId)
  if (!found) throw new AppError('SLOT_NOT_FOUND', { field, slotId })
  const provider = await findProvider(deps.db, found.centre.providerId)
  if (!provider) throw new Error(`Centre ${found.centre.id} names a missing provider`)
  return {
    ...found,
    ...computeSeatDeadlines(provider, found.slot.startsAt, deps.clock.now()),
  }
}
