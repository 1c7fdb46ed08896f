import { beforeAll, describe, expect, it } from 'vitest'
import { setProviderExams } from '../../src/db/catalogue/providers.js'
import { DAY_MS, HOUR_MS } from '../../src/domain/instant.js'
import type { TestCentre } from '../../src/domain/test-centre.js'
import { createExam } from '../factories/catalogue.js'
import { createCentre, createSlot } from '../factories/centres.js'
import { testDatabases } from '../support/databases.js'
import { call, expectOk, expectProblem, NOW, useApi } from './api-harness.js'
import {
  anonymous,
  asBrowser,
  type Browser,
  latestSignInMail,
  sessionCookieOf,
} from './sign-in-world.js'

interface SeatOut {
  readonly id: string
  readonly provider: string
  readonly centre: { readonly id: string }
  readonly startsAt: string
  readonly localStart: string
  readonly seatsLeft: number
  readonly distanceKm: number
  readonly deadlinesPassed: readonly string[]
}
interface CentreOut {
  readonly id: string
  readonly provider: string
  readonly providerName: string
  readonly name: string
  readonly city: string
  readonly distanceKm: number
  readonly openSlots: number
  readonly seatsLeft: number
  readonly nextSlots: readonly SeatOut[]
}
interface CentresOut {
  readonly exam: string
  readonly from: string
  readonly to: string
  readonly items: readonly CentreOut[]
  readonly total: number
}
interface PlaceOut {
  readonly name: string
  readonly country: string
  readonly latitude: number
  readonly longitude: number
  readonly centres: number
}

const AUCKLAND = '-36.85,174.76'
/** Just east of the antimeridian, off Taveuni (Fiji), whose island it crosses. */
const EAST_OF_TAVEUNI = '-16.8,-179.9'

const at = (hours: number) => NOW + hours * HOUR_MS

/**
 * Pearson VUE and Prometric in Auckland (and Prometric at its airport, and
 * at a centre whose every seat is taken), Pearson VUE in Wellington, on both
 * sides of the antimeridian on Taveuni and in Suva, Prometric in Los
 * Angeles, and São Paulo spelt two ways. 070-620 is at both providers,
 * 098-349 at Prometric only, 070-999 nowhere.
 */
