import { describe, expect, it } from 'vitest'
import { insertWaiver, listOpenWaivers } from '../../src/db/retakes/waivers.js'
import type { TestCentre } from '../../src/domain/test-centre.js'
import {
  bookedSeats,
  createCentre,
  createSlot,
  deliver,
  liveRegistrations,
} from '../factories/appointments.js'
import { testDatabases } from '../support/databases.js'
import {
  type ApiWorld,
  book,
  call,
  expectOk,
  expectProblem,
  instant,
  recordAttempt,
  registerCandidate,
  reportResult,
  useApi,
} from './api-harness.js'

interface RegistrationOut {
  id: string
  status: string
  version: number
  slotId: string
  startsAt: string
  localStart: string
  bookedBy: { tokenId: string; role: string; onBehalf: boolean }
  changeDeadlines: {
    reschedule: string
    rescheduleLocal: string
    cancel: string
    cancelLocal: string
  }
  attemptId: string | null
}

const EXAM = '070-620'

async function world(get: () => ApiWorld) {
  const w = get()
  await call(w, 'POST', '/v1/exams', {
    number: '70-620',
    title: 'TS: Configuring Windows Vista Client',
  })
  await deliver(w.db, 'prometric', [EXAM])
  await deliver(w.db, 'pearson-vue', [EXAM])
  return w
}

