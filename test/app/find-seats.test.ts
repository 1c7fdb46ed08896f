import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { operatorPrincipal } from '../../src/app/actor.js'
import { type FindSeatsInput, findSeats } from '../../src/app/catalogue/find-seats.js'
import { loadDemo } from '../../src/app/operations/load-demo.js'
import { setProviderExams } from '../../src/db/catalogue/providers.js'
import { computeDistanceKm, parsePosition } from '../../src/domain/distance.js'
import type { Slot, TestCentre } from '../../src/domain/test-centre.js'
import { createExam, createProvider } from '../factories/catalogue.js'
import { createCentre, createSlot } from '../factories/centres.js'
import { testDatabases } from '../support/databases.js'
import { type AppDeps, days, hours, iso, NOW, refusalOf, useSuiteDatabase } from './scenario.js'

const AUCKLAND = '-36.85,174.76'

/**
 * A small world: Pearson VUE and Prometric in Auckland, Pearson VUE in
 * Wellington and on Taveuni (Fiji, just west of the antimeridian),
 * Prometric in Sydney and Los Angeles. 070-620 is at both providers,
 * 098-349 at Prometric only, 070-999 nowhere.
 */
async function buildWorld({ db, clock }: AppDeps) {
  await loadDemo({ db, clock }, false)
  for (const number of ['070-620', '098-349', '070-999']) await createExam(db, { number })
  await setProviderExams(db, 'pearson-vue', ['070-620'])
  await setProviderExams(db, 'prometric', ['070-620', '098-349'])
  const centre = (
    id: string,
    providerId: string,
    latitude: number,
    longitude: number,
    timeZone: string,
  ) => createCentre(db, { id, providerId, latitude, longitude, timeZone, name: id })
  const aklPv = await centre('akl-pv', 'pearson-vue', -36.8484, 174.7622, 'Pacific/Auckland')
  const aklPm = await centre('akl-pm', 'prometric', -36.8621, 174.7676, 'Pacific/Auckland')
  const wlgPv = await centre('wlg-pv', 'pearson-vue', -41.2842, 174.7756, 'Pacific/Auckland')
  const sydPm = await centre('syd-pm', 'prometric', -33.8651, 151.2085, 'Australia/Sydney')
  const fiji = await centre('fiji-pv', 'pearson-vue', -16.8, 179.9, 'Pacific/Fiji')
  const laxPm = await centre('lax-pm', 'prometric', 34.0617, -118.3054, 'America/Los_Angeles')
  const slot = (
    c: TestCentre,
    id: string,
    at: number,
    seats: { capacity?: number; booked?: number } = {},
  ) => createSlot(db, c, at, { id, ...seats })
  await slot(aklPv, 'akl-pv-24', NOW + hours(24))
  await slot(aklPv, 'akl-pv-48-full', NOW + hours(48), { capacity: 5, booked: 5 })
  await slot(aklPv, 'akl-pv-72', NOW + hours(72), { booked: 3 })
  await slot(aklPm, 'akl-pm-24', NOW + hours(24))
  await slot(aklPm, 'akl-pm-30', NOW + hours(30))
  await slot(wlgPv, 'wlg-pv-26', NOW + hours(26))
  await slot(sydPm, 'syd-pm-25', NOW + hours(25))
  await slot(fiji, 'fiji-pv-27', NOW + hours(27))
  await slot(laxPm, 'lax-pm-past', NOW - hours(2))
  await slot(laxPm, 'lax-pm-28', NOW + hours(28))
  await slot(laxPm, 'lax-pm-40d', NOW + days(40))
}

