import { describe, expect, it } from 'vitest'
import { testDatabases } from '../support/databases.js'
import { call, expectOk, expectProblem, useApi } from './api-harness.js'

interface ProviderOut {
  readonly id: string
  readonly name: string
  readonly rescheduleCutoffHours: number
  readonly cancelCutoffHours: number
  readonly cancellationRefund: { readonly fullRefundHours: number; readonly lateFeePercent: number }
  readonly exams: readonly string[]
}
interface CentreOut {
  readonly id: string
  readonly provider: string
  readonly city: string
  readonly country: string
  readonly latitude: number
  readonly longitude: number
  readonly timeZone: string
}
interface SeatOut {
  readonly id: string
  readonly provider: string
  readonly centre: {
    readonly id: string
    readonly name: string
    readonly city: string
    readonly country: string
  }
  readonly startsAt: string
  readonly localStart: string
  readonly timeZone: string
  readonly capacity: number
  readonly seatsLeft: number
  readonly distanceKm?: number
  readonly changeDeadlines: Readonly<Record<string, string>>
  readonly deadlinesPassed: readonly string[]
}
interface SearchOut {
  readonly exam: string
  readonly from: string
  readonly to: string
  readonly items: readonly SeatOut[]
}

const CHRISTCHURCH = {
  id: 'chc-api',
  provider: 'pearson-vue',
  name: 'Pearson VUE Christchurch',
  address: '100 Cashel Street, Christchurch 8011',
  city: 'Christchurch',
  country: 'NZ',
  latitude: -43.5321,
  longitude: 172.6362,
  timeZone: 'Pacific/Auckland',
}

