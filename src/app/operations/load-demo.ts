import type { Kysely } from 'kysely'
import { insertAccount } from '../../db/accounts/accounts.js'
import { insertBetaProgramme } from '../../db/beta/beta-programmes.js'
import { insertCandidate } from '../../db/candidates/candidates.js'
import { insertCertification } from '../../db/candidates/certifications.js'
import { insertFamily, listFamilies } from '../../db/catalogue/exam-families.js'
import { setExamPricing } from '../../db/catalogue/exam-prices.js'
import { countExams, insertExam } from '../../db/catalogue/exams.js'
import { insertProvider, setProviderExams } from '../../db/catalogue/providers.js'
import { insertSlots } from '../../db/catalogue/slots.js'
import { insertCentres } from '../../db/catalogue/test-centres.js'
import type { DB } from '../../db/engine/schema.js'
import { insertAttempt } from '../../db/retakes/attempts.js'
import { insertPolicyVersion } from '../../db/retakes/policy-versions.js'
import { insertWaiver } from '../../db/retakes/waivers.js'
import { insertOfferVersion, listOfferVersions } from '../../db/vouchers/offers.js'
import { buildDemoAccounts } from '../../demo/demo-accounts.js'
import { buildDemoCatalogue } from '../../demo/demo-catalogue.js'
import { DEMO_OFFERS } from '../../demo/demo-offers.js'
import { buildDemoPrices } from '../../demo/demo-prices.js'
import { DAY_MS } from '../../domain/instant.js'
import { forgetCatalogue } from '../catalogue/catalogue-cache.js'
import type { Clock } from '../clock.js'
import { runCommand } from '../run-command.js'

export interface DemoLoad {
  readonly programme: boolean
  readonly exams: number
  readonly candidates: number
  readonly attempts: number
  readonly centres: number
  readonly slots: number
}

/**
 * Installs the programme (exam families, their retake policies, the two
 * delivery providers with their change rules) into a database that has
 * none, and its offers into one that has no offer, and, when `withDemo`,
 * the demo catalogue with its prices, candidates, a person to sign in as
 * per role (a candidate, a support agent, an admin), the exams each provider
 * delivers, test centres and three weeks of slots into one that has no
 * exams. Running it again changes nothing.
 */
export async function loadDemo(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  withDemo = true,
): Promise<DemoLoad> {
  const now = deps.clock.now()
  const demo = buildDemoCatalogue(now)
  const loaded = await runCommand(deps, {}, async (trx) => {
    const programme = (await listFamilies(trx)).length === 0
    if (programme) {
      for (const version of demo.policyVersions) await insertPolicyVersion(trx, version)
      for (const family of demo.families) await insertFamily(trx, family)
      for (const provider of demo.providers) await insertProvider(trx, provider)
    }
    // Offers are programme data too; a programme installed before offers existed gets them now.
    if ((await listOfferVersions(trx)).length === 0) {
      for (const offer of DEMO_OFFERS) await insertOfferVersion(trx, offer, now)
    }
    if (!withDemo || (await countExams(trx)) > 0)
      return { programme, exams: 0, candidates: 0, attempts: 0, centres: 0, slots: 0 }

    // A beta exam refers to its live twin, so live exams go in first.
    const ordered = [...demo.exams].sort(
      (a, b) => Number(a.betaOf !== null) - Number(b.betaOf !== null),
    )
    for (const exam of ordered) await insertExam(trx, { ...exam, createdAt: now })
    for (const { exam, pricing } of buildDemoPrices(demo.exams))
      await setExamPricing(trx, exam, pricing)
    // The beta in progress gets a programme, so that its seats and restrictions show at once.
    for (const exam of demo.exams) {
      if (exam.status !== 'beta' || exam.betaOf === null || exam.betaPeriod === null) continue
      await insertBetaProgramme(
        trx,
        {
          exam: exam.number,
          seatLimit: 250,
          seatsTaken: 0,
          acceptsNewCandidates: true,
          restrictedCountries: ['CN', 'IR'],
          resultsReleaseAt: exam.betaPeriod.end + 30 * DAY_MS,
          resultsReleasedAt: null,
          holdMinutes: null,
        },
        now,
      )
    }
    for (const certification of demo.certifications) await insertCertification(trx, certification)
    let attempts = 0
    for (const { attempts: history, waivers, story: _story, ...candidate } of demo.candidates) {
      await insertCandidate(trx, { ...candidate, createdAt: now })
      for (const attempt of history) {
        await insertAttempt(trx, { ...attempt, candidateId: candidate.id, recordedAt: now })
        attempts++
      }
      for (const waiver of waivers ?? []) {
        await insertWaiver(trx, { ...waiver, candidateId: candidate.id, note: 'demo' })
      }
    }
    for (const account of buildDemoAccounts(now))
      await insertAccount(trx, { ...account, signUp: null })
    for (const { providerId, exams } of demo.providerExams)
      await setProviderExams(trx, providerId, exams)
    await insertCentres(
      trx,
      demo.centres.map(({ seats: _seats, ...centre }) => ({ ...centre, createdAt: now })),
    )
    const slots = await insertSlots(
      trx,
      demo.slots.map((slot) => ({ ...slot, createdAt: now })),
    )
    return {
      programme,
      exams: demo.exams.length,
      candidates: demo.candidates.length,
      attempts,
      centres: demo.centres.length,
      slots,
    }
  })
  forgetCatalogue(deps.db)
  return loaded
}
