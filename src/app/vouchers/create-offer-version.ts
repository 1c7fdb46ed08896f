import type { Kysely } from 'kysely'
import { listFamilies } from '../../db/catalogue/exam-families.js'
import { findExam } from '../../db/catalogue/exams.js'
import { listProviders } from '../../db/catalogue/providers.js'
import type { DB } from '../../db/engine/schema.js'
import { insertOfferVersion, listOfferVersions } from '../../db/vouchers/offers.js'
import type { Instant } from '../../domain/instant.js'
import type { OfferVersion } from '../../domain/offer.js'
import {
  type OfferVersionInput,
  parseOfferTerms,
  refuseNextVersion,
  versionExists,
} from '../../domain/offer-terms.js'
import type { Clock } from '../clock.js'
import { AppError } from '../errors.js'
import { runCommand } from '../run-command.js'
import { computeOfferViews, type OfferView } from './list-offers.js'
import { refuseOfferTerms } from './refuse-offer-terms.js'

/**
 * Adds an offer (version 1) or the next version of one. Every term is
 * checked (the domain parses the terms, `parseOfferTerms`, and judges the
 * version against the earlier ones), and refused naming its field: the shape of each value
 * (VALIDATION_FAILED), terms that contradict each other or the versions
 * before (OFFER_TERMS_INVALID), families, providers and exams that do not
 * exist, and a version number already taken (OFFER_VERSION_EXISTS). A new
 * version never takes effect in the past: codes issued before it keep the
 * terms they were issued under, and so must the history of what was in force.
 */
export async function createOfferVersion(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  input: OfferVersionInput,
): Promise<OfferView> {
  const now = deps.clock.now()
  const offer = prepareOfferVersion(input, now)
  // A concurrent request may store the same version between the check and the insert.
  const onConflict = { offers: () => refuseOfferTerms(versionExists(offer)) }
  return runCommand(deps, { onConflict }, async (trx) => {
    const earlier = await listOfferVersions(trx, offer.offerId)
    const notNext = refuseNextVersion(offer, earlier)
    if (notNext) throw refuseOfferTerms(notNext)
    await requireKnownScope(trx, offer)
    await insertOfferVersion(trx, offer, now)
    return computeOfferViews([...earlier, offer], now)[0]!
  })
}

/** The terms as a version, checked on their own (not yet against the programme's data). */
export function prepareOfferVersion(input: OfferVersionInput, now: Instant): OfferVersion {
  const parsed = parseOfferTerms(input, now)
  if (!parsed.ok) throw refuseOfferTerms(parsed.problems[0]!)
  return parsed.offer
}

/** The families, prefixes, exams and providers the terms name exist in the programme. */
async function requireKnownScope(db: Kysely<DB>, offer: OfferVersion): Promise<void> {
  const families = await listFamilies(db)
  for (const [i, family] of offer.exams.families.entries()) {
    if (!families.some((known) => known.id === family)) {
      throw new AppError('FAMILY_UNKNOWN', { field: `exams.families.${i}`, family })
    }
  }
  for (const [i, prefix] of offer.exams.prefixes.entries()) {
    if (!families.some((known) => known.prefixes.includes(prefix))) {
      throw new AppError('OFFER_TERMS_INVALID', {
        field: `exams.prefixes.${i}`,
        problem: `no exam family has the prefix ${prefix}`,
      })
    }
  }
  for (const [i, number] of offer.exams.numbers.entries()) {
    if (!(await findExam(db, number))) {
      throw new AppError('EXAM_NOT_FOUND', { field: `exams.numbers.${i}`, exam: number })
    }
  }
  const providers = await listProviders(db)
  for (const [i, provider] of offer.providers.entries()) {
    if (!providers.some((known) => known.id === provider)) {
      throw new AppError('PROVIDER_UNKNOWN', { field: `providers.${i}`, provider })
    }
  }
}
