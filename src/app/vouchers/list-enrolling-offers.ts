import type { Kysely } from 'kysely'
import type { DB } from '../../db/engine/schema.js'
import { listOfferVersions } from '../../db/vouchers/offers.js'
import { coversExam, type PricedExam } from '../../domain/offer.js'
import type { Clock } from '../clock.js'
import { pricedExam } from './list-candidate-codes.js'
import { computeOfferViews, type OfferVersionView } from './list-offers.js'

/**
 * The offers a candidate could enrol in now that cover an exam: the version
 * in force of each, while its enrolment is open. What an exam's page offers
 * beside the codes already held ("register for the offer first", SPEC §5).
 */
export async function listEnrollingOffers(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  examText: string,
): Promise<{ readonly exam: PricedExam; readonly offers: readonly OfferVersionView[] }> {
  const now = deps.clock.now()
  const [exam, versions] = await Promise.all([
    pricedExam(deps, examText),
    listOfferVersions(deps.db),
  ])
  const offers = computeOfferViews(versions, now)
    .map((offer) => offer.versions.find((version) => version.status === 'in-force'))
    .filter(
      (version): version is OfferVersionView =>
        version !== undefined &&
        version.enrolment !== null &&
        version.enrolment.opensAt <= now &&
        now < version.enrolment.closesAt &&
        coversExam(version.exams, exam),
    )
  return { exam, offers }
}