async function buildWorld(db: Parameters<typeof createCentre>[0]) {
  for (const number of ['070-620', '098-349', '070-999']) await createExam(db, { number })
  await setProviderExams(db, 'pearson-vue', ['070-620'])
  await setProviderExams(db, 'prometric', ['070-620', '098-349'])
  const centre = (
    id: string,
    providerId: string,
    city: string,
    country: string,
    latitude: number,
    longitude: number,
    timeZone: string,
  ) =>
    createCentre(db, {
      id,
      providerId,
      name: `${id} centre`,
      address: `1 ${city} Road`,
      city,
      country,
      latitude,
      longitude,
      timeZone,
    })
  const nz = 'Pacific/Auckland'
  const fj = 'Pacific/Fiji'
  const aklPv = await centre('akl-pv', 'pearson-vue', 'Auckland', 'NZ', -36.8484, 174.7622, nz)
  const aklPm = await centre('akl-pm', 'prometric', 'Auckland', 'NZ', -36.8621, 174.7676, nz)
  const full = await centre('akl-full', 'prometric', 'Auckland', 'NZ', -36.85, 174.76, nz)
  const airport = await centre(
    'akl-air',
    'prometric',
    'Auckland Airport',
    'NZ',
    -37.0082,
    174.785,
    nz,
  )
  const wlg = await centre('wlg-pv', 'pearson-vue', 'Wellington', 'NZ', -41.2842, 174.7756, nz)
  const west = await centre('tav-west', 'pearson-vue', 'Taveuni', 'FJ', -16.8, 179.95, fj)
  const east = await centre('tav-east', 'pearson-vue', 'Taveuni', 'FJ', -16.8, -179.95, fj)
  const suva = await centre('suva-pv', 'pearson-vue', 'Suva', 'FJ', -18.14, 178.44, fj)
  const lax = await centre(
    'lax-pm',
    'prometric',
    'Los Angeles',
    'US',
    34.0617,
    -118.3054,
    'America/Los_Angeles',
  )
  const saoPm = await centre(
    'sao-pm',
    'prometric',
    'São Paulo',
    'BR',
    -23.56,
    -46.66,
    'America/Sao_Paulo',
  )
  await centre('sao-pv', 'pearson-vue', 'Sao Paulo', 'BR', -23.58, -46.64, 'America/Sao_Paulo')

  const slot = (
    c: TestCentre,
    id: string,
    startsAt: number,
    seats: { capacity?: number; booked?: number } = {},
  ) => createSlot(db, c, startsAt, { id, ...seats })
  // Partly booked: 10 + 7 + 1 seats left in three open slots; the full one is not open.
  await slot(aklPv, 'akl-pv-30h', at(30))
  await slot(aklPv, 'akl-pv-48h-full', at(48), { capacity: 5, booked: 5 })
  await slot(aklPv, 'akl-pv-72h', at(72), { booked: 3 })
  await slot(aklPv, 'akl-pv-96h', at(96), { booked: 9 })
  await slot(aklPv, 'akl-pv-past', at(-3))
  await slot(aklPm, 'akl-pm-50h', at(50), { capacity: 4, booked: 1 })
  await slot(full, 'akl-full-40h', at(40), { capacity: 2, booked: 2 })
  await slot(airport, 'akl-air-60h', at(60))
  await slot(wlg, 'wlg-pv-30h', at(30), { capacity: 6 })
  await slot(west, 'tav-west-30h', at(30))
  await slot(east, 'tav-east-31h', at(31))
  await slot(suva, 'suva-pv-30h', at(30))
  await slot(lax, 'lax-pm-30h', at(30))
  // Only in a range longer than the default 30 days.
  await slot(lax, 'lax-pm-40d', NOW + 40 * DAY_MS, { capacity: 3 })
  await slot(saoPm, 'sao-pm-30h', at(30))
}

