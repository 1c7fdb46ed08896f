import type { Kysely } from 'kysely'
import type { DB } from '../../db/engine/schema.js'
import { listOfferVersions } from '../../db/vouchers/offers.js'
import type { Instant } from '../../domain/instant.js'
import { findOfferInForce, type OfferVersion } from '../../domain/offer.js'
import { computeOfferChanges, type OfferTerm } from '../../domain/offer-changes.js'
import type { Clock } from '../clock.js'

/**
 * Where a version stands at a given instant: the one in force, one an
 * earlier-dated version replaced (`superseded`), or one whose date has not
 * come yet (`scheduled`).
 */
export type OfferVersionStatus = 'superseded' | 'in-force' | 'scheduled'

export interface OfferVersionView extends OfferVersion {
  readonly status: OfferVersionStatus
  /** The terms in which it differs from the version before it; none for version 1. */
  readonly changed: readonly OfferTerm[]
}

/** An offer with every version, oldest first, and the one in force. */
export interface OfferView {
  readonly offerId: string
  /** The name of the version in force, or of the latest version while none is. */
  readonly name: string
  /** The version number in force, or null before the first version's date. */
  readonly inForce: number | null
  readonly versions: readonly OfferVersionView[]
}

/** Every offer with its versions, ordered by id, as they stand now. */
export async function listOffers(deps: {
  readonly db: Kysely<DB>
  readonly clock: Clock
}): Promise<OfferView[]> {
  const now = deps.clock.now()
  return computeOfferViews(await listOfferVersions(deps.db), now)
}

/** Groups versions by offer (ids ascending, versions ascending) and marks what is in force at `at`. */
export function computeOfferViews(versions: readonly OfferVersion[], at: Instant): OfferView[] {
  const byOffer = new Map<string, OfferVersion[]>()
  for (const version of versions) {
    const list = byOffer.get(version.offerId)
    if (list) list.push(version)
    else byOffer.set(version.offerId, [version])
  }
  return [...byOffer.keys()].sort().map((offerId) => {
    const own = byOffer.get(offerId)!.sort((a, b) => a.version - b.version)
    const inForce = findOfferInForce(own, offerId, at)
    return {
      offerId,
      name: (inForce ?? own.at(-1)!).name,
      inForce: inForce?.version ?? null,
      versions: own.map((version, index) => ({
        ...version,
        changed: index === 0 ? [] : computeOfferChanges(own[index - 1]!, version),
        status:
          version.version === inForce?.version
            ? 'in-force'
            : version.effectiveFrom > at
              ? 'scheduled'
              : 'superseded',
      })),
    }
  })
}
