import type { FastifyInstance } from 'fastify'
import { Temporal } from 'temporal-polyfill'
import { afterEach, describe, expect, it } from 'vitest'
import type { Instant } from '../../src/domain/instant.js'
import { buildExamdeskApp } from '../../src/http/examdesk-app.js'
import { testDatabases } from '../support/databases.js'
import { type ApiWorld, call, expectOk, expectProblem, useApi } from './api-harness.js'
import { REPORT_OFFER, REPORT_PROVIDER, ReportWorld } from './report-world.js'

const ZONE = 'Pacific/Auckland'
/** A wall-clock time in Auckland as an instant. */
const nz = (local: string): Instant =>
  Temporal.PlainDateTime.from(local).toZonedDateTime(ZONE).epochMilliseconds
const HOUR = 3_600_000
const DAY = 24 * HOUR
const PERIOD = `from=2026-03-01&to=2026-03-31&provider=${REPORT_PROVIDER}`

interface ReportAnswer {
  readonly report: string
  readonly from: string
  readonly to: string
  readonly timeZone: string
  readonly provider: string | null
  readonly columns: readonly { readonly key: string; readonly kind: string }[]
  readonly rows: readonly Record<string, string | number | null>[]
}

describe.each(testDatabases())('reports ($name)', ({ open }) => {
  const world = useApi(open)
  let app: FastifyInstance | undefined
  afterEach(async () => {
    await app?.close()
    app = undefined
  })

  /** The app on the programme's clock in Auckland, and the report world. */
  async function scene(): Promise<{ w: ApiWorld; r: ReportWorld }> {
    const w = world()
    app = await buildExamdeskApp({
      db: w.db,
      clock: w.clock,
      exceptionDue: { workingDays: 2, timeZone: ZONE },
    })
    const r = new ReportWorld(w.db)
    await r.setUp()
    return { w: { ...w, app }, r }
  }

  const read = async (w: ApiWorld, report: string, query = PERIOD) =>
    expectOk<ReportAnswer>(await call(w, 'GET', `/v1/reports/${report}?${query}`))

  it('counts registrations and cancellations per day on the programme’s clock', async () => {
    const { w, r } = await scene()
    const slot = await r.slot(0, nz('2026-04-20T09:00'))
    // 01:30 on 10 March in Auckland is still 9 March in UTC.
    await r.register(slot, nz('2026-03-10T01:30'))
    await r.register(slot, nz('2026-03-10T23:59'))
    await r.register(slot, nz('2026-03-11T00:00'), 'cancelled', nz('2026-03-12T08:00'))
    // Made before the period, cancelled in it.
    await r.register(slot, nz('2026-02-28T23:00'), 'cancelled', nz('2026-03-01T00:30'))
    // After the period.
    await r.register(slot, nz('2026-04-01T00:00'))

    const answer = await read(w, 'registrations')
    expect(answer).toMatchObject({
      report: 'registrations',
      from: '2026-03-01',
      to: '2026-03-31',
      timeZone: ZONE,
      provider: REPORT_PROVIDER,
    })
    expect(answer.columns.map((c) => c.key)).toEqual(['day', 'registered', 'cancelled'])
    expect(answer.rows).toHaveLength(31)
    const nonZero = answer.rows.filter((row) => row.registered !== 0 || row.cancelled !== 0)
    expect(nonZero).toEqual([
      { day: '2026-03-01', registered: 0, cancelled: 1 },
      { day: '2026-03-10', registered: 2, cancelled: 0 },
      { day: '2026-03-11', registered: 1, cancelled: 0 },
      { day: '2026-03-12', registered: 0, cancelled: 1 },
    ])
  })

  it('sums seat fill per centre and week, and counts no-shows per centre', async () => {
    const { w, r } = await scene()
    // Monday 2 March and Wednesday 11 March; the second centre on Friday 6 March.
    const a1 = await r.slot(0, nz('2026-03-02T09:00'), 4)
    const a2 = await r.slot(0, nz('2026-03-11T09:00'), 2)
    const b1 = await r.slot(1, nz('2026-03-06T14:00'), 5)
    for (let k = 0; k < 3; k++) await r.register(a1, nz('2026-02-20T10:00'), 'completed')
    await r.register(a1, nz('2026-02-20T10:00'), 'no-show')
    await r.register(a2, nz('2026-02-21T10:00'), 'no-show')
    await r.register(b1, nz('2026-02-22T10:00'), 'cancelled', nz('2026-02-23T10:00'))
    await r.register(b1, nz('2026-02-22T10:00'), 'completed')

    const fill = await read(w, 'seat-fill')
    const [harbour, cuba] = r.centres
    expect(
      fill.rows.map((row) => [row.week, row.centre, row.slots, row.capacity, row.booked, row.fill]),
    ).toEqual([
      ['2026-03-02', harbour!.name, 1, 4, 4, 1],
      ['2026-03-02', cuba!.name, 1, 5, 1, 0.2],
      ['2026-03-09', harbour!.name, 1, 2, 1, 0.5],
    ])

    const noShows = await read(w, 'no-shows')
    expect(noShows.rows.map((row) => [row.centre, row.seats, row.noShows, row.noShowRate])).toEqual(
      [
        [harbour!.name, 5, 2, 0.4],
        [cuba!.name, 1, 0, 0],
      ],
    )
  })

  it('gives first-attempt and overall pass rates, and the waits before retakes', async () => {
    const { w, r } = await scene()
    const [ana, ben, cai, dee] = [
      await r.candidate(),
      await r.candidate(),
      await r.candidate(),
      await r.candidate(),
    ]
    // Ana: fails twice, then passes; reported out of order.
    await r.attempt(ana, nz('2026-03-20T10:00'), 'pass')
    await r.attempt(ana, nz('2026-03-02T10:00'), 'fail')
    await r.attempt(ana, nz('2026-03-05T10:00'), 'fail')
    // Ben passes at the first go.
    await r.attempt(ben, nz('2026-03-03T10:00'), 'pass')
    // Cai failed in February and passes in March 30 hours... and 20 days later.
    await r.attempt(cai, nz('2026-02-08T10:00'), 'fail')
    await r.attempt(cai, nz('2026-03-01T09:00'), 'pass')
    // Dee's result is not released yet.
    await r.attempt(dee, nz('2026-03-30T10:00'), 'pending')

    const rates = await read(w, 'pass-rates')
    expect(rates.rows).toEqual([
      {
        exam: '070-620',
        title: expect.any(String),
        // Ana ×3, Ben, Cai's March attempt; Dee pending.
        sat: 5,
        passed: 3,
        passRate: 0.6,
        // Ana's first, Ben's.
        firstSat: 2,
        firstPassed: 1,
        firstPassRate: 0.5,
        pending: 1,
      },
    ])

    const retakes = await read(w, 'retakes')
    expect(retakes.rows).toEqual([
      {
        exam: '070-620',
        title: expect.any(String),
        // Ana after 3 days and after 15 days; Cai after 20 days 23 hours.
        retakes: 3,
        under2Days: 0,
        from2To7Days: 1,
        from7To14Days: 0,
        from14To30Days: 2,
        from30To90Days: 0,
        from90Days: 0,
        shortestWaitHours: 72,
        averageWaitDays:
          Math.round(((3 * DAY + 15 * DAY + 20 * DAY + 23 * HOUR) / 3 / DAY) * 10) / 10,
      },
    ])
  })

  it('counts codes issued, used, returned, forfeited and expired per offer version', async () => {
    const { w, r } = await scene()
    const slot = await r.slot(0, nz('2026-03-25T09:00'))
    const kept = await r.register(slot, nz('2026-03-04T10:00'))
    const gone = await r.register(slot, nz('2026-03-05T10:00'), 'cancelled', nz('2026-03-06T10:00'))
    const used = await r.code(nz('2026-03-02T10:00'), nz('2026-12-31T00:00'))
    const returned = await r.code(nz('2026-03-02T11:00'), nz('2026-12-31T00:00'))
    const unused = await r.code(nz('2026-02-01T10:00'), nz('2026-03-15T00:00'))
    // Expires in the period, but was used: not expired unused.
    const expiredUsed = await r.code(nz('2026-02-01T10:00'), nz('2026-03-16T00:00'))
    await r.code(nz('2026-04-02T10:00'), null)
    await r.use(used, kept.id, nz('2026-03-04T10:00'))
    await r.use(used, kept.id, nz('2026-03-04T10:00'), 'forfeited')
    await r.use(returned, gone.id, nz('2026-03-05T10:00'), 'first-attempt', nz('2026-03-06T10:00'))
    await r.use(expiredUsed, kept.id, nz('2026-02-10T10:00'), 'percent-off')

    const answer = await read(w, 'codes')
    expect(answer.rows.filter((row) => row.offer === REPORT_OFFER)).toEqual([
      {
        offer: REPORT_OFFER,
        version: 1,
        offerName: 'Report offer',
        issued: 2,
        used: 2,
        returned: 1,
        forfeited: 1,
        expired: 1,
      },
    ])
    expect(unused).not.toBe(used)
  })

  it('follows each wave from invited to passed', async () => {
    const { w, r } = await scene()
    const invitees = [
      await r.candidate(),
      await r.candidate(),
      await r.candidate(),
      await r.candidate(),
    ]
    const beta = await r.betaExam()
    const waveId = await r.wave(nz('2026-03-03T09:00'), invitees, 3, 2, beta)
    const slot = await r.slot(0, nz('2026-03-20T09:00'))
    await r.register(slot, nz('2026-03-04T09:00'), 'completed', undefined, invitees[0], beta)
    await r.register(slot, nz('2026-03-04T09:00'), 'booked', undefined, invitees[1], beta)
    await r.register(slot, nz('2026-03-04T09:00'), 'cancelled', undefined, invitees[2], beta)
    // Another exam is not the wave's.
    await r.register(slot, nz('2026-03-04T09:00'), 'booked', undefined, invitees[3])
    await r.attempt(invitees[0]!, nz('2026-03-20T09:00'), 'pass', beta)

    const answer = await read(w, 'waves')
    expect(answer.rows).toEqual([
      {
        exam: beta,
        position: 1,
        wave: 'Report wave',
        waveId,
        invited: 4,
        mailed: 3,
        delivered: 2,
        registered: 2,
        sat: 1,
        passed: 1,
      },
    ])
  })

  it('counts exception requests by reason and outcome with the hours to a decision', async () => {
    const { w, r } = await scene()
    const slot = await r.slot(0, nz('2026-03-02T09:00'))
    // One request per sitting.
    const sitting = () => r.register(slot, nz('2026-02-20T09:00'), 'completed')
    const filed = async (
      reason: 'lab-crash' | 'connectivity' | 'equipment-failure',
      at: string,
      decidedAt: string | null,
    ) =>
      r.exceptionRequest(
        await sitting(),
        reason,
        nz(at),
        decidedAt === null ? null : { status: 'denied', at: nz(decidedAt) },
      )
    await filed('lab-crash', '2026-03-02T12:00', '2026-03-03T18:00')
    await filed('lab-crash', '2026-03-04T12:00', '2026-03-04T22:00')
    await filed('lab-crash', '2026-03-05T12:00', '2026-03-05T14:00')
    await filed('connectivity', '2026-03-09T12:00', null)
    // Before the period.
    await filed('equipment-failure', '2026-02-27T12:00', null)

    const answer = await read(w, 'exception-requests')
    expect(answer.rows).toEqual([
      {
        reason: 'connectivity',
        outcome: 'open',
        requests: 1,
        decided: 0,
        medianHoursToDecision: null,
        longestHoursToDecision: null,
      },
      {
        reason: 'lab-crash',
        outcome: 'denied',
        requests: 3,
        decided: 3,
        medianHoursToDecision: 10,
        longestHoursToDecision: 30,
      },
    ])
  })

  it('answers the same rows as CSV, by Accept or by format, as a named file', async () => {
    const { w, r } = await scene()
    const slot = await r.slot(1, nz('2026-03-10T09:00'), 3)
    await r.register(slot, nz('2026-03-01T10:00'), 'no-show')
    const byFormat = await call(w, 'GET', `/v1/reports/no-shows?${PERIOD}&format=csv`)
    expect(byFormat.statusCode).toBe(200)
    expect(byFormat.headers['content-type']).toMatch(/^text\/csv/)
    expect(byFormat.headers['content-disposition']).toBe(
      `attachment; filename="examdesk-no-shows-2026-03-01-to-2026-03-31-${REPORT_PROVIDER}.csv"`,
    )
    expect(byFormat.body).toBe(
      `centreId,centre,city,provider,seats,noShows,noShowRate\n${r.centres[1]!.id},Cuba Street Rooms,Wellington,${REPORT_PROVIDER},1,1,1\n`,
    )
    const byAccept = await call(w, 'GET', `/v1/reports/no-shows?${PERIOD}`, undefined, 'admin', {
      accept: 'text/csv',
    })
    expect(byAccept.body).toBe(byFormat.body)
    // A share with nothing to divide by is an empty cell.
    const empty = await call(w, 'GET', `/v1/reports/pass-rates?${PERIOD}&format=csv`)
    expect(empty.body).toBe(
      'exam,title,sat,passed,passRate,firstSat,firstPassed,firstPassRate,pending\n',
    )
  })

  it('refuses a period or provider it cannot report on, naming the field', async () => {
    const { w } = await scene()
    const problem = (query: string) => call(w, 'GET', `/v1/reports/registrations?${query}`)
    expectProblem(
      await problem('from=2026-02-30&to=2026-03-31'),
      400,
      'REPORT_PERIOD_INVALID',
      'from',
    )
    expectProblem(
      await problem('from=2026-03-02&to=2026-03-01'),
      400,
      'REPORT_PERIOD_INVALID',
      'to',
    )
    expectProblem(
      await problem('from=2025-01-01&to=2026-03-01'),
      400,
      'REPORT_PERIOD_INVALID',
      'to',
    )
    expectProblem(await problem('provider=nobody'), 422, 'PROVIDER_UNKNOWN', 'provider')
    expectProblem(await call(w, 'GET', '/v1/reports/profits'), 400, 'VALIDATION_FAILED')
    expectProblem(
      await call(w, 'GET', '/v1/reports/registrations', undefined, 'support'),
      403,
      'FORBIDDEN',
    )
  })

  it('covers the last 30 days to today when no period is given', async () => {
    const { w } = await scene()
    const answer = await read(w, 'registrations', '')
    // Now is 16 June 2026 00:00 in Auckland.
    expect([answer.from, answer.to, answer.rows.length]).toEqual(['2026-05-18', '2026-06-16', 30])
    expect(answer.provider).toBeNull()
  })
})
