import type { Kysely } from 'kysely'
import type { DB } from '../../db/engine/schema.js'
import {
  countAttemptResults,
  countRetakes,
  type PassRateRow,
  type RetakeRow,
} from '../../db/reports/attempt-counts.js'
import { type CodeCountRow, codeCountTable, countCodes } from '../../db/reports/code-counts.js'
import { readDayCounts, type SummedCount } from '../../db/reports/day-counts.js'
import { listFiledExceptionRequests } from '../../db/reports/exception-request-times.js'
import { countNoShows, type NoShowRow } from '../../db/reports/no-shows.js'
import { countRegistrationsPerDay } from '../../db/reports/registrations-per-day.js'
import { findCentreNames, findExamTitles } from '../../db/reports/report-names.js'
import { type SeatFillRow, sumSeatFill } from '../../db/reports/seat-fill.js'
import { countWaveFunnels } from '../../db/reports/wave-funnel.js'
import { HOUR_MS, type Instant } from '../../domain/instant.js'
import {
  computeMedian,
  computeShare,
  type ReportColumn,
  type ReportName,
  type ReportRow,
  roundTenth,
} from '../../domain/report.js'
import {
  computeReportDays,
  computeReportWeeks,
  type ReportBucket,
  type ReportPeriod,
} from '../../domain/report-period.js'
import type { SplitDays } from './counted-days.js'

/** What a report is asked for: the period, the provider (null: all) and now. */
export interface ReportQuery {
  readonly period: ReportPeriod
  readonly provider: string | null
  readonly now: Instant
  /** The period's days split into those read from their counts and those read from the rows. */
  readonly days: () => Promise<SplitDays>
}

export interface ReportTable {
  readonly columns: readonly ReportColumn[]
  readonly rows: readonly ReportRow[]
}

type Builder = (db: Kysely<DB>, query: ReportQuery) => Promise<ReportTable>

const col = (key: string, kind: ReportColumn['kind'] = 'count'): ReportColumn => ({ key, kind })

const labels = (days: readonly ReportBucket[]) => days.map((day) => day.label)

/** The counts of the counted days, one report's measures. */
const countsOf = async (
  db: Kysely<DB>,
  { period, provider }: ReportQuery,
  split: SplitDays,
  measures: readonly string[],
  byDay = false,
): Promise<SummedCount[]> =>
  readDayCounts(db, period.timeZone, labels(split.counted), measures, provider, byDay)

/** Runs `read` over each stretch of open days and gives every row found. */
async function fromRows<T>(
  split: SplitDays,
  read: (start: Instant, end: Instant) => Promise<readonly T[]>,
): Promise<T[]> {
  const found: T[] = []
  for (const range of split.openRanges) found.push(...(await read(range.start, range.end)))
  return found
}

/** Byte order, as both databases sort these keys. */
const byBytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

const registrations: Builder = async (db, query) => {
  const split = await query.days()
  const perDay = new Map<string, { registered: number; cancelled: number }>()
  for (const day of split.counted) perDay.set(day.label, { registered: 0, cancelled: 0 })
  for (const c of await countsOf(db, query, split, ['registered', 'cancelled'], true)) {
    const day = perDay.get(c.day)!
    if (c.measure === 'registered') day.registered += c.n
    else day.cancelled += c.n
  }
  for (const d of await countRegistrationsPerDay(db, split.open, query.provider))
    perDay.set(d.day, { registered: d.registered, cancelled: d.cancelled })
  return {
    columns: [col('day', 'day'), col('registered'), col('cancelled')],
    rows: computeReportDays(query.period).map((day) => ({
      day: day.label,
      registered: perDay.get(day.label)?.registered ?? 0,
      cancelled: perDay.get(day.label)?.cancelled ?? 0,
    })),
  }
}

