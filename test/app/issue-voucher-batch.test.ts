import { describe, expect, it } from 'vitest'
import {
  type IssueVoucherBatchInput,
  issueVoucherBatch,
} from '../../src/app/vouchers/issue-voucher-batch.js'
import { listAuditOf } from '../../src/db/audit-log.js'
import { findMail, selectMailPage } from '../../src/db/mail/outbox.js'
import { insertOfferVersion } from '../../src/db/vouchers/offers.js'
import { listBatch } from '../../src/db/vouchers/vouchers.js'
import { DEMO_OFFERS } from '../../src/demo/demo-offers.js'
import { parseVoucherCode } from '../../src/domain/voucher-code.js'
import { computeVoucherDedupeKey } from '../../src/mail/compose-voucher-mail.js'
import { createCandidate } from '../factories/catalogue.js'
import { TEST_MAIL_SETTINGS } from '../factories/mail.js'
import { testDatabases } from '../support/databases.js'
import { days, instant, NOW, refusalOf, useApp } from './scenario.js'

const GROUPED = /^[2-9A-HJKMNP-Z]{6}-[2-9A-HJKMNP-Z]{6}-[2-9A-HJKMNP-Z]{6}$/

describe.each(testDatabases())('issueVoucherBatch on $name', ({ open }) => {
  const app = useApp(open)
  const deps = () => ({ ...app.deps(), mail: TEST_MAIL_SETTINGS })

  async function withOffers() {
    for (const offer of DEMO_OFFERS) await insertOfferVersion(app.db(), offer, NOW)
  }

  /** A study-book batch (one use, a year from issue) run as the programme admin. */
  function issue(
    changes: Partial<IssueVoucherBatchInput>,
    onProgress?: (d: number, t: number) => void,
  ) {
    return issueVoucherBatch(
      deps(),
      { offerId: 'study-book-15', batchId: 'batch-1', issuedBy: 'cli:amelia', ...changes },
      onProgress,
    )
  }

  it('issues bearer codes by position, in chunks, with one audit entry per chunk and no mail', async () => {
    await withOffers()
    const progress: [number, number][] = []
    const batch = await issue({ count: 1200 }, (done, total) => progress.push([done, total]))

    expect(batch).toMatchObject({
      batchId: 'batch-1',
      offerId: 'study-book-15',
      offerVersion: 1,
      issuedNow: 1200,
      alreadyThere: 0,
    })
    expect(batch.codes.map((code) => code.position)).toEqual(
      Array.from({ length: 1200 }, (_, i) => i + 1),
    )
    for (const code of batch.codes) {
      expect(code.code).toMatch(GROUPED)
      expect(parseVoucherCode(code.code).ok).toBe(true)
      expect(code.candidateId).toBeNull()
      expect(code.expiresAt).toBe(NOW + days(365))
    }
    expect(new Set(batch.codes.map((code) => code.code)).size).toBe(1200)
    expect(progress).toEqual([
      [0, 1200],
      [500, 1200],
      [1000, 1200],
      [1200, 1200],
    ])

    const stored = await listBatch(app.db(), 'batch-1')
    expect(stored).toHaveLength(1200)
    expect(stored[41]).toMatchObject({
      offerId: 'study-book-15',
      offerVersion: 1,
      candidateId: null,
      issuedAt: NOW,
      issuedBy: 'cli:amelia',
      batchPosition: 42,
    })
    expect(parseVoucherCode(batch.codes[41]!.code)).toEqual({ ok: true, code: stored[41]!.code })

    const audit = await listAuditOf(app.db(), 'voucher-batch', 'batch-1')
    expect(audit.map((entry) => entry.detail.positions)).toEqual(['1-500', '501-1000', '1001-1200'])
    expect(audit[0]).toMatchObject({ actorId: 'cli:amelia', actorRole: 'admin', channel: 'cli' })
    expect((await selectMailPage(app.db(), { limit: 10, offset: 0 })).total).toBe(0)
  })

  it('gives each named candidate a code, in list order, and mails it through the outbox', async () => {
    await withOffers()
    const ana = await createCandidate(app.db(), { firstName: 'Ana', timeZone: 'Europe/Lisbon' })
    const ben = await createCandidate(app.db(), { firstName: 'Ben' })
    const batch = await issue({ candidateIds: [ben.id, ana.id] })

    expect(batch.codes.map(({ position, candidateId }) => ({ position, candidateId }))).toEqual([
      { position: 1, candidateId: ben.id },
      { position: 2, candidateId: ana.id },
    ])
    for (const [candidate, code] of [
      [ben, batch.codes[0]!],
      [ana, batch.codes[1]!],
    ] as const) {
      const { items } = await selectMailPage(app.db(), {
        candidateId: candidate.id,
        limit: 10,
        offset: 0,
      })
      expect(items).toHaveLength(1)
      const mail = (await findMail(app.db(), items[0]!.id))!
      const canonical = code.code.replaceAll('-', '')
      expect(mail).toMatchObject({
        kind: 'voucher-issued',
        dedupeKey: computeVoucherDedupeKey(canonical),
        recipient: candidate.email,
        status: 'pending',
        createdAt: NOW,
      })
      expect(mail.bodyText).toContain(`Code:        ${code.code}`)
      expect(mail.bodyText).toContain('Study book 15 % discount')
      expect(mail.bodyText).toContain(TEST_MAIL_SETTINGS.help)
      const trail = await listAuditOf(app.db(), 'voucher', canonical)
      expect(trail).toMatchObject([
        { candidateId: candidate.id, action: 'voucher-issued', detail: { batchId: 'batch-1' } },
      ])
    }
    // 15 June 2027 12:00 UTC on Ana's clock in Lisbon (WEST).
    const anaMail = (await selectMailPage(app.db(), { candidateId: ana.id, limit: 1, offset: 0 }))
      .items[0]!
    expect((await findMail(app.db(), anaMail.id))!.bodyText).toContain(
      'Tuesday 15 June 2027, 13:00 (Europe/Lisbon, UTC+01:00)',
    )
  })

  it('gives the same codes when run again, and issues and mails nothing new', async () => {
    await withOffers()
    const ana = await createCandidate(app.db())
    const first = await issue({ candidateIds: [ana.id] })
    const bearer = await issue({ batchId: 'batch-2', count: 3 })

    app.clock.set(NOW + days(2))
    const again = await issue({ candidateIds: [ana.id] })
    expect(again.codes).toEqual(first.codes)
    expect(again).toMatchObject({ issuedNow: 0, alreadyThere: 1 })
    const bearerAgain = await issue({ batchId: 'batch-2', count: 3 })
    expect(bearerAgain.codes).toEqual(bearer.codes)
    expect(bearerAgain).toMatchObject({ issuedNow: 0, alreadyThere: 3 })

    expect((await selectMailPage(app.db(), { limit: 10, offset: 0 })).total).toBe(1)
    expect(await listAuditOf(app.db(), 'voucher-batch', 'batch-1')).toHaveLength(1)
    expect(await listBatch(app.db(), 'batch-2')).toHaveLength(3)
  })

  it('resumes a batch cut short: keeps the codes made and makes only the missing positions', async () => {
    await withOffers()
    const [ana, ben, cai] = [
      await createCandidate(app.db()),
      await createCandidate(app.db()),
      await createCandidate(app.db()),
    ]
    // What a run that died after its first chunk leaves behind: a prefix of the batch.
    const prefix = await issue({ count: 3 })
    app.clock.set(NOW + days(1))
    const whole = await issue({ count: 7 })
    expect(whole.codes.slice(0, 3)).toEqual(prefix.codes)
    expect(whole).toMatchObject({ issuedNow: 4, alreadyThere: 3 })
    expect(whole.codes.slice(3).map((code) => code.expiresAt)).toEqual(
      Array(4).fill(NOW + days(366)),
    )
    expect(new Set(whole.codes.map((code) => code.code)).size).toBe(7)
    expect(
      (await listAuditOf(app.db(), 'voucher-batch', 'batch-1')).map((e) => e.detail.positions),
    ).toEqual(['1-3', '4-7'])

    const named = await issue({ batchId: 'named', candidateIds: [ana!.id, ben!.id] })
    const all = await issue({ batchId: 'named', candidateIds: [ana!.id, ben!.id, cai!.id] })
    expect(all.codes.slice(0, 2)).toEqual(named.codes)
    expect(all).toMatchObject({ issuedNow: 1, alreadyThere: 2 })
    expect((await selectMailPage(app.db(), { limit: 10, offset: 0 })).total).toBe(3)
  })

  it('hands two runs of one batch at once the same codes, made once', async () => {
    await withOffers()
    const [a, b] = await Promise.all([issue({ count: 700 }), issue({ count: 700 })])
    expect(a.codes).toEqual(b.codes)
    expect(a.issuedNow + b.issuedNow).toBe(700)
    expect(await listBatch(app.db(), 'batch-1')).toHaveLength(700)
  })

  it('refuses a batch id used for another offer, other candidates or fewer codes', async () => {
    await withOffers()
    const ana = await createCandidate(app.db())
    const ben = await createCandidate(app.db())
    await issue({ count: 2 })
    await issue({ batchId: 'named', candidateIds: [ana.id, ben.id] })

    const refusals = [
      await refusalOf(issue({ offerId: 'beta-invitation', count: 2 })),
      await refusalOf(issue({ count: 1 })),
      await refusalOf(issue({ candidateIds: [ana.id, ben.id] })),
      await refusalOf(issue({ batchId: 'named', candidateIds: [ben.id, ana.id] })),
      await refusalOf(issue({ batchId: 'named', count: 2 })),
    ]
    for (const refusal of refusals) {
      expect(refusal).toMatchObject({ code: 'VOUCHER_BATCH_MISMATCH', field: 'batchId' })
    }
    expect(refusals[0]!.facts.problem).toBe('it was made for offer study-book-15')
    expect(refusals[3]!.facts.problem).toBe(
      `its code at position 1 is for ${ana.id}, not ${ben.id}`,
    )
    expect(await listBatch(app.db(), 'batch-1')).toHaveLength(2)
    expect(await listBatch(app.db(), 'named')).toHaveLength(2)
  })

  it('lists every unknown candidate and issues nothing', async () => {
    await withOffers()
    const ana = await createCandidate(app.db())
    const refusal = await refusalOf(issue({ candidateIds: ['ghost-1', ana.id, 'ghost-2'] }))
    expect(refusal).toMatchObject({
      code: 'CANDIDATES_NOT_FOUND',
      field: 'candidateIds',
      facts: { candidateIds: ['ghost-1', 'ghost-2'] },
    })
    expect(refusal.message).toBe('Nothing was issued: there is no candidate ghost-1, ghost-2.')
    expect(await listBatch(app.db(), 'batch-1')).toEqual([])
    expect((await selectMailPage(app.db(), { limit: 10, offset: 0 })).total).toBe(0)
  })

  it('issues under the version in force now, and refuses codes that would be born expired', async () => {
    await withOffers()
    // In June 2026 the Second Shot in force is the 2014 one, used up since 1 June 2014.
    expect(await refusalOf(issue({ offerId: 'second-shot', count: 1 }))).toMatchObject({
      code: 'OFFER_CLOSED',
      field: 'offerId',
    })
    app.clock.set(instant('2026-09-02T00:00:00Z'))
    const batch = await issue({ offerId: 'second-shot', count: 1 })
    expect(batch.offerVersion).toBe(4)
    expect(batch.codes[0]!.expiresAt).toBe(instant('2027-10-01T00:00:00Z'))
  })

  it('refuses an unknown offer and a malformed request before anything else', async () => {
    await withOffers()
    const ana = await createCandidate(app.db())
    expect(await refusalOf(issue({ offerId: 'no-such-offer', count: 1 }))).toMatchObject({
      code: 'OFFER_NOT_FOUND',
      field: 'offerId',
    })
    expect(await refusalOf(issue({}))).toMatchObject({ code: 'VALIDATION_FAILED', field: 'count' })
    expect(await refusalOf(issue({ count: 1, candidateIds: [ana.id] }))).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'count',
    })
    for (const count of [0, 1.5, 1_000_001]) {
      expect(await refusalOf(issue({ count }))).toMatchObject({ field: 'count' })
    }
    expect(await refusalOf(issue({ candidateIds: [] }))).toMatchObject({ field: 'candidateIds' })
    const twice = await refusalOf(issue({ candidateIds: [ana.id, ana.id] }))
    expect(twice).toMatchObject({ code: 'VALIDATION_FAILED', field: 'candidateIds' })
    expect(twice.message).toContain('positions 1 and 2')
    expect(await refusalOf(issue({ batchId: ' ', count: 1 }))).toMatchObject({ field: 'batchId' })
  })
})