describe.each(testDatabases())('finding a seat on $name', ({ open }) => {
  // Every test only reads: one world for the suite.
  const { deps } = useSuiteDatabase(open, buildWorld)
  const ids = async (input: FindSeatsInput) =>
    (await findSeats(deps(), input, operatorPrincipal('test'))).items.map((seat) => seat.slot.id)

  it('lists open slots nearest first, then earliest first, with distances and seats left', async () => {
    const { items, from, to, near, exam } = await findSeats(
      deps(),
      {
        exam: '70-620',
        near: AUCKLAND,
      },
      operatorPrincipal('test'),
    )
    expect(exam.number).toBe('070-620')
    expect([from, to]).toEqual([NOW, NOW + days(30)])
    expect(near).toEqual({ latitude: -36.85, longitude: 174.76 })
    expect(items.map((seat) => seat.slot.id)).toEqual([
      'akl-pv-24',
      'akl-pv-72',
      'akl-pm-24',
      'akl-pm-30',
      'wlg-pv-26',
      'syd-pm-25',
      'fiji-pv-27',
      'lax-pm-28',
    ])
    const distances = items.map((seat) => seat.distanceKm!)
    expect(distances[0]).toBeLessThan(1)
    expect(distances[4]).toBeGreaterThan(480)
    expect(distances[4]).toBeLessThan(500)
    for (let i = 1; i < distances.length; i++)
      expect(distances[i]!).toBeGreaterThanOrEqual(distances[i - 1]!)
    expect(items[1]).toMatchObject({ seatsLeft: 7, slot: { capacity: 10, booked: 3 } })
    expect(items[0]!.centre).toMatchObject({ id: 'akl-pv', timeZone: 'Pacific/Auckland' })
  })

  it('lists only slots at providers that deliver the exam', async () => {
    expect(await ids({ exam: '098-349', near: AUCKLAND })).toEqual([
      'akl-pm-24',
      'akl-pm-30',
      'syd-pm-25',
      'lax-pm-28',
    ])
    expect(await ids({ exam: '70-999' })).toEqual([])
    expect(await ids({ exam: '070-620', provider: 'prometric', near: AUCKLAND, limit: 2 })).toEqual(
      ['akl-pm-24', 'akl-pm-30'],
    )
  })

  it('without a place lists earliest first (ties by id), with no distance; a full slot never', async () => {
    const { items } = await findSeats(deps(), { exam: '070-620' }, operatorPrincipal('test'))
    expect(items.map((seat) => seat.slot.id)).toEqual([
      'akl-pm-24',
      'akl-pv-24',
      'syd-pm-25',
      'wlg-pv-26',
      'fiji-pv-27',
      'lax-pm-28',
      'akl-pm-30',
      'akl-pv-72',
    ])
    expect(items.every((seat) => seat.distanceKm === null && seat.seatsLeft > 0)).toBe(true)
  })

  it('keeps to the range: from (never before now) up to, not including, to', async () => {
    expect(
      await ids({ exam: '070-620', from: iso(NOW + hours(25)), to: iso(NOW + hours(28)) }),
    ).toEqual(['syd-pm-25', 'wlg-pv-26', 'fiji-pv-27'])
    // A range in the past finds nothing that has started; a long one finds the slot in 40 days.
    expect(
      await ids({ exam: '098-349', from: iso(NOW - days(10)), to: iso(NOW + days(41)) }),
    ).toEqual(['akl-pm-24', 'syd-pm-25', 'lax-pm-28', 'akl-pm-30', 'lax-pm-40d'])
    const past = await findSeats(
      deps(),
      {
        exam: '098-349',
        from: iso(NOW - days(10)),
        to: iso(NOW - days(1)),
      },
      operatorPrincipal('test'),
    )
    expect(past.items).toEqual([])
  })

  it('keeps to a radius, and finds a centre across the antimeridian', async () => {
    expect(await ids({ exam: '070-620', near: AUCKLAND, radiusKm: 100 })).toEqual([
      'akl-pv-24',
      'akl-pv-72',
      'akl-pm-24',
      'akl-pm-30',
    ])
    expect(await ids({ exam: '070-620', near: AUCKLAND, radiusKm: 600 })).toContain('wlg-pv-26')
    // Taveuni is at 179.9° E; a candidate at 179.9° W is some 21 km east of it.
    const across = await findSeats(
      deps(),
      { exam: '070-620', near: '-16.8,-179.9', radiusKm: 50 },
      operatorPrincipal('test'),
    )
    expect(across.items.map((seat) => seat.slot.id)).toEqual(['fiji-pv-27'])
    expect(across.items[0]!.distanceKm).toBeCloseTo(21.3, 0)
    // Without a radius the nearest is still found first, then the search widens.
    expect((await ids({ exam: '070-620', near: '-16.8,-179.9' }))[0]).toBe('fiji-pv-27')
  })

  it('stops at the limit, nearest first', async () => {
    // From Wellington, Prometric's Auckland centre is a little nearer than Pearson VUE's.
    expect(await ids({ exam: '070-620', near: '-41.28,174.77', limit: 2 })).toEqual([
      'wlg-pv-26',
      'akl-pm-24',
    ])
  })

  it('refuses bad questions with a code and the field', async () => {
    const refused = async (input: FindSeatsInput) => {
      const { code, field } = await refusalOf(findSeats(deps(), input, operatorPrincipal('test')))
      return [code, field]
    }
    expect(await refused({ exam: '7O-620' })).toEqual(['EXAM_NUMBER_MALFORMED', 'exam'])
    expect(await refused({ exam: '070-404' })).toEqual(['EXAM_NOT_FOUND', 'exam'])
    expect(await refused({ exam: '070-620', from: 'soon' })).toEqual(['INSTANT_INVALID', 'from'])
    expect(
      await refused({ exam: '070-620', from: iso(NOW + days(2)), to: iso(NOW + days(1)) }),
    ).toEqual(['SEARCH_RANGE_INVALID', 'to'])
    expect(await refused({ exam: '070-620', to: iso(NOW + days(400)) })).toEqual([
      'SEARCH_RANGE_INVALID',
      'to',
    ])
    expect(await refused({ exam: '070-620', near: 'Auckland' })).toEqual([
      'POSITION_INVALID',
      'near',
    ])
    expect(await refused({ exam: '070-620', near: '-91,0' })).toEqual(['POSITION_INVALID', 'near'])
    expect(await refused({ exam: '070-620', radiusKm: 10 })).toEqual([
      'VALIDATION_FAILED',
      'radiusKm',
    ])
    expect(await refused({ exam: '070-620', near: AUCKLAND, radiusKm: 0 })).toEqual([
      'VALIDATION_FAILED',
      'radiusKm',
    ])
    expect(await refused({ exam: '070-620', limit: 0 })).toEqual(['VALIDATION_FAILED', 'limit'])
    expect(await refused({ exam: '070-620', provider: 'nobody' })).toEqual([
      'PROVIDER_UNKNOWN',
      'provider',
    ])
  })
})

