import { describe, expect, it } from 'vitest'
import { listEarnedCertifications } from '../../src/app/candidates/list-earned-certifications.js'
import { listExams } from '../../src/app/catalogue/list-exams.js'
import { loadDemo } from '../../src/app/operations/load-demo.js'
import { decideEligibility } from '../../src/app/retakes/decide-eligibility.js'
import { listAttempts } from '../../src/app/retakes/list-attempts.js'
import { planRetakes } from '../../src/app/retakes/plan-retakes.js'
import { listCertifications } from '../../src/db/candidates/certifications.js'
import { listFamilies } from '../../src/db/catalogue/exam-families.js'
import { findExamPricing } from '../../src/db/catalogue/exam-prices.js'
import { listProviders } from '../../src/db/catalogue/providers.js'
import { listPolicyVersions } from '../../src/db/retakes/policy-versions.js'
import { listOfferVersions } from '../../src/db/vouchers/offers.js'
import { DEMO_OFFERS } from '../../src/demo/demo-offers.js'
import { DEMO_FAMILY_PRICES } from '../../src/demo/demo-prices.js'
import { addCalendarMonths } from '../../src/domain/calendar-months.js'
import { testDatabases } from '../support/databases.js'
import { type AppDeps, days, hours, iso, NOW, useApp, useDemoForReading } from './scenario.js'

/** Row counts a person would see change (or not) when loading the demo. */
async function contents({ db }: AppDeps) {
  const count = async (table: 'candidates' | 'attempts' | 'exam_prices') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  return {
    families: (await listFamilies(db)).length,
    policyVersions: (await listPolicyVersions(db)).length,
    providers: (await listProviders(db)).map((provider) => provider.id),
    exams: (await listExams({ db }, {})).total,
    certifications: (await listCertifications(db)).length,
    candidates: await count('candidates'),
    attempts: await count('attempts'),
    offerVersions: (await listOfferVersions(db)).length,
    prices: await count('exam_prices'),
  }
}

describe.each(testDatabases())('load-demo on $name', ({ open }) => {
  const { deps } = useApp(open)

  it('loads the programme and the demo into an empty database', async () => {
    expect(await loadDemo(deps())).toEqual({
      programme: true,
      exams: 36,
      candidates: 8,
      attempts: 17,
      centres: 14,
      slots: 420,
    })
    expect(await contents(deps())).toEqual({
      families: 6,
      policyVersions: 5,
      providers: ['pearson-vue', 'prometric'],
      exams: 36,
      certifications: 5,
      candidates: 8,
      attempts: 17,
      offerVersions: 8,
      prices: 36,
    })
  })

  it('installs the offers with the programme and prices every demo exam by its family', async () => {
    await loadDemo(deps())
    const { db } = deps()
    const byKey = (offers: readonly { offerId: string; version: number }[]) =>
      [...offers].sort((a, b) =>
        a.offerId === b.offerId ? a.version - b.version : a.offerId < b.offerId ? -1 : 1,
      )
    expect(await listOfferVersions(db)).toEqual(byKey(DEMO_OFFERS))
    const { items } = await listExams({ db }, { limit: 500 })
    expect(items).toHaveLength(36)
    for (const exam of items) {
      const family = DEMO_FAMILY_PRICES[exam.family]!
      expect({ exam: exam.number, ...(await findExamPricing(db, exam.number)) }).toEqual({
        exam: exam.number,
        priceClass: family.priceClass,
        prices: family.prices,
      })
    }
    expect(await findExamPricing(db, '070-620')).toEqual({
      priceClass: 'regular',
      prices: [{ currency: 'USD', cents: 16_500 }],
    })
    expect((await findExamPricing(db, '072-620'))?.priceClass).toBe('academic')
  })

  it('gives offers to a programme installed before there were any', async () => {
    await loadDemo(deps())
    await deps().db.deleteFrom('offers').execute()
    await loadDemo(deps())
    expect(await listOfferVersions(deps().db)).toHaveLength(DEMO_OFFERS.length)
  })

  it('adds nothing when run again', async () => {
    await loadDemo(deps())
    const before = await contents(deps())
    expect(await loadDemo(deps())).toEqual({
      programme: false,
      exams: 0,
      candidates: 0,
      attempts: 0,
      centres: 0,
      slots: 0,
    })
    expect(await contents(deps())).toEqual(before)
  })

  it('without the demo installs only families, policies, providers and offers', async () => {
    expect(await loadDemo(deps(), false)).toEqual({
      programme: true,
      exams: 0,
      candidates: 0,
      attempts: 0,
      centres: 0,
      slots: 0,
    })
    expect(await contents(deps())).toEqual({
      families: 6,
      policyVersions: 5,
      providers: ['pearson-vue', 'prometric'],
      exams: 0,
      certifications: 0,
      candidates: 0,
      attempts: 0,
      offerVersions: 8,
      prices: 0,
    })
    // The demo can still be added later, on top of the programme already there.
    expect(await loadDemo(deps())).toMatchObject({ programme: false, exams: 36, candidates: 8 })
  })
})