describe.each(testDatabases())('registrations on $name', ({ open }) => {
  const get = useApi(open, { demo: false })

  it('books a seat and says when and where on the centre clock, with the change deadlines', async () => {
    const w = await world(get)
    const lea = await registerCandidate(w)
    const centre = await createCentre(w.db)
    const slot = await createSlot(w.db, centre, instant('2026-07-01T21:00:00Z'))
    const registration = expectOk<RegistrationOut>(
      await book(w, { candidateId: lea, slotId: slot }, 'k1'),
      201,
    )
    expect(registration.id).toMatch(
      /^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/,
    )
    expect(registration).toMatchObject({
      status: 'booked',
      localStart: '2026-07-02T09:00 Pacific/Auckland',
    })
    expect(registration.changeDeadlines.cancelLocal).toBe('2026-07-01T09:00 Pacific/Auckland')
    expect(await bookedSeats(w.db, slot)).toBe(1)
    // Any spelling a person reads out finds it.
    const read = expectOk<{ history: { action: string }[] }>(
      await call(
        w,
        'GET',
        `/v1/registrations/${registration.id.toLowerCase().replaceAll('-', '')}`,
      ),
    )
    expect(read.history.map((entry) => entry.action)).toEqual(['registered'])
  })

  it('needs an idempotency key, and refuses one reused for another request', async () => {
    const w = await world(get)
    const lea = await registerCandidate(w)
    const centre = await createCentre(w.db)
    const slot = await createSlot(w.db, centre, instant('2026-07-01T21:00:00Z'))
    const other = await createSlot(w.db, centre, instant('2026-07-02T21:00:00Z'))
    expectProblem(
      await call(
        w,
        'POST',
        '/v1/registrations',
        { candidateId: lea, exam: EXAM, slotId: slot },
        'provider',
      ),
      400,
      'IDEMPOTENCY_KEY_REQUIRED',
    )
    expectOk(await book(w, { candidateId: lea, slotId: slot }, 'same'), 201)
    expectProblem(
      await book(w, { candidateId: lea, slotId: other }, 'same'),
      422,
      'IDEMPOTENCY_KEY_REUSED',
    )
  })

  it('answers ten concurrent retries of one request identically, with one booking', async () => {
    const w = await world(get)
    const lea = await registerCandidate(w)
    const centre = await createCentre(w.db)
    const slot = await createSlot(w.db, centre, instant('2026-07-01T21:00:00Z'))
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        book(w, { candidateId: lea, slotId: slot }, 'refresh-after-error'),
      ),
    )
    expect(answers.map((a) => a.statusCode)).toEqual(Array(10).fill(201))
    expect(new Set(answers.map((a) => a.body)).size).toBe(1)
    expect(await bookedSeats(w.db, slot)).toBe(1)
    expect(await liveRegistrations(w.db, slot)).toBe(1)
  })

  it('never books more seats than a slot has: 200 candidates for 50 seats', async () => {
    const w = await world(get)
    const centre = await createCentre(w.db)
    const slot = await createSlot(w.db, centre, instant('2026-07-01T21:00:00Z'), 50)
    const candidates = await Promise.all(
      Array.from({ length: 200 }, (_, i) => registerCandidate(w, { email: `c${i}@example.com` })),
    )
    const answers = await Promise.all(
      candidates.map((id, i) => book(w, { candidateId: id, slotId: slot }, `seat-${i}`)),
    )
    const codes = answers.map((a) => (a.statusCode === 201 ? 'BOOKED' : a.json().code))
    expect(codes.filter((c) => c === 'BOOKED')).toHaveLength(50)
    expect(codes.filter((c) => c === 'SEAT_UNAVAILABLE')).toHaveLength(150)
    expect(await bookedSeats(w.db, slot)).toBe(50)
    expect(await liveRegistrations(w.db, slot)).toBe(50)
  })

  it('lets one candidate hold one live registration per exam, even racing 20 slots', async () => {
    const w = await world(get)
    const lea = await registerCandidate(w)
    const centre = await createCentre(w.db)
    const slots = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        createSlot(w.db, centre, instant('2026-07-01T21:00:00Z') + i * 3_600_000),
      ),
    )
    const answers = await Promise.all(
      slots.map((slot, i) => book(w, { candidateId: lea, slotId: slot }, `race-${i}`)),
    )
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1)
    for (const refused of answers.filter((a) => a.statusCode !== 201))
      expectProblem(refused, 409, 'ALREADY_REGISTERED')
    const seats = await Promise.all(slots.map((slot) => bookedSeats(w.db, slot)))
    expect(seats.reduce((a, b) => a + b, 0)).toBe(1)
    // A later try names the registration the candidate holds.
    const held = answers.find((a) => a.statusCode === 201)!.json<RegistrationOut>()
    const again = await book(w, { candidateId: lea, slotId: slots[0]! }, 'race-again')
    expect(expectProblem(again, 409, 'ALREADY_REGISTERED', 'exam').detail).toContain(held.id)
  })

  it('judges a retake on the history at every provider', async () => {
    const w = await world(get)
    const lea = await registerCandidate(w)
    await recordAttempt(w, {
      candidateId: lea,
      exam: EXAM,
      takenAt: '2026-06-15T08:00:00Z',
      outcome: 'fail',
      provider: 'pearson-vue',
    })
    const centre = await createCentre(w.db, { providerId: 'prometric' })
    const tooSoon = await createSlot(w.db, centre, instant('2026-06-16T07:00:00Z'))
    const problem = expectProblem(
      await book(w, { candidateId: lea, slotId: tooSoon }, 'retake'),
      409,
      'RETAKE_TOO_SOON',
      'slotId',
    )
    expect(problem.earliestAt).toBe('2026-06-16T08:00:00.000Z')
    const inTime = await createSlot(w.db, centre, instant('2026-06-16T08:00:00Z'))
    // A day ahead: past the change deadlines, which the booking acknowledges.
    expectOk(
      await book(w, { candidateId: lea, slotId: inTime, acknowledgeDeadlines: true }, 'retake-2'),
      201,
    )
  })

  it('holds an approved exception for the booking that needs it, and gives it back when a move no longer does', async () => {
    const w = await world(get)
    const lea = await registerCandidate(w)
    await recordAttempt(w, {
      candidateId: lea,
      exam: EXAM,
      takenAt: '2026-06-10T08:00:00Z',
      outcome: 'fail',
      provider: 'prometric',
    })
    await recordAttempt(w, {
      candidateId: lea,
      exam: EXAM,
      takenAt: '2026-06-11T08:00:00Z',
      outcome: 'fail',
      provider: 'prometric',
    })
    await insertWaiver(w.db, {
      id: 'waiver-lab-crash',
      candidateId: lea,
      exam: EXAM,
      waivesWait: true,
      waivesLimit: false,
      grantedAt: instant('2026-06-12T00:00:00Z'),
      note: 'lab crash',
    })
    const centre = await createCentre(w.db)
    const insideWait = await createSlot(w.db, centre, instant('2026-06-20T21:00:00Z'))
    const afterWait = await createSlot(w.db, centre, instant('2026-06-26T21:00:00Z'))
    const booked = expectOk<RegistrationOut & { waiverId: string | null }>(
      await book(w, { candidateId: lea, slotId: insideWait }, 'w'),
      201,
    )
    expect(booked.waiverId).toBe('waiver-lab-crash')
    const moved = expectOk<RegistrationOut & { waiverId: string | null }>(
      await call(
        w,
        'POST',
        `/v1/registrations/${booked.id}/reschedule`,
        { slotId: afterWait },
        'provider',
      ),
    )
    expect(moved.waiverId).toBeNull()
    expect(await listOpenWaivers(w.db, lea, EXAM)).toEqual([
      expect.objectContaining({ id: 'waiver-lab-crash' }),
    ])
  })

  it('refuses an unknown slot, a started one, and a provider that does not deliver the exam', async () => {
    const w = await world(get)
    const lea = await registerCandidate(w)
    await call(w, 'POST', '/v1/exams', { number: '70-680', title: 'Windows 7, Configuring' })
    const centre = await createCentre(w.db)
    const past = await createSlot(w.db, centre, instant('2026-06-15T11:00:00Z'))
    const future = await createSlot(w.db, centre, instant('2026-07-01T21:00:00Z'))
    expectProblem(
      await book(w, { candidateId: lea, slotId: 'nope' }, 'a'),
      404,
      'SLOT_NOT_FOUND',
      'slotId',
    )
    expectProblem(
      await book(w, { candidateId: lea, slotId: past }, 'b'),
      422,
      'SLOT_IN_PAST',
      'slotId',
    )
    expectProblem(
      await book(w, { candidateId: lea, slotId: future, exam: '70-680' }, 'c'),
      422,
      'EXAM_NOT_DELIVERED',
      'slotId',
    )
  })

  it('refuses an unknown candidate first, then an unknown exam, then an unknown slot', async () => {
    const w = await world(get)
    const lea = await registerCandidate(w)
    const slot = await createSlot(w.db, await createCentre(w.db), instant('2026-07-01T21:00:00Z'))
    for (const [body, code, field] of [
      [
        { candidateId: 'nobody', slotId: 'nope', exam: '70-999' },
        'CANDIDATE_NOT_FOUND',
        'candidateId',
      ],
      [{ candidateId: 'nobody', slotId: slot }, 'CANDIDATE_NOT_FOUND', 'candidateId'],
      [{ candidateId: lea, slotId: 'nope', exam: '70-999' }, 'EXAM_NOT_FOUND', 'exam'],
      [{ candidateId: lea, slotId: 'nope' }, 'SLOT_NOT_FOUND', 'slotId'],
    ] as const) {
      expectProblem(await book(w, body, `${code}-${field}-${body.slotId}`), 404, code, field)
    }
    expect(await liveRegistrations(w.db, slot)).toBe(0)
  })

  it('reschedules inside the window, moving the seat, and refuses after the deadline naming it', async () => {
    const w = await world(get)
    const lea = await registerCandidate(w)
    const centre = await createCentre(w.db)
    const first = await createSlot(w.db, centre, instant('2026-06-20T21:00:00Z'))
    const second = await createSlot(w.db, centre, instant('2026-06-25T21:00:00Z'))
    const booked = expectOk<RegistrationOut>(
      await book(w, { candidateId: lea, slotId: first }, 'k'),
      201,
    )
    const moved = expectOk<RegistrationOut>(
      await call(
        w,
        'POST',
        `/v1/registrations/${booked.id}/reschedule`,
        { slotId: second },
        'provider',
      ),
    )
    expect(moved).toMatchObject({ slotId: second, version: 2 })
    expect([await bookedSeats(w.db, first), await bookedSeats(w.db, second)]).toEqual([0, 1])
    w.clock.set(instant('2026-06-24T21:00:00.001Z'))
    const late = expectProblem(
      await call(
        w,
        'POST',
        `/v1/registrations/${booked.id}/reschedule`,
        { slotId: first },
        'provider',
      ),
      409,
      'CHANGE_WINDOW_CLOSED',
    )
    expect(late.deadlineLocal).toBe('2026-06-25T09:00 Pacific/Auckland')
    expect(late.detail).toContain('24 hours')
  })

  it('cancels four days ahead under a 24-hour rule and gives the seat back', async () => {
    const w = await world(get)
    const lea = await registerCandidate(w)
    const centre = await createCentre(w.db)
    const slot = await createSlot(w.db, centre, instant('2026-06-19T12:00:00Z'))
    const booked = expectOk<RegistrationOut>(
      await book(w, { candidateId: lea, slotId: slot }, 'k'),
      201,
    )
    const cancelled = expectOk<RegistrationOut>(
      await call(w, 'POST', `/v1/registrations/${booked.id}/cancel`, {}, 'provider'),
    )
    expect(cancelled.status).toBe('cancelled')
    expect(await bookedSeats(w.db, slot)).toBe(0)
    expectProblem(
      await call(w, 'POST', `/v1/registrations/${booked.id}/cancel`, {}, 'provider'),
      409,
      'REGISTRATION_NOT_ACTIVE',
    )
    // The exam can be booked again once the old registration is cancelled.
    expectOk(await book(w, { candidateId: lea, slotId: slot }, 'again'), 201)
  })

  it('keeps seats consistent when a reschedule races a cancellation', async () => {
    const w = await world(get)
    const centre = await createCentre(w.db)
    const from = await createSlot(w.db, centre, instant('2026-06-20T21:00:00Z'))
    const to = await createSlot(w.db, centre, instant('2026-06-25T21:00:00Z'))
    for (let round = 0; round < 5; round++) {
      const candidate = await registerCandidate(w, { email: `race${round}@example.com` })
      const booked = expectOk<RegistrationOut>(
        await book(w, { candidateId: candidate, slotId: from }, `race-${round}`),
        201,
      )
      await Promise.all([
        call(w, 'POST', `/v1/registrations/${booked.id}/reschedule`, { slotId: to }, 'provider'),
        call(w, 'POST', `/v1/registrations/${booked.id}/cancel`, {}, 'provider'),
      ])
    }
    for (const slot of [from, to])
      expect(await bookedSeats(w.db, slot)).toBe(await liveRegistrations(w.db, slot))
  })

  it('records who acted for the candidate, and tells the candidate', async () => {
    const w = await world(get)
    const lea = await registerCandidate(w)
    const centre = await createCentre(w.db)
    const slot = await createSlot(w.db, centre, instant('2026-07-01T21:00:00Z'))
    const booked = expectOk<RegistrationOut>(
      await book(
        w,
        { candidateId: lea, slotId: slot, channel: 'phone', onBehalfReason: 'Called in' },
        'phone-call',
        'support',
      ),
      201,
    )
    expect(booked.bookedBy).toMatchObject({ role: 'support', onBehalf: true })
    const read = expectOk<{
      history: { action: string; actor: { role: string }; channel: string }[]
    }>(await call(w, 'GET', `/v1/registrations/${booked.id}`, undefined, 'support'))
    expect(read.history[0]).toMatchObject({
      action: 'registered',
      actor: { role: 'support' },
      channel: 'phone',
    })
    const mail = await w.db
      .selectFrom('outbox')
      .selectAll()
      .where('candidate_id', '=', lea)
      .execute()
    expect(mail).toHaveLength(1)
    expect(mail[0]!.recipient).toBe('lea.martin@example.fr')
    // The outbox keeps the mail's facts; the mail as it will be sent is composed from them.
    const composed = expectOk<{ bodyText: string }>(
      await call(w, 'GET', `/v1/admin/mail/${mail[0]!.id}`, undefined, 'admin'),
    )
    expect(composed.bodyText).toMatch(/support/i)
    expect(composed.bodyText).toContain(booked.id)
  })

  it('turns a reported result into an attempt in the one history; a no-show is not an attempt', async () => {
    const w = await world(get)
    const lea = await registerCandidate(w)
    const ben = await registerCandidate(w, { email: 'ben@example.com' })
    // A Prometric seat: the provider token reports on its own provider's sittings only.
    const centre = await createCentre(w.db)
    const slot = await createSlot(w.db, centre, instant('2026-06-16T21:00:00Z'))
    const leas = expectOk<RegistrationOut>(
      await book(w, { candidateId: lea, slotId: slot, acknowledgeDeadlines: true }, 'lea'),
      201,
    )
    const bens = expectOk<RegistrationOut>(
      await book(w, { candidateId: ben, slotId: slot, acknowledgeDeadlines: true }, 'ben'),
      201,
    )
    expectProblem(
      await call(w, 'POST', `/v1/registrations/${bens.id}/no-show`, {}, 'provider'),
      422,
      'REPORT_TOO_EARLY',
    )
    w.clock.set(instant('2026-06-17T01:00:00Z'))
    expectOk(await call(w, 'POST', `/v1/registrations/${leas.id}/check-in`, {}, 'provider'))
    const done = expectOk<RegistrationOut>(await reportResult(w, leas.id, 'fail'))
    expect(done.status).toBe('completed')
    const history = expectOk<{
      items: { id: string; provider: string; outcome: string; takenAt: string }[]
    }>(await call(w, 'GET', `/v1/candidates/${lea}/attempts`))
    expect(history.items).toEqual([
      expect.objectContaining({
        id: done.attemptId,
        provider: 'prometric',
        outcome: 'fail',
        takenAt: '2026-06-16T21:00:00.000Z',
      }),
    ])
    expectOk(await call(w, 'POST', `/v1/registrations/${bens.id}/no-show`, {}, 'provider'))
    expect(
      expectOk<{ items: unknown[] }>(await call(w, 'GET', `/v1/candidates/${ben}/attempts`)).items,
    ).toEqual([])
    expectProblem(
      await call(w, 'POST', `/v1/registrations/${bens.id}/result`, { outcome: 'pass' }, 'support'),
      403,
      'FORBIDDEN',
    )
  })

  it('shows local times and deadlines across DST changes in Auckland and Los Angeles', async () => {
    const w = await world(get)
    const lea = await registerCandidate(w)
    const ben = await registerCandidate(w, { email: 'ben@example.com' })
    const auckland = await createCentre(w.db)
    const losAngeles: TestCentre = await createCentre(w.db, {
      city: 'Los Angeles',
      country: 'US',
      latitude: 34.05,
      longitude: -118.24,
      timeZone: 'America/Los_Angeles',
    })
    // New Zealand springs forward on 2026-09-27 at 02:00; 24 hours before 09:00 NZDT is 08:00 NZST.
    const nz = expectOk<RegistrationOut>(
      await book(
        w,
        {
          candidateId: lea,
          slotId: await createSlot(w.db, auckland, instant('2026-09-26T20:00:00Z')),
        },
        'nz',
      ),
      201,
    )
    expect(nz.localStart).toBe('2026-09-27T09:00 Pacific/Auckland')
    expect(nz.changeDeadlines.cancelLocal).toBe('2026-09-26T08:00 Pacific/Auckland')
    // Los Angeles falls back on 2026-11-01 at 02:00; 24 hours before 09:00 PST is 10:00 PDT.
    const la = expectOk<RegistrationOut>(
      await book(
        w,
        {
          candidateId: ben,
          slotId: await createSlot(w.db, losAngeles, instant('2026-11-01T17:00:00Z')),
        },
        'la',
      ),
      201,
    )
    expect(la.localStart).toBe('2026-11-01T09:00 America/Los_Angeles')
    expect(la.changeDeadlines.rescheduleLocal).toBe('2026-10-31T10:00 America/Los_Angeles')
  })
})
