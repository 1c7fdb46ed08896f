import { describe, expect, it } from 'vitest'
import { countReportDays } from '../../src/app/reports/count-report-days.js'
import { DEFAULT_EXCEPTION_DUE_RULE } from '../../src/domain/exception-due.js'
import { REPORT_NAMES } from '../../src/domain/report.js'
import { createSlot } from '../factories/appointments.js'
import { testDatabases } from '../support/databases.js'
import {
  type ApiWorld,
  book,
  call,
  expectOk,
  instant,
  recordAttempt,
  registerCandidate,
  useApi,
} from './api-harness.js'
import { ReportWorld } from './report-world.js'
import { world as voucherWorld } from './voucher-world.js'

interface ReportAnswer {
  readonly rows: readonly Record<string, string | number | null>[]
}

const HOUR = 3_600_000
/** The programme's clock of the API under test. */
const ZONE = DEFAULT_EXCEPTION_DUE_RULE.timeZone
const PERIOD = 'from=2026-08-20&to=2026-09-13'

describe.each(testDatabases())('reports over counted days and rows ($name)', ({ open }) => {
  const get = useApi(open, { demo: false })

  const read = async (w: ApiWorld, report: string, query = PERIOD) =>
    expectOk<ReportAnswer>(await call(w, 'GET', `/v1/reports/${report}?${query}`)).rows
  const readAll = async (w: ApiWorld, query = PERIOD) => {
    const all: Record<string, unknown> = {}
    for (const report of REPORT_NAMES) all[report] = await read(w, report, query)
    return all
  }
  const count = (w: ApiWorld) => countReportDays({ db: w.db, clock: w.clock }, ZONE)

  /** Data of every report on closed days: slots, registrations, no-shows, attempts, codes and their uses. */
  async function closedDays(w: ApiWorld): Promise<void> {
    const r = new ReportWorld(w.db)
    await r.setUp()
    const early = await r.slot(0, instant('2026-08-24T09:00:00Z'), 4)
    const later = await r.slot(1, instant('2026-09-02T14:00:00Z'), 3)
    const kept = await r.register(early, instant('2026-08-20T10:00:00Z'), 'completed')
    await r.register(early, instant('2026-08-21T10:00:00Z'), 'no-show')
    const gone = await r.register(
      later,
      instant('2026-08-22T10:00:00Z'),
      'cancelled',
      instant('2026-08-23T10:00:00Z'),
    )
    await r.register(later, instant('2026-08-22T11:00:00Z'), 'completed')
    const ana = await r.candidate()
    await r.attempt(ana, instant('2026-08-24T09:00:00Z'), 'fail')
    await r.attempt(ana, instant('2026-09-02T14:00:00Z'), 'pass')
    await r.attempt(await r.candidate(), instant('2026-09-02T14:00:00Z'), 'pending')
    const used = await r.code(instant('2026-08-20T09:00:00Z'), instant('2026-12-31T00:00:00Z'))
    const returned = await r.code(instant('2026-08-21T09:00:00Z'), instant('2026-12-31T00:00:00Z'))
    await r.code(instant('2026-08-21T09:00:00Z'), instant('2026-09-01T00:00:00Z'))
    await r.use(used, kept.id, instant('2026-08-20T10:00:00Z'))
    await r.use(used, kept.id, instant('2026-08-20T10:00:00Z'), 'forfeited')
    await r.use(
      returned,
      gone.id,
      instant('2026-08-22T10:00:00Z'),
      'first-attempt',
      instant('2026-08-23T10:00:00Z'),
    )
    await r.exceptionRequest(kept, 'lab-crash', instant('2026-08-25T10:00:00Z'), {
      status: 'denied',
      at: instant('2026-08-26T10:00:00Z'),
    })
  }

  it('answers the same numbers from the counts of closed days as from the rows', async () => {
    const { w } = await voucherWorld(get)
    await closedDays(w)
    const fromRows = await readAll(w)
    const forProvider = await readAll(w, `${PERIOD}&provider=report-test`)

    const { counted } = await count(w)
    expect(counted).toBeGreaterThan(0)
    expect(await readAll(w)).toEqual(fromRows)
    expect(await readAll(w, `${PERIOD}&provider=report-test`)).toEqual(forProvider)
    // Counted again by a second process at the same moment, and once more: the same counts.
    await Promise.all([count(w), count(w)])
    expect(await count(w)).toEqual({ counted: 0 })
    expect(await readAll(w)).toEqual(fromRows)
  })

  it('stays exact across the last counted day: today from the rows, changes since read again', async () => {
    const { w, centre } = await voucherWorld(get)
    // 10 September: Léa books a seat on the 20th; Ben passed on the 8th, Cai on the 1st.
    const lea = await registerCandidate(w)
    const ben = await registerCandidate(w, { email: 'ben@example.org' })
    const cai = await registerCandidate(w, { email: 'cai@example.org' })
    const slotId = await createSlot(w.db, centre, instant('2026-09-20T09:00:00Z'))
    const booked = expectOk<{ id: string }>(
      await book(w, { candidateId: lea, slotId, payment: { method: 'card' } }, 'lea-books'),
      201,
    )
    const sitting = { exam: '70-620', provider: 'prometric', candidateId: ben }
    await recordAttempt(w, { ...sitting, takenAt: '2026-09-08T10:00:00Z', outcome: 'pass' })
    await recordAttempt(w, {
      ...sitting,
      candidateId: cai,
      takenAt: '2026-09-01T10:00:00Z',
      outcome: 'pass',
    })

    // The 12th: the days to the 11th are counted.
    w.clock.set(instant('2026-09-12T12:00:00Z'))
    expect((await count(w)).counted).toBeGreaterThan(0)
    const registered = { day: '2026-09-10', registered: 1, cancelled: 0 }
    expect((await read(w, 'registrations')).filter(busy)).toEqual([registered])
    expect(await read(w, 'pass-rates')).toMatchObject([
      { sat: 2, passed: 2, firstSat: 2, firstPassed: 2 },
    ])

    // Léa cancels today; Ben's failed sitting of the 3rd is reported late, before his pass.
    expectOk(await call(w, 'POST', `/v1/registrations/${booked.id}/cancel`, {}, 'provider'))
    await recordAttempt(w, { ...sitting, takenAt: '2026-09-03T10:00:00Z', outcome: 'fail' })
    const cancelled = { day: '2026-09-12', registered: 0, cancelled: 1 }
    const rates = [{ sat: 3, passed: 2, firstSat: 2, firstPassed: 1, pending: 0 }]
    const retakes = [{ retakes: 1, from2To7Days: 1, shortestWaitHours: 120, averageWaitDays: 5 }]
    const exact = async () => {
      expect((await read(w, 'registrations')).filter(busy)).toEqual([registered, cancelled])
      expect(await read(w, 'pass-rates')).toMatchObject(rates)
      expect(await read(w, 'retakes')).toMatchObject(retakes)
    }
    await exact()

    // The next day's run counts the 12th and counts again the 3rd and the 8th, which changed.
    w.clock.set(instant('2026-09-13T12:00:00Z'))
    expect(await count(w)).toEqual({ counted: 3 })
    await exact()
    w.clock.set(instant('2026-09-13T12:00:00Z') + HOUR)
    expect(await count(w)).toEqual({ counted: 0 })
    await exact()
  })
})

const busy = (row: Record<string, unknown>) => row.registered !== 0 || row.cancelled !== 0
