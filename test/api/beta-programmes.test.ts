import { describe, expect, it } from 'vitest'
import { createCentre, createSlot } from '../factories/appointments.js'
import { testDatabases } from '../support/databases.js'
import {
  type ApiWorld,
  book,
  call,
  expectOk,
  expectProblem,
  instant,
  registerCandidate,
  useApi,
} from './api-harness.js'
import { createBetaExam, setBetaProgramme } from './beta-world.js'

async function world(get: () => ApiWorld, programme: Record<string, unknown> = {}) {
  const w = get()
  await createBetaExam(w, ['prometric', 'pearson-vue'])
  await setBetaProgramme(w, programme)
  const prometric = await createSlot(
    w.db,
    await createCentre(w.db),
    instant('2026-07-01T09:00:00Z'),
    200,
  )
  const vue = await createSlot(
    w.db,
    await createCentre(w.db, { providerId: 'pearson-vue' }),
    instant('2026-07-02T09:00:00Z'),
    200,
  )
  vueSlots.add(vue)
  return { w, prometric, vue }
}

/** Pearson VUE's seats, which its own booking site books (a provider books only its own). */
const vueSlots = new Set<string>()

const bookBeta = (w: ApiWorld, candidateId: string, slotId: string, key: string) =>
  book(
    w,
    { candidateId, exam: '71-620', slotId },
    key,
    vueSlots.has(slotId) ? 'otherProvider' : 'provider',
  )

const eligibility = async (w: ApiWorld, candidateId: string) =>
  expectOk<{ eligible: boolean; code: string; reason: string; earliestAt: string | null }>(
    await call(w, 'GET', `/v1/candidates/${candidateId}/eligibility?exam=71-620`),
  )