const seatFill: Builder = async (db, query) => {
  const split = await query.days()
  const weeks = computeReportWeeks(query.period)
  const weekOf = (day: ReportBucket) =>
    weeks.find((week) => week.start <= day.start && day.start < week.end)!.label
  const dayToWeek = new Map(split.counted.map((day) => [day.label, weekOf(day)]))
  const rows = new Map<string, { -readonly [K in keyof SeatFillRow]: SeatFillRow[K] }>()
  const row = (week: string, centreId: string) => {
    const key = `${week}\u0000${centreId}`
    let found = rows.get(key)
    if (found === undefined) {
      found = { week, centreId, slots: 0, capacity: 0, booked: 0 }
      rows.set(key, found)
    }
    return found
  }
  for (const c of await countsOf(db, query, split, ['slots', 'booked'], true)) {
    const found = row(dayToWeek.get(c.day)!, c.subject)
    if (c.measure === 'slots') {
      found.slots += c.n
      found.capacity += c.total
    } else found.booked += c.n
  }
  // Each open day is a bucket of its week's label, so its rows add to the week's.
  const openDays = split.open.map((day) => ({ ...day, label: weekOf(day) }))
  for (const c of await sumSeatFill(db, openDays, query.provider)) {
    const found = row(c.week, c.centreId)
    found.slots += c.slots
    found.capacity += c.capacity
    found.booked += c.booked
  }
  const counts = [...rows.values()].sort(
    (a, b) => byBytes(a.week, b.week) || byBytes(a.centreId, b.centreId),
  )
  const centres = await findCentreNames(
    db,
    counts.map((c) => c.centreId),
  )
  return {
    columns: [
      col('week', 'day'),
      ...CENTRE_COLUMNS,
      col('slots'),
      col('capacity'),
      col('booked'),
      col('fill', 'ratio'),
    ],
    rows: counts.map((c) => {
      return {
        week: c.week,
        ...centreCells(c.centreId, centres),
        slots: c.slots,
        capacity: c.capacity,
        booked: c.booked,
        fill: computeShare(c.booked, c.capacity),
      }
    }),
  }
}

const PASS_MEASURES = {
  sat: 'sat',
  passed: 'passed',
  'first-sat': 'firstSat',
  'first-passed': 'firstPassed',
  pending: 'pending',
} as const

const passRates: Builder = async (db, query) => {
  const split = await query.days()
  const exams = new Map<string, { -readonly [K in keyof PassRateRow]: PassRateRow[K] }>()
  const exam = (number: string) => {
    let found = exams.get(number)
    if (found === undefined) {
      found = { exam: number, sat: 0, passed: 0, firstSat: 0, firstPassed: 0, pending: 0 }
      exams.set(number, found)
    }
    return found
  }
  for (const c of await countsOf(db, query, split, Object.keys(PASS_MEASURES))) {
    exam(c.subject)[PASS_MEASURES[c.measure as keyof typeof PASS_MEASURES]] += c.n
  }
  for (const r of await fromRows(split, (start, end) =>
    countAttemptResults(db, start, end, query.provider),
  )) {
    const found = exam(r.exam)
    found.sat += r.sat
    found.passed += r.passed
    found.firstSat += r.firstSat
    found.firstPassed += r.firstPassed
    found.pending += r.pending
  }
  const counts = [...exams.values()].sort((a, b) => byBytes(a.exam, b.exam))
  const titles = await findExamTitles(
    db,
    counts.map((c) => c.exam),
  )
  return {
    columns: [
      col('exam', 'text'),
      col('title', 'text'),
      col('sat'),
      col('passed'),
      col('passRate', 'ratio'),
      col('firstSat'),
      col('firstPassed'),
      col('firstPassRate', 'ratio'),
      col('pending'),
    ],
    rows: counts.map((c) => ({
      exam: c.exam,
      title: titles.get(c.exam) ?? '',
      sat: c.sat,
      passed: c.passed,
      passRate: computeShare(c.passed, c.sat),
      firstSat: c.firstSat,
      firstPassed: c.firstPassed,
      firstPassRate: computeShare(c.firstPassed, c.firstSat),
      pending: c.pending,
    })),
  }
}

/** The wait bands of the retakes report, in the order `countRetakes` counts them. */
export const WAIT_BAND_KEYS = [
  'under2Days',
  'from2To7Days',
  'from7To14Days',
  'from14To30Days',
  'from30To90Days',
  'from90Days',
] as const

