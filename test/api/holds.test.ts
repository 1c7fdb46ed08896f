import { describe, expect, it } from 'vitest'
import { expireHolds } from '../../src/app/registrations/expire-holds.js'
import { newVoucher } from '../../src/app/vouchers/new-voucher.js'
import { readConfig } from '../../src/config.js'
import { setExamPricing } from '../../src/db/catalogue/exam-prices.js'
import { insertVoucher } from '../../src/db/vouchers/vouchers.js'
import { STUDY_BOOK_DISCOUNT } from '../../src/demo/demo-offers.js'
import { formatVoucherCode } from '../../src/domain/voucher-code.js'
import { buildExamdeskApp } from '../../src/http/examdesk-app.js'
import { startHoldExpiryJob } from '../../src/jobs/hold-expiry-job.js'
import { readMailSettings } from '../../src/mail/mail-settings.js'
import { bookedSeats, createCentre, createSlot, deliver } from '../factories/appointments.js'
import { testDatabases } from '../support/databases.js'
import {
  type ApiWorld,
  book,
  call,
  expectOk,
  expectProblem,
  instant,
  NOW,
  registerCandidate,
  useApi,
} from './api-harness.js'
import { BETA, createBetaExam, setBetaProgramme } from './beta-world.js'

const MINUTE = 60_000

interface Registration {
  id: string
  status: string
  paymentStatus: string
  holdExpiresAt: string | null
  holdEnded: 'expired' | 'released' | null
  price: { currency: string; dueCents: number } | null
}
interface HistoryEntry {
  action: string
  actor: { tokenId: string; role: string }
  detail: Record<string, unknown>
}

const mail = readMailSettings(readConfig({}))
const silent = { info() {}, warn() {}, error() {} }

/** One tick of the server's job, as it runs every half minute; returns the holds it released. */
async function runHoldJob(w: ApiWorld): Promise<number> {
  const job = startHoldExpiryJob({ db: w.db, clock: w.clock, mail }, silent, 3_600_000)
  try {
    return await job.tick()
  } finally {
    await job.stop()
  }
}

/** 70-620 and its beta, both priced, delivered by Prometric; a centre; the beta's programme. */
async function world(w: ApiWorld, programme: Record<string, unknown> = {}) {
  await createBetaExam(w)
  await deliver(w.db, 'prometric', ['070-620'])
  await setExamPricing(w.db, '070-620', {
    priceClass: 'regular',
    prices: [{ currency: 'USD', cents: 16_500 }],
  })
  await setExamPricing(w.db, BETA, {
    priceClass: 'discounted',
    prices: [{ currency: 'USD', cents: 8_000 }],
  })
  await setBetaProgramme(w, programme)
  return createCentre(w.db)
}

const getRegistration = async (w: ApiWorld, id: string) =>
  expectOk<{ registration: Registration; history: HistoryEntry[] }>(
    await call(w, 'GET', `/v1/registrations/${id}`),
  )

const pay = (w: ApiWorld, id: string, cents: number) =>
  call(w, 'POST', `/v1/registrations/${id}/payment`, {
    method: 'card',
    currency: 'USD',
    cents,
  })

const releaseHold = (w: ApiWorld, id: string, body: unknown, role: 'admin' | 'support' = 'admin') =>
  call(w, 'POST', `/v1/registrations/${id}/release-hold`, body, role)

const mailTo = (w: ApiWorld, candidateId: string) =>
  w.db
    .selectFrom('outbox')
    .select(['kind', 'subject', 'body_text as bodyText'])
    .where('candidate_id', '=', candidateId)
    .orderBy('created_at')
    .execute()

const seatsTaken = async (w: ApiWorld) =>
  expectOk<{ seatsTaken: number }>(await call(w, 'GET', '/v1/exams/71-620/beta-programme'))
    .seatsTaken