describe.each(testDatabases())('the demo candidates’ stories on $name', ({ open }) => {
  // The stories only read: one demo database per engine serves them all.
  const { deps } = useDemoForReading(open)

  async function decide(candidateId: string, exam: string) {
    const { decision } = await decideEligibility(deps(), { candidateId, exam })
    return {
      code: decision.code,
      eligible: decision.eligible,
      earliestAt: iso(decision.earliestAt),
      attemptNumber: decision.attemptNumber,
    }
  }

  async function historyOf(candidateId: string) {
    return (await listAttempts(deps(), candidateId, { limit: 200, offset: 0 })).items
  }

  it('cand-ana may retake 070-620 14 days after her second failure, across providers', async () => {
    const decision = await decide('cand-ana', '070-620')
    const [first, second] = await historyOf('cand-ana')
    expect([first?.provider, second?.provider]).toEqual(['prometric', 'pearson-vue'])
    expect(decision).toEqual({
      code: 'RETAKE_TOO_SOON',
      eligible: false,
      earliestAt: iso(second!.takenAt + days(14)),
      attemptNumber: 3,
    })
    expect(decision.earliestAt).toBe('2026-06-28T02:30:00.000Z')
  })

  it('cand-ben is held by the annual limit until 12 months after his first attempt', async () => {
    const decision = await decide('cand-ben', '070-680')
    const history = await historyOf('cand-ben')
    expect(history).toHaveLength(5)
    expect(decision).toEqual({
      code: 'ANNUAL_LIMIT_REACHED',
      eligible: false,
      earliestAt: iso(addCalendarMonths(history[0]!.takenAt, 12)),
      attemptNumber: 6,
    })
    expect(decision.earliestAt).toBe('2026-08-19T16:30:00.000Z')
  })

  it('cand-priya passed 070-685 and may not sit it again', async () => {
    expect(await decide('cand-priya', '070-685')).toEqual({
      code: 'ALREADY_PASSED',
      eligible: false,
      earliestAt: null,
      attemptNumber: 3,
    })
  })

  it('cand-jonas may take 098-349 again: his 36-month MTA certification has expired', async () => {
    expect(await decide('cand-jonas', '098-349')).toEqual({
      code: 'ELIGIBLE',
      eligible: true,
      earliestAt: iso(NOW),
      attemptNumber: 2,
    })
    const [pass] = await historyOf('cand-jonas')
    const { earned } = await listEarnedCertifications(deps(), 'cand-jonas')
    expect(earned).toEqual([
      {
        certificationId: 'mta-windows-os-fundamentals',
        name: 'MTA: Windows Operating System Fundamentals',
        exams: ['098-349'],
        earnedAt: pass!.takenAt,
        expiresAt: addCalendarMonths(pass!.takenAt, 36),
        current: false,
      },
    ])
    expect(earned[0]!.expiresAt!).toBeLessThan(NOW)
  })

  it('cand-chloe failed the 071-622 beta and may take the live 070-622 now', async () => {
    expect(await decide('cand-chloe', '070-622')).toEqual({
      code: 'ELIGIBLE',
      eligible: true,
      earliestAt: iso(NOW),
      attemptNumber: 1,
    })
    // 070-622 is what her MCITP still lacks: so far 070-620 earned only the MCTS.
    const { earned } = await listEarnedCertifications(deps(), 'cand-chloe')
    expect(earned.map((certification) => certification.name)).toEqual([
      'MCTS: Windows Vista, Configuration',
    ])
  })

  it('cand-lucas may not sit the 071-621 beta again, and 070-621 is not live yet', async () => {
    expect(await decide('cand-lucas', '071-621')).toEqual({
      code: 'BETA_ALREADY_TAKEN',
      eligible: false,
      earliestAt: null,
      attemptNumber: 2,
    })
    const { decision } = await decideEligibility(deps(), {
      candidateId: 'cand-lucas',
      exam: '70-621',
    })
    expect(decision).toMatchObject({ code: 'EXAM_NOT_AVAILABLE', earliestAt: null })
  })

  it('cand-amara may retake 077-727 48 hours after her latest failure, though she passed it', async () => {
    const decision = await decide('cand-amara', '077-727')
    const history = await historyOf('cand-amara')
    expect(history.map((attempt) => attempt.outcome)).toEqual(['fail', 'pass', 'fail', 'fail'])
    expect(decision).toEqual({
      code: 'RETAKE_TOO_SOON',
      eligible: false,
      earliestAt: iso(history[3]!.takenAt + hours(48)),
      attemptNumber: 5,
    })
    expect(decision.earliestAt).toBe('2026-06-16T15:00:00.000Z')
  })

  it('cand-kenji may take every live exam now as a first attempt', async () => {
    const live = await listExams(deps(), { status: 'live' })
    expect(live.total).toBe(30)
    for (const exam of live.items) {
      const { decision } = await decideEligibility(deps(), {
        candidateId: 'cand-kenji',
        exam: exam.number,
      })
      expect({
        exam: exam.number,
        code: decision.code,
        attemptNumber: decision.attemptNumber,
      }).toEqual({ exam: exam.number, code: 'ELIGIBLE', attemptNumber: 1 })
    }
  })

  it('plans cand-ana’s next six attempts at 070-620, each later than the one before', async () => {
    const plan = await planRetakes(deps(), { candidateId: 'cand-ana', exam: '70-620' })
    expect(plan.exam.number).toBe('070-620')
    expect(plan.timeZone).toBe('Pacific/Auckland')
    expect(plan.steps.map((step) => [step.attemptNumber, step.code, iso(step.earliestAt)])).toEqual(
      [
        [3, 'RETAKE_TOO_SOON', '2026-06-28T02:30:00.000Z'],
        [4, 'RETAKE_TOO_SOON', '2026-07-12T02:30:00.000Z'],
        [5, 'RETAKE_TOO_SOON', '2026-07-26T02:30:00.000Z'],
        // Five attempts in the 12 months from her first one (2026-05-26T21:00Z).
        [6, 'ANNUAL_LIMIT_REACHED', '2027-05-26T21:00:00.000Z'],
        [7, 'RETAKE_TOO_SOON', '2027-06-09T21:00:00.000Z'],
        [8, 'RETAKE_TOO_SOON', '2027-06-23T21:00:00.000Z'],
      ],
    )
    const dates = plan.steps.map((step) => step.earliestAt!)
    for (let i = 1; i < dates.length; i++) expect(dates[i]!).toBeGreaterThan(dates[i - 1]!)
  })
})