describe.each(testDatabases())('providers, centres and slots over HTTP ($name)', ({ open }) => {
  // Tests that change data make their own providers and centres: one world for the suite.
  const world = useApi(open, { per: 'suite' })

  describe('/v1/providers', () => {
    it('lists both providers with their change rules and exams, to any role', async () => {
      const { items } = expectOk<{ items: ProviderOut[] }>(
        await call(world(), 'GET', '/v1/providers', undefined, 'provider'),
      )
      expect(items.map(({ exams: _exams, ...rest }) => rest)).toEqual([
        {
          id: 'pearson-vue',
          name: 'Pearson VUE',
          rescheduleCutoffHours: 24,
          cancelCutoffHours: 48,
          cancellationRefund: { fullRefundHours: 96, lateFeePercent: 100 },
        },
        {
          id: 'prometric',
          name: 'Prometric',
          rescheduleCutoffHours: 24,
          cancelCutoffHours: 24,
          cancellationRefund: { fullRefundHours: 72, lateFeePercent: 25 },
        },
      ])
      expect(items[1]!.exams).toContain('098-349')
      expect(items[0]!.exams).not.toContain('098-349')
      const one = expectOk<ProviderOut>(
        await call(world(), 'GET', '/v1/providers/prometric', undefined, 'support'),
      )
      expect(one).toEqual(items[1])
      expectProblem(await call(world(), 'GET', '/v1/providers/nobody'), 404, 'PROVIDER_NOT_FOUND')
    })

    it('lets an admin add a provider, set its rules and its exams', async () => {
      const created = await call(world(), 'POST', '/v1/providers', {
        id: 'kryterion',
        name: 'Kryterion',
      })
      expect(expectOk<ProviderOut>(created, 201)).toEqual({
        id: 'kryterion',
        name: 'Kryterion',
        rescheduleCutoffHours: 24,
        cancelCutoffHours: 24,
        cancellationRefund: { fullRefundHours: 0, lateFeePercent: 100 },
        exams: [],
      })
      expect(created.headers.location).toBe('/v1/providers/kryterion')
      const rules = await call(world(), 'PUT', '/v1/providers/kryterion/rules', {
        rescheduleCutoffHours: 72,
        cancelCutoffHours: 48,
        cancellationRefund: { fullRefundHours: 120, lateFeePercent: 30 },
      })
      expect(expectOk<ProviderOut>(rules)).toMatchObject({
        rescheduleCutoffHours: 72,
        cancelCutoffHours: 48,
        cancellationRefund: { fullRefundHours: 120, lateFeePercent: 30 },
      })
      const exams = await call(world(), 'PUT', '/v1/providers/kryterion/exams', {
        exams: ['70-620', '098-349'],
      })
      expect(expectOk<ProviderOut>(exams).exams).toEqual(['070-620', '098-349'])
    })

    it('refuses other roles, bad rules, unknown exams and providers, as problems', async () => {
      expectProblem(
        await call(
          world(),
          'PUT',
          '/v1/providers/prometric/rules',
          { rescheduleCutoffHours: 1, cancelCutoffHours: 1 },
          'support',
        ),
        403,
        'FORBIDDEN',
      )
      expectProblem(
        await call(world(), 'PUT', '/v1/providers/prometric/rules', {
          rescheduleCutoffHours: -1,
          cancelCutoffHours: 1,
        }),
        400,
        'VALIDATION_FAILED',
      )
      expectProblem(
        await call(world(), 'PUT', '/v1/providers/nobody/rules', {
          rescheduleCutoffHours: 1,
          cancelCutoffHours: 1,
        }),
        404,
        'PROVIDER_NOT_FOUND',
      )
      expectProblem(
        await call(world(), 'PUT', '/v1/providers/prometric/exams', {
          exams: ['70-620', '70-999'],
        }),
        404,
        'EXAM_NOT_FOUND',
        'exams.1',
      )
      expectProblem(
        await call(world(), 'POST', '/v1/providers', { id: 'prometric', name: 'Again' }),
        409,
        'PROVIDER_ALREADY_EXISTS',
        'id',
      )
    })
  })

  describe('/v1/centres', () => {
    it('lets an admin add a centre, and anyone read it but another provider', async () => {
      const created = await call(world(), 'POST', '/v1/centres', CHRISTCHURCH)
      const centre = expectOk<CentreOut>(created, 201)
      expect(centre).toEqual({ ...CHRISTCHURCH })
      expect(created.headers.location).toBe('/v1/centres/chc-api')
      expect(
        expectOk<CentreOut>(
          await call(world(), 'GET', '/v1/centres/chc-api', undefined, 'otherProvider'),
        ),
      ).toEqual(centre)
      expect(
        expectOk<CentreOut>(
          await call(world(), 'GET', '/v1/centres/chc-api', undefined, 'support'),
        ),
      ).toEqual(centre)
      // A Pearson VUE centre is none of Prometric's business: it answers as a missing one.
      expectProblem(
        await call(world(), 'GET', '/v1/centres/chc-api', undefined, 'provider'),
        404,
        'CENTRE_NOT_FOUND',
      )
      expectProblem(
        await call(world(), 'POST', '/v1/centres', { ...CHRISTCHURCH, id: 'x' }, 'support'),
        403,
        'FORBIDDEN',
      )
    })

    it("lists every centre or one provider's", async () => {
      const { items } = expectOk<{ items: CentreOut[] }>(
        await call(world(), 'GET', '/v1/centres?provider=prometric', undefined, 'support'),
      )
      expect(items.length).toBeGreaterThanOrEqual(7)
      expect(new Set(items.map((centre) => centre.provider))).toEqual(new Set(['prometric']))
      expect(items.map((centre) => centre.city)).toEqual(
        expect.arrayContaining(['Auckland', 'Tokyo']),
      )
      const all = expectOk<{ items: CentreOut[]; total: number }>(
        await call(world(), 'GET', '/v1/centres'),
      )
      expect(all.items.length).toBeGreaterThan(items.length)
      expect(all.total).toBe(all.items.length)
      // A page at a time, in the same order, with the same total.
      const second = expectOk<{ items: CentreOut[]; total: number }>(
        await call(world(), 'GET', '/v1/centres?limit=3&offset=3'),
      )
      expect(second.total).toBe(all.total)
      expect(second.items.map((centre) => centre.id)).toEqual(
        all.items.slice(3, 6).map((centre) => centre.id),
      )
      expectProblem(
        await call(world(), 'GET', '/v1/centres?limit=201'),
        400,
        'VALIDATION_FAILED',
        'limit',
      )
      expectProblem(
        await call(world(), 'GET', '/v1/centres?provider=nobody'),
        422,
        'PROVIDER_UNKNOWN',
        'provider',
      )
      expectProblem(await call(world(), 'GET', '/v1/centres/nowhere'), 404, 'CENTRE_NOT_FOUND')
    })

    it('refuses a bad zone, country, position or provider, and a duplicate id', async () => {
      const post = (overrides: Record<string, unknown>) =>
        call(world(), 'POST', '/v1/centres', { ...CHRISTCHURCH, id: 'refused', ...overrides })
      expectProblem(await post({ timeZone: 'Christchurch' }), 400, 'TIME_ZONE_INVALID', 'timeZone')
      expectProblem(await post({ country: 'ZZ' }), 400, 'COUNTRY_INVALID', 'country')
      expectProblem(await post({ latitude: 95 }), 400, 'POSITION_INVALID', 'latitude')
      expectProblem(await post({ latitude: '-43.5' }), 400, 'VALIDATION_FAILED')
      expectProblem(await post({ provider: 'nobody' }), 422, 'PROVIDER_UNKNOWN', 'provider')
      expectProblem(await post({ id: 'akl-prometric' }), 409, 'CENTRE_ALREADY_EXISTS', 'id')
    })
  })

  describe('slots', () => {
    it('generates slots on the centre’s clock, idempotently', async () => {
      await call(world(), 'POST', '/v1/centres', { ...CHRISTCHURCH, id: 'chc-gen' })
      const body = {
        from: '2026-09-24',
        to: '2026-09-30',
        every: '4h',
        daily: '09:00-14:00',
        days: 'mon-fri',
        capacity: 8,
      }
      const first = expectOk(
        await call(world(), 'POST', '/v1/centres/chc-gen/slots/generate', body),
      )
      expect(first).toEqual({
        centreId: 'chc-gen',
        timeZone: 'Pacific/Auckland',
        // Thursday, Friday, Monday and Tuesday at 09:00 and 13:00.
        requested: 8,
        created: 8,
        existing: 0,
        first: '2026-09-23T21:00:00.000Z',
        firstLocal: '2026-09-24T09:00 Pacific/Auckland',
        // After the clocks went forward on 27 September: UTC+13.
        last: '2026-09-29T00:00:00.000Z',
        lastLocal: '2026-09-29T13:00 Pacific/Auckland',
      })
      const again = expectOk(
        await call(world(), 'POST', '/v1/centres/chc-gen/slots/generate', body),
      )
      expect(again).toMatchObject({ requested: 8, created: 0, existing: 8 })
      expectProblem(
        await call(world(), 'POST', '/v1/centres/chc-gen/slots/generate', {
          ...body,
          every: 'hourly',
        }),
        422,
        'SLOT_SCHEDULE_INVALID',
        'every',
      )
      expectProblem(
        await call(world(), 'POST', '/v1/centres/nowhere/slots/generate', body),
        404,
        'CENTRE_NOT_FOUND',
      )
      expectProblem(
        await call(world(), 'POST', '/v1/centres/chc-gen/slots/generate', body, 'provider'),
        403,
        'FORBIDDEN',
      )
    })

    it('finds seats near a place, nearest first, with local start time and zone', async () => {
      const search = expectOk<SearchOut>(
        await call(
          world(),
          'GET',
          '/v1/slots?exam=70-620&near=-36.85,174.76&limit=5',
          undefined,
          'support',
        ),
      )
      expect(search).toMatchObject({
        exam: '070-620',
        from: '2026-06-15T12:00:00.000Z',
        to: '2026-07-15T12:00:00.000Z',
      })
      expect(search.items).toHaveLength(5)
      expect(search.items[0]).toEqual({
        id: 'slot-akl-pearson-vue-20260616-0900',
        provider: 'pearson-vue',
        centre: {
          id: 'akl-pearson-vue',
          name: 'Pearson VUE Auckland CBD',
          city: 'Auckland',
          country: 'NZ',
        },
        startsAt: '2026-06-15T21:00:00.000Z',
        localStart: '2026-06-16T09:00 Pacific/Auckland',
        timeZone: 'Pacific/Auckland',
        capacity: 10,
        seatsLeft: 10,
        distanceKm: 0.3,
        // Nine hours ahead: Pearson VUE's deadlines (24 and 48 hours before) are behind us.
        changeDeadlines: {
          reschedule: '2026-06-14T21:00:00.000Z',
          rescheduleLocal: '2026-06-15T09:00 Pacific/Auckland',
          cancel: '2026-06-13T21:00:00.000Z',
          cancelLocal: '2026-06-14T09:00 Pacific/Auckland',
        },
        deadlinesPassed: ['reschedule', 'cancel'],
      })
      const one = expectOk<SeatOut>(
        await call(world(), 'GET', `/v1/slots/${search.items[0]!.id}`, undefined, 'otherProvider'),
      )
      const { distanceKm: _distance, ...withoutDistance } = search.items[0]!
      expect(one).toEqual(withoutDistance)
      expectProblem(await call(world(), 'GET', '/v1/slots/no-such-slot'), 404, 'SLOT_NOT_FOUND')
    })

    it('finds seats at every provider delivering the exam, earliest first without a place', async () => {
      const { items } = expectOk<SearchOut>(
        await call(world(), 'GET', '/v1/slots?exam=098-349&limit=200'),
      )
      expect(items.length).toBeGreaterThan(50)
      expect(new Set(items.map((seat) => seat.provider))).toEqual(new Set(['prometric']))
      expect(items.every((seat) => seat.distanceKm === undefined)).toBe(true)
      const starts = items.map((seat) => seat.startsAt)
      expect([...starts].sort()).toEqual(starts)
      const both = expectOk<SearchOut>(
        await call(
          world(),
          'GET',
          '/v1/slots?exam=70-620&near=52.52,13.40&radiusKm=20&from=2026-06-16T00:00:00Z&to=2026-06-17T00:00:00Z',
        ),
      )
      expect(both.items.map((seat) => seat.centre.id)).toEqual([
        'ber-pearson-vue',
        'ber-pearson-vue',
        'ber-prometric',
        'ber-prometric',
      ])
      expect(both.items.map((seat) => seat.localStart.slice(11))).toEqual([
        '09:00 Europe/Berlin',
        '13:00 Europe/Berlin',
        '09:00 Europe/Berlin',
        '13:00 Europe/Berlin',
      ])
    })

    it('answers a bad search with a problem naming the field', async () => {
      const search = (query: string) => call(world(), 'GET', `/v1/slots?${query}`)
      expectProblem(await search('near=1,2'), 400, 'VALIDATION_FAILED')
      expectProblem(await search('exam=7O-620'), 400, 'EXAM_NUMBER_MALFORMED', 'exam')
      expectProblem(await search('exam=70-404'), 404, 'EXAM_NOT_FOUND', 'exam')
      expectProblem(await search('exam=70-620&near=here'), 400, 'POSITION_INVALID', 'near')
      expectProblem(await search('exam=70-620&radiusKm=10'), 400, 'VALIDATION_FAILED', 'radiusKm')
      expectProblem(await search('exam=70-620&near=1,2&radiusKm=far'), 400, 'VALIDATION_FAILED')
      expectProblem(
        await search('exam=70-620&from=2026-07-01T00:00:00Z&to=2026-06-01T00:00:00Z'),
        400,
        'SEARCH_RANGE_INVALID',
        'to',
      )
      expectProblem(
        await search('exam=70-620&to=2028-01-01T00:00:00Z'),
        400,
        'SEARCH_RANGE_INVALID',
      )
      expectProblem(await search('exam=70-620&from=tomorrow'), 400, 'INSTANT_INVALID', 'from')
      expectProblem(
        await search('exam=70-620&provider=nobody'),
        422,
        'PROVIDER_UNKNOWN',
        'provider',
      )
      expectProblem(
        await call(world(), 'GET', '/v1/slots?exam=70-620', undefined, null),
        401,
        'UNAUTHENTICATED',
      )
    })
  })
})