describe.each(testDatabases())(
  'finding a seat by centre, and a place, over HTTP ($name)',
  ({ open }) => {
    // Every test only reads: one world for the suite.
    const world = useApi(open, { demo: false, per: 'suite' })
    let candidate: Browser
    beforeAll(async () => {
      await buildWorld(world().db)
      candidate = await signUp()
    })

    /** A candidate makes their own account and signs in with the mailed code. */
    async function signUp(): Promise<Browser> {
      const email = 'mere.tane@example.org'
      await anonymous(world(), 'POST', '/v1/accounts', {
        firstName: 'Mere',
        lastName: 'Tane',
        email,
        country: 'NZ',
        timeZone: 'Pacific/Auckland',
      })
      const { code } = await latestSignInMail(world().db, email)
      const response = await anonymous(world(), 'POST', '/v1/sign-in/code', { email, code })
      return {
        cookie: sessionCookieOf(response)!,
        csrfToken: expectOk<{ csrfToken: string }>(response).csrfToken,
      }
    }

    type Caller = 'admin' | 'support' | 'provider' | 'candidate'
    /** A GET as a token's role, or as the signed-in candidate. */
    const get = (url: string, caller: Caller = 'admin') =>
      caller === 'candidate'
        ? asBrowser(world(), candidate, 'GET', url)
        : call(world(), 'GET', url, undefined, caller)
    const centres = async (query: string, caller: Caller = 'admin') =>
      expectOk<CentresOut>(await get(`/v1/exams/${query}`, caller))
    const ids = async (query: string) => (await centres(query)).items.map((item) => item.id)

    describe('GET /v1/exams/{number}/centres', () => {
      it('lists centres nearest first with their distance, counts and next open slots', async () => {
        const search = await centres(
          `70-620/centres?near=${AUCKLAND}&slotsPerCentre=2`,
          'candidate',
        )
        expect(search).toMatchObject({
          exam: '070-620',
          from: '2026-06-15T12:00:00.000Z',
          to: '2026-07-15T12:00:00.000Z',
          total: 9,
        })
        expect(search.items.map((item) => item.id)).toEqual([
          'akl-pv',
          'akl-pm',
          'akl-air',
          'wlg-pv',
          'suva-pv',
          'tav-west',
          'tav-east',
          'lax-pm',
          'sao-pm',
        ])
        const distances = search.items.map((item) => item.distanceKm)
        expect([...distances].sort((a, b) => a - b)).toEqual(distances)
        const [first] = search.items
        expect({ ...first, nextSlots: undefined }).toEqual({
          id: 'akl-pv',
          provider: 'pearson-vue',
          providerName: 'Pearson VUE',
          name: 'akl-pv centre',
          address: '1 Auckland Road',
          city: 'Auckland',
          country: 'NZ',
          latitude: -36.8484,
          longitude: 174.7622,
          timeZone: 'Pacific/Auckland',
          distanceKm: 0.3,
          openSlots: 3,
          seatsLeft: 18,
          nextSlots: undefined,
        })
        // The same slots, in the same shape, as the search by slot finds them.
        const bySlot = expectOk<{ items: SeatOut[] }>(
          await call(world(), 'GET', `/v1/slots?exam=70-620&near=${AUCKLAND}&limit=2`),
        )
        expect(first!.nextSlots).toEqual(bySlot.items)
        expect(first!.nextSlots[0]).toMatchObject({
          id: 'akl-pv-30h',
          startsAt: '2026-06-16T18:00:00.000Z',
          localStart: '2026-06-17T06:00 Pacific/Auckland',
          seatsLeft: 10,
          distanceKm: 0.3,
          // Pearson VUE's cancel deadline, 48 hours before, has passed; its reschedule deadline has not.
          deadlinesPassed: ['cancel'],
        })
        expect(first!.nextSlots.map((seat) => seat.id)).toEqual(['akl-pv-30h', 'akl-pv-72h'])
      })

      it('counts the free seats of partly booked slots, and leaves out centres with none', async () => {
        const items = (await centres(`70-620/centres?near=${AUCKLAND}&radiusKm=30`)).items
        expect(items.map(({ id, openSlots, seatsLeft }) => ({ id, openSlots, seatsLeft }))).toEqual(
          [
            { id: 'akl-pv', openSlots: 3, seatsLeft: 18 },
            { id: 'akl-pm', openSlots: 1, seatsLeft: 3 },
            { id: 'akl-air', openSlots: 1, seatsLeft: 10 },
          ],
        )
        expect(items[0]!.nextSlots.map((seat) => [seat.id, seat.seatsLeft])).toEqual([
          ['akl-pv-30h', 10],
          ['akl-pv-72h', 7],
          ['akl-pv-96h', 1],
        ])
      })

      it('lists only centres whose provider delivers the exam', async () => {
        expect(await ids(`098-349/centres?near=${AUCKLAND}`)).toEqual([
          'akl-pm',
          'akl-air',
          'lax-pm',
          'sao-pm',
        ])
        expect(await centres(`070-999/centres?near=${AUCKLAND}`)).toMatchObject({
          items: [],
          total: 0,
        })
        expect(await ids(`70-620/centres?near=${AUCKLAND}&provider=prometric&limit=2`)).toEqual([
          'akl-pm',
          'akl-air',
        ])
      })

      it('keeps to the range: a slot before now or after `to` is not counted', async () => {
        const lax = async (query: string) =>
          (await centres(`098-349/centres?near=34,-118&limit=1${query}`)).items[0]
        expect(await lax('')).toMatchObject({ id: 'lax-pm', openSlots: 1, seatsLeft: 10 })
        expect(await lax('&from=2026-06-01T00:00:00Z&to=2026-08-01T00:00:00Z')).toMatchObject({
          openSlots: 2,
          seatsLeft: 13,
        })
        // A range that began before now counts nothing that has started.
        expect(
          (await centres(`70-620/centres?near=${AUCKLAND}&radiusKm=1&from=2026-06-01T00:00:00Z`))
            .items,
        ).toMatchObject([{ id: 'akl-pv', openSlots: 3, seatsLeft: 18 }])
        // From 31 hours on: Los Angeles has the slot in 40 days only.
        const later = await centres(
          '070-620/centres?near=34,-118&from=2026-06-16T19:00:00Z&to=2026-08-01T00:00:00Z',
        )
        expect(later.items.map(({ id, openSlots }) => [id, openSlots])).toEqual([
          ['lax-pm', 1],
          ['tav-east', 1],
          ['akl-pv', 2],
          ['akl-pm', 1],
          ['akl-air', 1],
        ])
      })

      it('finds centres across the antimeridian, nearest first', async () => {
        const near = await centres(`70-620/centres?near=${EAST_OF_TAVEUNI}&radiusKm=100`)
        expect(near.items.map(({ id, distanceKm }) => [id, distanceKm])).toEqual([
          ['tav-east', 5.3],
          ['tav-west', 16],
        ])
        expect(near.total).toBe(2)
        expect((await ids(`70-620/centres?near=${EAST_OF_TAVEUNI}`)).slice(0, 3)).toEqual([
          'tav-east',
          'tav-west',
          'suva-pv',
        ])
      })

      it('comes a page at a time, with the total on every page', async () => {
        const all = await ids(`70-620/centres?near=${AUCKLAND}`)
        const pages = await Promise.all(
          [0, 4, 8].map((offset) =>
            centres(`70-620/centres?near=${AUCKLAND}&limit=4&offset=${offset}`),
          ),
        )
        expect(pages.map((page) => page.total)).toEqual([9, 9, 9])
        expect(pages.flatMap((page) => page.items.map((item) => item.id))).toEqual(all)
        expect(pages.map((page) => page.items.length)).toEqual([4, 4, 1])
        expect(await centres(`70-620/centres?near=${AUCKLAND}&offset=50`)).toMatchObject({
          items: [],
          total: 9,
        })
      })

      it('gives a provider its own centres only', async () => {
        const own = await centres(`70-620/centres?near=${AUCKLAND}`, 'provider')
        expect(own.items.map((item) => item.provider)).toEqual([
          'prometric',
          'prometric',
          'prometric',
          'prometric',
        ])
        expect(own.total).toBe(4)
        expect(
          await centres(`70-620/centres?near=${AUCKLAND}&provider=pearson-vue`, 'provider'),
        ).toMatchObject({ items: [], total: 0 })
      })

      it('answers bad input with a problem naming the field', async () => {
        const search = (query: string) => call(world(), 'GET', `/v1/exams/${query}`)
        expectProblem(await search('70-620/centres'), 400, 'VALIDATION_FAILED')
        expectProblem(await search('70-620/centres?near=here'), 400, 'POSITION_INVALID', 'near')
        expectProblem(await search('70-620/centres?near=91,0'), 400, 'POSITION_INVALID', 'near')
        expectProblem(await search('70-620/centres?near=0,180.5'), 400, 'POSITION_INVALID', 'near')
        expectProblem(
          await search(
            `70-620/centres?near=${AUCKLAND}&from=2026-07-01T00:00:00Z&to=2026-06-20T00:00:00Z`,
          ),
          400,
          'SEARCH_RANGE_INVALID',
          'to',
        )
        expectProblem(
          await search(`70-620/centres?near=${AUCKLAND}&to=2028-01-01T00:00:00Z`),
          400,
          'SEARCH_RANGE_INVALID',
        )
        expectProblem(
          await search(`70-620/centres?near=${AUCKLAND}&from=tomorrow`),
          400,
          'INSTANT_INVALID',
          'from',
        )
        expectProblem(
          await search(`70-404/centres?near=${AUCKLAND}`),
          404,
          'EXAM_NOT_FOUND',
          'number',
        )
        expectProblem(
          await search(`7O-620/centres?near=${AUCKLAND}`),
          400,
          'EXAM_NUMBER_MALFORMED',
          'number',
        )
        expectProblem(
          await search(`70-620/centres?near=${AUCKLAND}&radiusKm=0`),
          400,
          'VALIDATION_FAILED',
          'radiusKm',
        )
        expectProblem(
          await search(`70-620/centres?near=${AUCKLAND}&slotsPerCentre=11`),
          400,
          'VALIDATION_FAILED',
        )
        expectProblem(
          await search(`70-620/centres?near=${AUCKLAND}&limit=201`),
          400,
          'VALIDATION_FAILED',
        )
        expectProblem(
          await search(`70-620/centres?near=${AUCKLAND}&provider=nobody`),
          422,
          'PROVIDER_UNKNOWN',
          'provider',
        )
      })
    })

    describe('GET /v1/places', () => {
      const places = async (q: string, caller: Caller = 'candidate') =>
        expectOk<{ items: PlaceOut[] }>(await get(`/v1/places?q=${encodeURIComponent(q)}`, caller))
          .items

      it('finds a city that has centres by the start of a word, at the midpoint of its centres', async () => {
        expect(await places('auck')).toEqual([
          { name: 'Auckland', country: 'NZ', latitude: -36.8535, longitude: 174.7633, centres: 3 },
          {
            name: 'Auckland Airport',
            country: 'NZ',
            latitude: -37.0082,
            longitude: 174.785,
            centres: 1,
          },
        ])
        expect((await places('AIRPORT')).map((place) => place.name)).toEqual(['Auckland Airport'])
        expect((await places('Auckland')).map((place) => place.name)).toEqual([
          'Auckland',
          'Auckland Airport',
        ])
        expect(await places('uckland')).toEqual([])
        expect(await places('zanzibar')).toEqual([])
      })

      it('ignores accents and case, and makes one place of one city spelt two ways', async () => {
        const saoPaulo = {
          name: 'São Paulo',
          country: 'BR',
          latitude: -23.57,
          longitude: -46.65,
          centres: 2,
        }
        expect(await places('sao p')).toEqual([saoPaulo])
        expect(await places('SÃO')).toEqual([saoPaulo])
        expect(await places('paulo')).toEqual([saoPaulo])
      })

      it('puts a city across the antimeridian on it, not on the other side of the Earth', async () => {
        const [taveuni] = await places('tav')
        expect(taveuni).toMatchObject({
          name: 'Taveuni',
          country: 'FJ',
          latitude: -16.8,
          centres: 2,
        })
        expect(Math.abs(taveuni!.longitude)).toBe(180)
      })

      it('answers every signed-in caller, and refuses text with no letter or digit', async () => {
        for (const role of ['admin', 'support', 'provider', 'candidate'] as const)
          expect((await places('wel', role)).map((place) => place.name)).toEqual(['Wellington'])
        expectProblem(await call(world(), 'GET', '/v1/places?q=--'), 400, 'VALIDATION_FAILED', 'q')
        expectProblem(await call(world(), 'GET', '/v1/places'), 400, 'VALIDATION_FAILED')
        expectProblem(
          await call(world(), 'GET', '/v1/places?q=a&limit=51'),
          400,
          'VALIDATION_FAILED',
        )
        expectProblem(
          await call(world(), 'GET', '/v1/places?q=auck', undefined, null),
          401,
          'UNAUTHENTICATED',
        )
      })
    })
  },
)