describe.each(testDatabases())('unpaid holds on $name', ({ open }) => {
  const get = useApi(open, { demo: false })

  it('holds an unpaid seat for 30 minutes, then the job releases it once: seat, mail, audit', async () => {
    const w = get()
    const centre = await world(w)
    const slot = await createSlot(w.db, centre, instant('2026-07-01T09:00:00Z'))
    const lea = await registerCandidate(w)
    const held = expectOk<Registration>(
      await book(w, { candidateId: lea, slotId: slot }, 'h1'),
      201,
    )
    expect(held).toMatchObject({
      status: 'booked',
      paymentStatus: 'due',
      holdExpiresAt: '2026-06-15T12:30:00.000Z',
      holdEnded: null,
    })
    expect(await bookedSeats(w.db, slot)).toBe(1)

    w.clock.set(NOW + 30 * MINUTE - 1)
    expect(await runHoldJob(w)).toBe(0)
    expect(await bookedSeats(w.db, slot)).toBe(1)

    w.clock.set(NOW + 30 * MINUTE)
    expect(await runHoldJob(w)).toBe(1)
    expect(await bookedSeats(w.db, slot)).toBe(0)
    const { registration, history } = await getRegistration(w, held.id)
    expect(registration).toMatchObject({
      status: 'cancelled',
      paymentStatus: 'due',
      holdExpiresAt: '2026-06-15T12:30:00.000Z',
      holdEnded: 'expired',
    })
    const expired = history.find((entry) => entry.action === 'hold-expired')
    expect(expired?.actor.tokenId).toBe('system:hold-expiry')
    expect(expired?.detail.reason).toMatch(/no payment came/)
    const mails = await mailTo(w, lea)
    expect(mails.map((m) => m.kind)).toEqual(['hold-expired'])
    expect(mails[0]?.subject).toContain('Seat released, not paid: 070-620')
    expect(mails[0]?.bodyText).toContain(held.id)

    // Paying now is refused with its own code; a second run finds nothing to release.
    expectProblem(await pay(w, held.id, 16_500), 409, 'HOLD_EXPIRED')
    expect(await runHoldJob(w)).toBe(0)
    expect(await bookedSeats(w.db, slot)).toBe(0)
  })

  it('holds for the configured minutes, and never past the appointment', async () => {
    const w = get()
    const centre = await world(w)
    const soon = await createSlot(w.db, centre, NOW + 20 * MINUTE)
    const lea = await registerCandidate(w)
    const held = expectOk<Registration>(
      await book(w, { candidateId: lea, slotId: soon, acknowledgeDeadlines: true }, 's'),
      201,
    )
    expect(held.holdExpiresAt).toBe('2026-06-15T12:20:00.000Z')

    const app = await buildExamdeskApp({ db: w.db, clock: w.clock, holdMinutes: 10 })
    try {
      const later = await createSlot(w.db, centre, instant('2026-07-01T09:00:00Z'))
      const ben = await registerCandidate(w, { email: 'ben@example.com' })
      const answer = await book({ ...w, app }, { candidateId: ben, slotId: later }, 't')
      expect(expectOk<Registration>(answer, 201).holdExpiresAt).toBe('2026-06-15T12:10:00.000Z')
    } finally {
      await app.close()
    }
  })

  it("holds a beta's seats for the programme's own minutes when it sets them", async () => {
    const w = get()
    const centre = await world(w, { holdMinutes: 15 })
    const programme = expectOk<{ holdMinutes: number | null }>(
      await call(w, 'GET', '/v1/exams/71-620/beta-programme'),
    )
    expect(programme.holdMinutes).toBe(15)
    const slot = await createSlot(w.db, centre, instant('2026-07-01T09:00:00Z'))
    const lea = await registerCandidate(w)
    const beta = expectOk<Registration>(
      await book(w, { candidateId: lea, exam: '71-620', slotId: slot }, 'beta'),
      201,
    )
    expect(beta.holdExpiresAt).toBe('2026-06-15T12:15:00.000Z')
    // The live exam keeps the programme-wide 30 minutes.
    const live = expectOk<Registration>(
      await book(w, { candidateId: lea, slotId: slot }, 'live'),
      201,
    )
    expect(live.holdExpiresAt).toBe('2026-06-15T12:30:00.000Z')
    w.clock.set(NOW + 15 * MINUTE)
    expect(await runHoldJob(w)).toBe(1)
    expect((await getRegistration(w, beta.id)).registration.holdEnded).toBe('expired')
    expectProblem(
      await call(w, 'PUT', '/v1/exams/71-620/beta-programme', {
        seatLimit: 100,
        acceptsNewCandidates: true,
        restrictedCountries: [],
        resultsReleaseAt: '2026-09-15T00:00:00Z',
        holdMinutes: 0,
      }),
      400,
      'VALIDATION_FAILED',
      'holdMinutes',
    )
  })

  it('confirms a hold paid in time; refuses a payment after the end even before the job came', async () => {
    const w = get()
    const centre = await world(w)
    const slot = await createSlot(w.db, centre, instant('2026-07-01T09:00:00Z'))
    const lea = await registerCandidate(w)
    const ben = await registerCandidate(w, { email: 'ben@example.com' })
    const early = expectOk<Registration>(
      await book(w, { candidateId: lea, slotId: slot }, 'a'),
      201,
    )
    const late = expectOk<Registration>(await book(w, { candidateId: ben, slotId: slot }, 'b'), 201)

    w.clock.set(NOW + 29 * MINUTE)
    const paid = expectOk<Registration>(await pay(w, early.id, 16_500))
    expect(paid).toMatchObject({ status: 'booked', paymentStatus: 'paid', holdExpiresAt: null })

    w.clock.set(NOW + 30 * MINUTE)
    const refused = expectProblem(await pay(w, late.id, 16_500), 409, 'HOLD_EXPIRED')
    expect(refused.detail).toContain('2026-06-15T12:30:00.000Z')
    expect((await getRegistration(w, late.id)).registration.paymentStatus).toBe('due')

    expect(await runHoldJob(w)).toBe(1)
    expect((await getRegistration(w, early.id)).registration.status).toBe('booked')
    expect((await getRegistration(w, late.id)).registration.holdEnded).toBe('expired')
    expect(await bookedSeats(w.db, slot)).toBe(1)
  })

  it('gives back every beta seat that unpaid holds took, and the holders may book again', async () => {
    const w = get()
    const centre = await world(w, { seatLimit: 12 })
    const slot = await createSlot(w.db, centre, instant('2026-07-01T09:00:00Z'), 50)
    const hoarded: string[] = []
    for (let i = 0; i < 12; i++)
      hoarded.push(await registerCandidate(w, { email: `hold${i}@example.com` }))
    const holds = await Promise.all(
      hoarded.map((candidateId, i) =>
        book(w, { candidateId, exam: '71-620', slotId: slot }, `hoard-${i}`, 'support'),
      ),
    )
    expect(holds.map((answer) => answer.statusCode)).toEqual(hoarded.map(() => 201))
    expect(await seatsTaken(w)).toBe(12)

    const payer = await registerCandidate(w, { email: 'payer@example.com' })
    const paidBooking = {
      candidateId: payer,
      exam: '71-620',
      slotId: slot,
      payment: { method: 'card' },
    }
    expectProblem(await book(w, paidBooking, 'pay-1'), 409, 'BETA_SEATS_FULL')

    w.clock.set(NOW + 30 * MINUTE)
    expect(await runHoldJob(w)).toBe(12)
    expect(await seatsTaken(w)).toBe(0)
    expect(await bookedSeats(w.db, slot)).toBe(0)
    expectOk(await book(w, paidBooking, 'pay-2'), 201)
    // An expired hold did not use up the holder's one registration for the beta.
    const again = {
      candidateId: hoarded[0]!,
      exam: '71-620',
      slotId: slot,
      payment: { method: 'card' },
    }
    expectOk(await book(w, again, 'again'), 201)
    expect(await seatsTaken(w)).toBe(2)
  })

  it('lets an admin release a hold inside the cancel window, with a reason, audited and mailed', async () => {
    const w = get()
    const centre = await world(w)
    // Twelve hours ahead: inside Prometric's 24-hour cancel window.
    const slot = await createSlot(w.db, centre, NOW + 12 * 60 * MINUTE)
    const lea = await registerCandidate(w)
    const held = expectOk<Registration>(
      await book(
        w,
        { candidateId: lea, exam: '71-620', slotId: slot, acknowledgeDeadlines: true },
        'h1',
      ),
      201,
    )
    expectProblem(
      await call(w, 'POST', `/v1/registrations/${held.id}/cancel`, {}, 'admin'),
      409,
      'CHANGE_WINDOW_CLOSED',
    )
    expectProblem(
      await releaseHold(w, held.id, { reason: 'hoarding' }, 'support'),
      403,
      'FORBIDDEN',
    )
    expectProblem(
      await releaseHold(w, held.id, { reason: '  ' }),
      400,
      'VALIDATION_FAILED',
      'reason',
    )

    const released = expectOk<Registration>(
      await releaseHold(w, held.id, { reason: 'Booked in bulk by a support token' }),
    )
    expect(released).toMatchObject({ status: 'cancelled', holdEnded: 'released' })
    expect(await bookedSeats(w.db, slot)).toBe(0)
    expect(await seatsTaken(w)).toBe(0)
    const { history } = await getRegistration(w, held.id)
    const entry = history.find((e) => e.action === 'hold-released')
    expect(entry).toMatchObject({
      actor: { role: 'admin' },
      detail: { reason: 'Booked in bulk by a support token', betaSeatReturned: true },
    })
    const mails = await mailTo(w, lea)
    expect(mails.map((m) => m.kind)).toEqual(['hold-released'])
    expect(mails[0]?.bodyText).toContain('Booked in bulk by a support token')

    expectProblem(await releaseHold(w, held.id, { reason: 'again' }), 409, 'NOT_AN_UNPAID_HOLD')
    expectProblem(await pay(w, held.id, 8_000), 409, 'HOLD_EXPIRED')
    // The candidate's own paid booking of the beta is allowed.
    const own = {
      candidateId: lea,
      exam: '71-620',
      slotId: slot,
      payment: { method: 'card' },
      acknowledgeDeadlines: true,
    }
    const paid = expectOk<Registration>(await book(w, own, 'own'), 201)
    expectProblem(await releaseHold(w, paid.id, { reason: 'x' }), 409, 'NOT_AN_UNPAID_HOLD')
  })

  it('a beta hold cancelled before payment leaves the one beta registration; a paid one spends it', async () => {
    const w = get()
    const centre = await world(w)
    const slot = await createSlot(w.db, centre, instant('2026-07-01T09:00:00Z'))
    const lea = await registerCandidate(w)
    const unpaid = expectOk<Registration>(
      await book(w, { candidateId: lea, exam: '71-620', slotId: slot }, 'u'),
      201,
    )
    expectOk(await call(w, 'POST', `/v1/registrations/${unpaid.id}/cancel`, {}, 'provider'))
    const own = {
      candidateId: lea,
      exam: '71-620',
      slotId: slot,
      payment: { method: 'card' },
      acknowledgeDeadlines: true,
    }
    const paid = expectOk<Registration>(await book(w, own, 'p'), 201)
    expectOk(await call(w, 'POST', `/v1/registrations/${paid.id}/cancel`, {}, 'provider'))
    expectProblem(await book(w, own, 'p2'), 409, 'BETA_ALREADY_REGISTERED')
  })

  it("gives the code's use back when a hold expires", async () => {
    const w = get()
    const centre = await world(w)
    const slot = await createSlot(w.db, centre, instant('2026-07-01T09:00:00Z'))
    const voucher = newVoucher(STUDY_BOOK_DISCOUNT, { candidateId: null, issuedBy: 'test' }, NOW)
    await insertVoucher(w.db, voucher)
    const code = formatVoucherCode(voucher.code)
    const lea = await registerCandidate(w)
    const ben = await registerCandidate(w, { email: 'ben@example.com' })
    const held = expectOk<Registration>(
      await book(w, { candidateId: lea, slotId: slot, voucherCode: code }, 'h'),
      201,
    )
    expect(held.price?.dueCents).toBe(14_025)
    expectProblem(
      await book(w, { candidateId: ben, slotId: slot, voucherCode: code }, 'b1'),
      409,
      'CODE_ALREADY_USED',
    )
    w.clock.set(NOW + 30 * MINUTE)
    expect(await runHoldJob(w)).toBe(1)
    const { history } = await getRegistration(w, held.id)
    expect(history.find((e) => e.action === 'hold-expired')?.detail.codesReturned).toEqual([code])
    expect(history.map((e) => e.action)).toContain('voucher-returned')
    const reused = expectOk<Registration>(
      await book(w, { candidateId: ben, slotId: slot, voucherCode: code }, 'b2'),
      201,
    )
    expect(reused.price?.dueCents).toBe(14_025)
  })

  it('has one winner when a payment and a release race, and releases each hold once across processes', async () => {
    const w = get()
    const centre = await world(w)
    const slot = await createSlot(w.db, centre, instant('2026-07-01T09:00:00Z'), 40)
    const candidates: string[] = []
    for (let i = 0; i < 20; i++)
      candidates.push(await registerCandidate(w, { email: `r${i}@example.com` }))
    const held: Registration[] = []
    for (const [i, candidateId] of candidates.entries())
      held.push(expectOk(await book(w, { candidateId, slotId: slot }, `r${i}`), 201))

    // A payment and an admin's release of the same hold at the same moment.
    const raced = held.slice(0, 5)
    const answers = await Promise.all(
      raced.flatMap((r) => [pay(w, r.id, 16_500), releaseHold(w, r.id, { reason: 'race' })]),
    )
    for (let i = 0; i < raced.length; i++) {
      const [paid, released] = [answers[2 * i]!, answers[2 * i + 1]!]
      expect([paid.statusCode, released.statusCode].filter((s) => s === 200)).toHaveLength(1)
      const { registration } = await getRegistration(w, raced[i]!.id)
      expect(registration.paymentStatus === 'paid').toBe(paid.statusCode === 200)
      expect(registration.status === 'cancelled').toBe(released.statusCode === 200)
    }
    const paidCount = answers.filter((a, i) => i % 2 === 0 && a.statusCode === 200).length

    // Two servers' jobs at once: the other fifteen holds are released exactly once.
    w.clock.set(NOW + 30 * MINUTE)
    const deps = { db: w.db, clock: w.clock, mail }
    const runs = await Promise.all([expireHolds(deps), expireHolds(deps), expireHolds(deps)])
    expect(runs.reduce((sum, run) => sum + run.released, 0)).toBe(15)
    expect(await bookedSeats(w.db, slot)).toBe(paidCount)
    const expiredMails = await w.db
      .selectFrom('outbox')
      .select('id')
      .where('kind', '=', 'hold-expired')
      .execute()
    expect(expiredMails).toHaveLength(15)
  })
})
