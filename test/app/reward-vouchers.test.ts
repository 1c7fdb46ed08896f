import type { Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import { issueRewardVouchers } from '../../src/app/beta/issue-reward-vouchers.js'
import { listAuditOf } from '../../src/db/audit-log.js'
import type { DB } from '../../src/db/engine/schema.js'
import { findMail, selectMailPage } from '../../src/db/mail/outbox.js'
import { insertOfferVersion, listOfferVersions } from '../../src/db/vouchers/offers.js'
import { listVouchersOfCandidate } from '../../src/db/vouchers/vouchers.js'
import { BETA_REWARD } from '../../src/demo/demo-offers.js'
import { isBetaExam } from '../../src/domain/exam.js'
import { formatVoucherCode } from '../../src/domain/voucher-code.js'
import { computeVoucherDedupeKey } from '../../src/mail/compose-voucher-mail.js'
import { call, expectOk, expectProblem, useApi } from '../api/api-harness.js'
import { createAttempt, createCandidate, createExam, createFamily } from '../factories/catalogue.js'
import { TEST_MAIL_SETTINGS } from '../factories/mail.js'
import { testDatabases } from '../support/databases.js'
import { days, NOW, refusalOf, useApp } from './scenario.js'

describe('isBetaExam', () => {
  it('knows a beta exam by its family or by the live exam it previews', () => {
    expect(isBetaExam({ family: 'beta', betaOf: '070-621' })).toBe(true)
    expect(isBetaExam({ family: 'beta', betaOf: null })).toBe(true)
    expect(isBetaExam({ family: 'general', betaOf: '070-621' })).toBe(true)
    expect(isBetaExam({ family: 'general', betaOf: null })).toBe(false)
  })
})

/** The general family with 070-621/622, the beta family with their betas 071-621/622. */
async function catalogue(db: Kysely<DB>) {
  await createFamily(db)
  await createFamily(db, {
    id: 'beta',
    name: 'Beta exams',
    prefixes: ['071'],
    policy: { kind: 'beta', waitHours: [], attemptLimit: null },
  })
  const betaPeriod = { start: NOW - days(100), end: NOW - days(60) }
  for (const serial of ['621', '622']) {
    await createExam(db, { number: `070-${serial}` })
    await createExam(db, {
      number: `071-${serial}`,
      family: 'beta',
      status: 'retired',
      betaOf: `070-${serial}`,
      betaPeriod,
    })
  }
}

describe.each(testDatabases())('issueRewardVouchers on $name', ({ open }) => {
  const app = useApp(open)
  const deps = () => ({ ...app.deps(), mail: TEST_MAIL_SETTINGS })

  /** Ana sat 071-621 twice and 071-622 once, and the live 070-621 once. */
  async function scene() {
    const db = app.db()
    await catalogue(db)
    await insertOfferVersion(db, BETA_REWARD, NOW)
    const ana = await createCandidate(db, { firstName: 'Ana' })
    await createAttempt(db, { candidateId: ana.id, exam: '071-621', takenAt: NOW - days(90) })
    await createAttempt(db, { candidateId: ana.id, exam: '071-622', takenAt: NOW - days(80) })
    await createAttempt(db, {
      candidateId: ana.id,
      exam: '071-621',
      takenAt: NOW - days(70),
      outcome: 'pending',
    })
    await createAttempt(db, {
      candidateId: ana.id,
      exam: '070-621',
      takenAt: NOW - days(10),
      outcome: 'pass',
    })
    return { ana }
  }

  const reward = (candidateId: string) =>
    issueRewardVouchers(deps(), { candidateId, issuedBy: 'beta-release' })

  it('gives one reward per beta exam taken, however often it was sat, and mails each', async () => {
    const { ana } = await scene()
    const issued = await reward(ana.id)
    expect(issued.issuedNow).toBe(2)
    expect(issued.rewards.map((r) => ({ exam: r.exam, issuedNow: r.issuedNow }))).toEqual([
      { exam: '071-621', issuedNow: true },
      { exam: '071-622', issuedNow: true },
    ])
    for (const { voucher, exam } of issued.rewards) {
      expect(voucher).toMatchObject({
        offerId: 'beta-reward',
        offerVersion: 1,
        candidateId: ana.id,
        rewardForExam: exam,
        issuedAt: NOW,
        expiresAt: NOW + days(365),
        issuedBy: 'beta-release',
        batchId: null,
      })
      const { items } = await selectMailPage(app.db(), {
        candidateId: ana.id,
        limit: 10,
        offset: 0,
      })
      const mail = items.find((m) => m.dedupeKey === computeVoucherDedupeKey(voucher.code))!
      const body = (await findMail(app.db(), mail.id))!.bodyText
      expect(body).toContain(`Thank you for taking the beta exam ${exam}.`)
      expect(body).toContain(formatVoucherCode(voucher.code))
      expect(await listAuditOf(app.db(), 'voucher', voucher.code)).toMatchObject([
        { action: 'reward-voucher-issued', candidateId: ana.id, detail: { exam } },
      ])
    }
  })

  it('changes nothing when run again: still two rewards, none new, no more mail', async () => {
    const { ana } = await scene()
    const first = await reward(ana.id)
    app.clock.set(NOW + days(3))
    const again = await reward(ana.id)
    expect(again.issuedNow).toBe(0)
    expect(again.rewards.map((r) => r.voucher)).toEqual(first.rewards.map((r) => r.voucher))
    expect(again.rewards.every((r) => !r.issuedNow)).toBe(true)
    expect(
      (await selectMailPage(app.db(), { candidateId: ana.id, limit: 10, offset: 0 })).total,
    ).toBe(2)
  })

  it('keeps one reward per exam when runs race, each code made by exactly one of them', async () => {
    const { ana } = await scene()
    const runs = await Promise.all([reward(ana.id), reward(ana.id), reward(ana.id)])
    const stored = await listVouchersOfCandidate(app.db(), ana.id)
    expect(stored.map((v) => v.rewardForExam).sort()).toEqual(['071-621', '071-622'])
    for (const run of runs) {
      expect(run.rewards.map((r) => r.voucher.code).sort()).toEqual(
        stored.map((v) => v.code).sort(),
      )
    }
    const madeBy = runs.flatMap((run) => run.rewards.filter((r) => r.issuedNow))
    expect(madeBy.map((r) => r.voucher.code).sort()).toEqual(stored.map((v) => v.code).sort())
    expect(
      (await selectMailPage(app.db(), { candidateId: ana.id, limit: 10, offset: 0 })).total,
    ).toBe(2)
  })

  it('gives nothing for attempts at exams that are not beta exams', async () => {
    await catalogue(app.db())
    await insertOfferVersion(app.db(), BETA_REWARD, NOW)
    const ben = await createCandidate(app.db())
    await createAttempt(app.db(), { candidateId: ben.id, exam: '070-621' })
    await createAttempt(app.db(), { candidateId: ben.id, exam: '070-622', outcome: 'pass' })
    expect(await reward(ben.id)).toEqual({ candidateId: ben.id, rewards: [], issuedNow: 0 })
    expect(await listVouchersOfCandidate(app.db(), ben.id)).toEqual([])
  })

  it('refuses an unknown candidate, and a missing reward offer when a reward is due', async () => {
    await catalogue(app.db())
    expect(await refusalOf(reward('ghost'))).toMatchObject({
      code: 'CANDIDATE_NOT_FOUND',
      field: 'candidateId',
    })
    const cai = await createCandidate(app.db())
    // Nothing due: no offer needed.
    expect((await reward(cai.id)).rewards).toEqual([])
    await createAttempt(app.db(), { candidateId: cai.id, exam: '071-622' })
    expect(await refusalOf(reward(cai.id))).toMatchObject({
      code: 'OFFER_NOT_FOUND',
      facts: { offerId: 'beta-reward' },
    })
  })
})

describe.each(testDatabases())('POST /v1/candidates/{id}/reward-vouchers ($name)', ({ open }) => {
  const world = useApi(open)

  async function withRewardOffer() {
    const { db } = world()
    if ((await listOfferVersions(db, 'beta-reward')).length === 0) {
      await insertOfferVersion(db, BETA_REWARD, NOW)
    }
  }

  it('issues the missing rewards for support staff and answers every reward, marking the new', async () => {
    await withRewardOffer()
    // Chloe sat the 071-622 beta in the demo.
    const first = expectOk<{
      candidateId: string
      issued: number
      items: Record<string, unknown>[]
    }>(
      await call(
        world(),
        'POST',
        '/v1/candidates/cand-chloe/reward-vouchers',
        undefined,
        'support',
      ),
    )
    expect(first).toEqual({
      candidateId: 'cand-chloe',
      issued: 1,
      items: [
        {
          code: expect.stringMatching(/^[2-9A-Z]{6}-[2-9A-Z]{6}-[2-9A-Z]{6}$/),
          exam: '071-622',
          offerId: 'beta-reward',
          offerVersion: 1,
          issuedAt: '2026-06-15T12:00:00.000Z',
          expiresAt: '2027-06-15T12:00:00.000Z',
          expiresAtLocal: expect.stringMatching(/^2027-06-15T\d\d:00 \w+\/\w+$/),
          new: true,
        },
      ],
    })
    const again = expectOk<typeof first>(
      await call(world(), 'POST', '/v1/candidates/cand-chloe/reward-vouchers'),
    )
    expect(again).toEqual({ ...first, issued: 0, items: [{ ...first.items[0], new: false }] })
  })

  it('is for admins and support only, and names an unknown candidate', async () => {
    await withRewardOffer()
    const url = '/v1/candidates/cand-chloe/reward-vouchers'
    expectProblem(await call(world(), 'POST', url, undefined, 'provider'), 403, 'FORBIDDEN')
    expectProblem(await call(world(), 'POST', url, undefined, null), 401, 'UNAUTHENTICATED')
    expectProblem(
      await call(world(), 'POST', '/v1/candidates/nobody/reward-vouchers'),
      404,
      'CANDIDATE_NOT_FOUND',
      'id',
    )
  })
})