describe.each(testDatabases())('beta programmes on $name', ({ open }) => {
  const get = useApi(open, { demo: false })

  it('tells a candidate in a restricted country before any slot is chosen, and refuses the booking', async () => {
    const { w, prometric } = await world(get)
    const wei = await registerCandidate(w, {
      country: 'CN',
      timeZone: 'Asia/Shanghai',
      email: 'wei@example.cn',
    })
    const answer = await eligibility(w, wei)
    expect(answer).toMatchObject({ eligible: false, code: 'REGION_RESTRICTED', earliestAt: null })
    expect(answer.reason).toContain('CN')
    expectProblem(await bookBeta(w, wei, prometric, 'k1'), 409, 'REGION_RESTRICTED')
    const lea = await registerCandidate(w)
    expect((await eligibility(w, lea)).eligible).toBe(true)
  })

  it('allows one registration per beta exam, ever, across providers', async () => {
    const { w, prometric, vue } = await world(get)
    const lea = await registerCandidate(w)
    const first = expectOk<{ id: string }>(await bookBeta(w, lea, prometric, 'k1'), 201)
    expectOk(await call(w, 'POST', `/v1/registrations/${first.id}/cancel`, {}, 'provider'))
    expect((await eligibility(w, lea)).code).toBe('BETA_ALREADY_REGISTERED')
    const again = expectProblem(await bookBeta(w, lea, vue, 'k2'), 409, 'BETA_ALREADY_REGISTERED')
    expect(again.detail).toContain(first.id)
  })

  it('books two providers at once for one candidate: one registration', async () => {
    const { w, prometric, vue } = await world(get)
    const lea = await registerCandidate(w)
    const answers = await Promise.all([
      bookBeta(w, lea, prometric, 'a'),
      bookBeta(w, lea, vue, 'b'),
    ])
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409])
  })

  it('takes only the roster while it accepts no new candidates', async () => {
    const { w, prometric } = await world(get, { acceptsNewCandidates: false })
    const lea = await registerCandidate(w)
    expect((await eligibility(w, lea)).code).toBe('NOT_INVITED')
    expectProblem(await bookBeta(w, lea, prometric, 'k1'), 409, 'NOT_INVITED')
    expectOk(
      await call(w, 'POST', '/v1/exams/71-620/beta-programme/roster', { candidateIds: [lea] }),
    )
    expectOk(await bookBeta(w, lea, prometric, 'k2'), 201)
  })

  it('gives 30 remaining seats to exactly 30 of 100 concurrent candidates, across providers', async () => {
    const { w, prometric, vue } = await world(get, { seatLimit: 30 })
    const candidates: string[] = []
    for (let i = 0; i < 100; i++)
      candidates.push(await registerCandidate(w, { email: `b${i}@example.com` }))
    const answers = await Promise.all(
      candidates.map((id, i) => bookBeta(w, id, i % 2 === 0 ? prometric : vue, `k${i}`)),
    )
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(30)
    expect(new Set(answers.filter((a) => a.statusCode !== 201).map((a) => a.json().code))).toEqual(
      new Set(['BETA_SEATS_FULL']),
    )
    const programme = expectOk<{ seatsTaken: number; seatsLeft: number }>(
      await call(w, 'GET', '/v1/exams/71-620/beta-programme'),
    )
    expect(programme).toMatchObject({ seatsTaken: 30, seatsLeft: 0 })
    // A candidate who comes now is told before choosing a slot.
    const late = await registerCandidate(w, { email: 'late@example.com' })
    expect((await eligibility(w, late)).code).toBe('BETA_SEATS_FULL')
  })

  it('counts the bookings made before the programme existed, and gives their seats back on cancel', async () => {
    const w = get()
    await createBetaExam(w)
    const slot = await createSlot(
      w.db,
      await createCentre(w.db),
      instant('2026-07-01T09:00:00Z'),
      20,
    )
    const lea = await registerCandidate(w)
    const early = expectOk<{ id: string }>(await bookBeta(w, lea, slot, 'early'), 201)
    const programme = expectOk<{ seatsTaken: number }>(
      await call(w, 'PUT', '/v1/exams/71-620/beta-programme', {
        seatLimit: 5,
        acceptsNewCandidates: true,
        restrictedCountries: [],
        resultsReleaseAt: '2026-09-15T00:00:00Z',
      }),
    )
    expect(programme.seatsTaken).toBe(1)
    expectOk(await call(w, 'POST', `/v1/registrations/${early.id}/cancel`, {}, 'provider'))
    expect(
      expectOk<{ seatsTaken: number }>(await call(w, 'GET', '/v1/exams/71-620/beta-programme'))
        .seatsTaken,
    ).toBe(0)
    expect((await eligibility(w, lea)).code).toBe('BETA_ALREADY_REGISTERED')
  })

  it('refuses a programme for a live exam, results before the beta ends, and a limit below the seats taken', async () => {
    const { w, prometric } = await world(get)
    const body = {
      seatLimit: 10,
      acceptsNewCandidates: true,
      restrictedCountries: [],
      resultsReleaseAt: '2026-09-15T00:00:00Z',
    }
    expectProblem(
      await call(w, 'PUT', '/v1/exams/70-620/beta-programme', body),
      422,
      'BETA_PROGRAMME_INVALID',
    )
    expectProblem(
      await call(w, 'PUT', '/v1/exams/71-620/beta-programme', {
        ...body,
        resultsReleaseAt: '2026-07-15T00:00:00Z',
      }),
      422,
      'BETA_PROGRAMME_INVALID',
    )
    for (const i of [1, 2]) {
      const id = await registerCandidate(w, { email: `s${i}@example.com` })
      expectOk(await bookBeta(w, id, prometric, `k${i}`), 201)
    }
    expectProblem(
      await call(w, 'PUT', '/v1/exams/71-620/beta-programme', { ...body, seatLimit: 1 }),
      422,
      'BETA_PROGRAMME_INVALID',
    )
    expectProblem(
      await call(w, 'GET', '/v1/exams/70-620/beta-programme'),
      404,
      'BETA_PROGRAMME_NOT_FOUND',
    )
    expectProblem(
      await call(w, 'PUT', '/v1/exams/71-620/beta-programme', body, 'support'),
      403,
      'FORBIDDEN',
    )
  })
})

describe.each(testDatabases())('the demo beta on $name', ({ open }) => {
  const get = useApi(open, { demo: true, per: 'suite' })

  it('has a programme with seats, restrictions and a results date after the beta ends', async () => {
    const programme = expectOk<{
      seatLimit: number
      restrictedCountries: string[]
      resultsReleaseAt: string
    }>(await call(get(), 'GET', '/v1/exams/71-621/beta-programme'))
    expect(programme).toMatchObject({ seatLimit: 250, restrictedCountries: ['CN', 'IR'] })
    const exam = expectOk<{ betaPeriod: { end: string } }>(
      await call(get(), 'GET', '/v1/exams/71-621'),
    )
    expect(Date.parse(programme.resultsReleaseAt)).toBeGreaterThan(Date.parse(exam.betaPeriod.end))
  })
})
