import type { Kysely } from 'kysely'
import { findProvider } from '../../db/catalogue/providers.js'
import { findSlotWithCentre, type SlotAtCentre } from '../../db/catalogue/slots.js'
import type { DB } from '../../db/engine/schema.js'
import { mayAccess } from '../../domain/object-access.js'
import type { Principal } from '../../domain/principal.js'
import type { Clock } from '../clock.js'
import { AppError } from '../errors.js'
import { computeSeatDeadlines, type Seat } from './find-seats.js'

/** One slot with its centre and its provider's change deadlines, or SLOT_NOT_FOUND. */
export async function getSlot(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  slotId: string,
  viewer: Principal,
  field = 'id',
): Promise<SlotAtCentre & Pick<Seat, 'changeDeadlines' | 'deadlinesPassed'>> {
  const found = await findSlotWithCentre(deps.db, slotId)
  // Another provider's slot, for a provider, answers as a missing one.
  if (!found || !mayAccess(viewer, { kind: 'slot', providerId: found.centre.providerId }))
    throw new AppError('SLOT_NOT_FOUND', { field, slotId })
  const provider = await findProvider(deps.db, found.centre.providerId)
  if (!provider) throw new Error(`Centre ${found.centre.id} names a missing provider`)
  return {
    ...found,
    ...computeSeatDeadlines(provider, found.slot.startsAt, deps.clock.now()),
  }
}