const retakes: Builder = async (db, query) => {
  const split = await query.days()
  type Sum = { -readonly [K in keyof RetakeRow]: RetakeRow[K] } & { bands: number[] }
  const exams = new Map<string, Sum>()
  const exam = (number: string) => {
    let found = exams.get(number)
    if (found === undefined) {
      found = {
        exam: number,
        retakes: 0,
        bands: WAIT_BAND_KEYS.map(() => 0),
        shortestMinutes: null,
        totalMinutes: 0,
      }
      exams.set(number, found)
    }
    return found
  }
  const add = (found: Sum, retakes: number, total: number, shortest: number | null) => {
    found.retakes += retakes
    found.totalMinutes += total
    if (shortest !== null)
      found.shortestMinutes =
        found.shortestMinutes === null ? shortest : Math.min(found.shortestMinutes, shortest)
  }
  const bandMeasures = WAIT_BAND_KEYS.map((_, k) => `retake-band-${k}`)
  for (const c of await countsOf(db, query, split, ['retakes', ...bandMeasures])) {
    const found = exam(c.subject)
    if (c.measure === 'retakes') add(found, c.n, c.total, c.least)
    else found.bands[bandMeasures.indexOf(c.measure)]! += c.n
  }
  for (const r of await fromRows(split, (start, end) =>
    countRetakes(db, start, end, query.provider),
  )) {
    const found = exam(r.exam)
    add(found, r.retakes, r.totalMinutes, r.shortestMinutes)
    r.bands.forEach((n, k) => {
      found.bands[k]! += n
    })
  }
  const counts = [...exams.values()]
    .filter((c) => c.retakes > 0)
    .sort((a, b) => byBytes(a.exam, b.exam))
    .map((c) => ({ ...c, averageMinutes: c.totalMinutes / c.retakes }))
  const titles = await findExamTitles(
    db,
    counts.map((c) => c.exam),
  )
  return {
    columns: [
      col('exam', 'text'),
      col('title', 'text'),
      col('retakes'),
      ...WAIT_BAND_KEYS.map((key) => col(key)),
      col('shortestWaitHours', 'hours'),
      col('averageWaitDays', 'days'),
    ],
    rows: counts.map((c) => ({
      exam: c.exam,
      title: titles.get(c.exam) ?? '',
      retakes: c.retakes,
      ...Object.fromEntries(WAIT_BAND_KEYS.map((key, k) => [key, c.bands[k] ?? 0])),
      shortestWaitHours: roundTenth(c.shortestMinutes === null ? null : c.shortestMinutes / 60),
      averageWaitDays: roundTenth(c.averageMinutes === null ? null : c.averageMinutes / 1440),
    })),
  }
}

const CODE_MEASURES = {
  issued: 'issued',
  expired: 'expired',
  used: 'used',
  forfeited: 'forfeited',
  returned: 'returned',
} as const

/** Per offer version: the counted days' counts and the open days' rows, with the offers' names. */
async function sumCodes(db: Kysely<DB>, query: ReportQuery): Promise<CodeCountRow[]> {
  const split = await query.days()
  const table = codeCountTable()
  const row = table.row
  // Issuing and expiry belong to no provider: counted for all whatever the provider asked.
  const counts = [
    ...(await countsOf(db, { ...query, provider: null }, split, ['issued', 'expired'])),
    ...(await countsOf(db, query, split, ['used', 'forfeited', 'returned'])),
  ]
  for (const c of counts)
    row(c.subject, c.variant)[CODE_MEASURES[c.measure as keyof typeof CODE_MEASURES]] += c.n
  for (const r of await fromRows(split, (start, end) =>
    countCodes(db, start, end, query.now, query.provider),
  )) {
    const found = row(r.offerId, r.offerVersion)
    for (const key of Object.values(CODE_MEASURES)) found[key] += r[key]
  }
  return table.finish(db)
}

const codes: Builder = async (db, query) => ({
  columns: [
    col('offer', 'text'),
    col('version'),
    col('offerName', 'text'),
    col('issued'),
    col('used'),
    col('returned'),
    col('forfeited'),
    col('expired'),
  ],
  rows: (await sumCodes(db, query)).map((c) => ({
    offer: c.offerId,
    version: c.offerVersion,
    offerName: c.offerName,
    issued: c.issued,
    used: c.used,
    returned: c.returned,
    forfeited: c.forfeited,
    expired: c.expired,
  })),
})