describe.each(testDatabases())('finding a seat, as a property, on $name', ({ open }) => {
  const { deps } = useSuiteDatabase(open, (deps) => loadDemo(deps, false))
  let run = 0

  const position = fc.oneof(
    fc.record({
      latitude: fc.double({ min: -60, max: 60, noNaN: true }),
      longitude: fc.double({ min: -180, max: 180, noNaN: true }),
    }),
    // Clustered by the antimeridian, where boxes wrap.
    fc.record({
      latitude: fc.double({ min: -20, max: -15, noNaN: true }),
      longitude: fc.oneof(
        fc.double({ min: 179, max: 180, noNaN: true }),
        fc.double({ min: -180, max: -179, noNaN: true }),
      ),
    }),
  )
  const slotPlan = fc.record({
    offsetHours: fc.integer({ min: -48, max: 24 * 40 }),
    capacity: fc.integer({ min: 1, max: 4 }),
    booked: fc.integer({ min: 0, max: 4 }),
  })
  const centrePlan = fc.record({
    position,
    delivers: fc.boolean(),
    // One slot per centre and start, as the database allows.
    slots: fc.uniqueArray(slotPlan, { maxLength: 6, selector: (plan) => plan.offsetHours }),
  })
  const question = fc.record({
    near: fc.option(position, { nil: undefined }),
    radiusKm: fc.option(fc.double({ min: 1, max: 5000, noNaN: true }), { nil: undefined }),
    fromHours: fc.option(fc.integer({ min: -24, max: 24 * 20 }), { nil: undefined }),
    spanHours: fc.option(fc.integer({ min: 1, max: 24 * 45 }), { nil: undefined }),
    limit: fc.integer({ min: 1, max: 12 }),
  })

  it('returns only open seats in [from, to), nearest first, exactly the ones a brute force finds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(centrePlan, { minLength: 1, maxLength: 7 }),
        question,
        async (plans, q) => {
          run++
          const { db } = deps()
          const exam = await createExam(db, { number: `070-${String(100 + run).padStart(3, '0')}` })
          const delivering = await createProvider(db, { id: `prop-${run}` })
          const other = await createProvider(db, { id: `prop-${run}-other` })
          await setProviderExams(db, delivering.id, [exam.number])
          const expected: { slot: Slot; centre: TestCentre }[] = []
          for (const [c, plan] of plans.entries()) {
            const centre = await createCentre(db, {
              id: `prop-${run}-c${c}`,
              providerId: plan.delivers ? delivering.id : other.id,
              latitude: plan.position.latitude,
              longitude: plan.position.longitude,
            })
            for (const [s, seat] of plan.slots.entries()) {
              const slot = await createSlot(db, centre, NOW + hours(seat.offsetHours), {
                id: `prop-${run}-c${c}-s${s}`,
                capacity: seat.capacity,
                booked: Math.min(seat.booked, seat.capacity),
              })
              if (plan.delivers) expected.push({ slot, centre })
            }
          }
          const from = q.fromHours === undefined ? NOW : NOW + hours(q.fromHours)
          const to = from + (q.spanHours === undefined ? days(30) : hours(q.spanHours))
          const near =
            q.near === undefined
              ? undefined
              : `${q.near.latitude.toFixed(6)},${q.near.longitude.toFixed(6)}`
          const input: FindSeatsInput = {
            exam: exam.number,
            ...(q.fromHours === undefined ? {} : { from: iso(from) }),
            ...(q.spanHours === undefined ? {} : { to: iso(to) }),
            ...(near === undefined ? {} : { near }),
            ...(near !== undefined && q.radiusKm !== undefined ? { radiusKm: q.radiusKm } : {}),
            limit: q.limit,
          }
          const { items } = await findSeats(deps(), input, operatorPrincipal('test'))

          const place = near === undefined ? null : parsePosition(near)!
          const distance = (centre: TestCentre) =>
            place === null ? 0 : computeDistanceKm(place, centre)
          const brute = expected
            .filter(({ slot }) => slot.booked < slot.capacity)
            .filter(({ slot }) => slot.startsAt >= Math.max(from, NOW) && slot.startsAt < to)
            .filter(
              ({ centre }) => input.radiusKm === undefined || distance(centre) <= input.radiusKm,
            )
            .sort(
              (a, b) =>
                distance(a.centre) - distance(b.centre) ||
                a.slot.startsAt - b.slot.startsAt ||
                (a.slot.id < b.slot.id ? -1 : 1),
            )
            .slice(0, q.limit)
          expect(items.map((seat) => seat.slot.id)).toEqual(brute.map(({ slot }) => slot.id))
          for (const [i, seat] of items.entries()) {
            expect(seat.seatsLeft).toBeGreaterThan(0)
            expect(seat.slot.startsAt).toBeGreaterThanOrEqual(from)
            expect(seat.slot.startsAt).toBeLessThan(to)
            if (place !== null && i > 0)
              expect(seat.distanceKm!).toBeGreaterThanOrEqual(items[i - 1]!.distanceKm!)
          }
        },
      ),
      { numRuns: 40 },
    )
  })
})
