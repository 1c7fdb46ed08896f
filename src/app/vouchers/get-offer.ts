import type { Kysely } from 'kysely'
import type { DB } from '../../db/engine/schema.js'
import { listOfferVersions } from '../../db/vouchers/offers.js'
import type { Clock } from '../clock.js'
import { AppError } from '../errors.js'
import { computeOfferViews, type OfferView } from './list-offers.js'

/** One offer with every version and the one in force now, or OFFER_NOT_FOUND. */
export async function getOffer(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  offerId: string,
  field = 'id',
): Promise<OfferView> {
  const now = deps.clock.now()
  const [offer] = computeOfferViews(await listOfferVersions(deps.db, offerId), now)
  if (!offer) throw new AppError('OFFER_NOT_FOUND', { field, offerId })
  return offer
}