const waves: Builder = async (db, { period, provider }) => ({
  columns: [
    col('exam', 'text'),
    col('position'),
    col('wave', 'text'),
    col('waveId', 'text'),
    col('invited'),
    col('mailed'),
    col('delivered'),
    col('registered'),
    col('sat'),
    col('passed'),
  ],
  rows: (await countWaveFunnels(db, period.start, period.end, provider)).map((w) => ({
    exam: w.exam,
    position: w.position,
    wave: w.withdrawn ? `${w.name} (withdrawn)` : w.name,
    waveId: w.waveId,
    invited: w.invited,
    mailed: w.mailed,
    delivered: w.delivered,
    registered: w.registered,
    sat: w.sat,
    passed: w.passed,
  })),
})

const exceptionRequests: Builder = async (db, { period, provider }) => {
  const filed = await listFiledExceptionRequests(db, period.start, period.end, provider)
  const groups = new Map<string, typeof filed>()
  for (const request of filed) {
    const key = `${request.reason}\u0000${request.status}`
    groups.set(key, [...(groups.get(key) ?? []), request])
  }
  return {
    columns: [
      col('reason', 'text'),
      col('outcome', 'text'),
      col('requests'),
      col('decided'),
      col('medianHoursToDecision', 'hours'),
      col('longestHoursToDecision', 'hours'),
    ],
    rows: [...groups.values()]
      .map((requests) => {
        const hours = requests
          .filter((r) => r.reviewedAt !== null)
          .map((r) => ((r.reviewedAt as number) - r.requestedAt) / HOUR_MS)
        return {
          reason: requests[0]!.reason,
          outcome: requests[0]!.status,
          requests: requests.length,
          decided: hours.length,
          medianHoursToDecision: roundTenth(computeMedian(hours)),
          longestHoursToDecision: roundTenth(hours.length === 0 ? null : Math.max(...hours)),
        }
      })
      .sort((a, b) => a.reason.localeCompare(b.reason) || a.outcome.localeCompare(b.outcome)),
  }
}

const noShows: Builder = async (db, query) => {
  const split = await query.days()
  const centres = new Map<string, { -readonly [K in keyof NoShowRow]: NoShowRow[K] }>()
  const centre = (centreId: string) => {
    let found = centres.get(centreId)
    if (found === undefined) {
      found = { centreId, seats: 0, noShows: 0 }
      centres.set(centreId, found)
    }
    return found
  }
  for (const c of await countsOf(db, query, split, ['booked', 'no-show'])) {
    if (c.measure === 'booked') centre(c.subject).seats += c.n
    else centre(c.subject).noShows += c.n
  }
  for (const r of await fromRows(split, (start, end) =>
    countNoShows(db, start, end, query.now, query.provider),
  )) {
    const found = centre(r.centreId)
    found.seats += r.seats
    found.noShows += r.noShows
  }
  const counts = [...centres.values()]
    .filter((c) => c.seats > 0)
    .sort((a, b) => a.centreId.localeCompare(b.centreId))
  const names = await findCentreNames(
    db,
    counts.map((c) => c.centreId),
  )
  return {
    columns: [...CENTRE_COLUMNS, col('seats'), col('noShows'), col('noShowRate', 'ratio')],
    rows: counts.map((c) => {
      return {
        ...centreCells(c.centreId, names),
        seats: c.seats,
        noShows: c.noShows,
        noShowRate: computeShare(c.noShows, c.seats),
      }
    }),
  }
}

/** How each report is made. */
export const REPORT_BUILDERS: Readonly<Record<ReportName, Builder>> = {
  registrations,
  'seat-fill': seatFill,
  'pass-rates': passRates,
  retakes,
  codes,
  waves,
  'exception-requests': exceptionRequests,
  'no-shows': noShows,
}

/** The columns that name a centre in a report's row. */
const CENTRE_COLUMNS = [
  col('centreId', 'text'),
  col('centre', 'text'),
  col('city', 'text'),
  col('provider', 'text'),
]

/** A row's cells that name its centre: its id kept as its name when the centre is gone. */
function centreCells(centreId: string, centres: Awaited<ReturnType<typeof findCentreNames>>) {
  const centre = centres.get(centreId)
  return {
    centreId,
    centre: centre?.name ?? centreId,
    city: centre?.city ?? '',
    provider: centre?.providerId ?? '',
  }
}
