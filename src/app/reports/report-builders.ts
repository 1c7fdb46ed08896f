import type { Kysely } from 'kysely'
import type { DB } from '../../db/engine/schema.js'
import { countAttemptResults, countRetakes } from '../../db/reports/attempt-counts.js'
import { countCodes } from '../../db/reports/code-counts.js'
import { listFiledExceptionRequests } from '../../db/reports/exception-request-times.js'
import { countNoShows } from '../../db/reports/no-shows.js'
import { countRegistrationsPerDay } from '../../db/reports/registrations-per-day.js'
import { findCentreNames, findExamTitles } from '../../db/reports/report-names.js'
import { sumSeatFill } from '../../db/reports/seat-fill.js'
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
  type ReportPeriod,
} from '../../domain/report-period.js'

/** What a report is asked for: the period, the provider (null: all) and now. */
export interface ReportQuery {
  readonly period: ReportPeriod
  readonly provider: string | null
  readonly now: Instant
}

export interface ReportTable {
  readonly columns: readonly ReportColumn[]
  readonly rows: readonly ReportRow[]
}

type Builder = (db: Kysely<DB>, query: ReportQuery) => Promise<ReportTable>

const col = (key: string, kind: ReportColumn['kind'] = 'count'): ReportColumn => ({ key, kind })

const registrations: Builder = async (db, { period, provider }) => ({
  columns: [col('day', 'day'), col('registered'), col('cancelled')],
  rows: (await countRegistrationsPerDay(db, computeReportDays(period), provider)).map((d) => ({
    day: d.day,
    registered: d.registered,
    cancelled: d.cancelled,
  })),
})

const seatFill: Builder = async (db, { period, provider }) => {
  const counts = await sumSeatFill(db, computeReportWeeks(period), provider)
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

const passRates: Builder = async (db, { period, provider }) => {
  const counts = await countAttemptResults(db, period.start, period.end, provider)
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

const retakes: Builder = async (db, { period, provider }) => {
  const counts = await countRetakes(db, period.start, period.end, provider)
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

const codes: Builder = async (db, { period, provider, now }) => ({
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
  rows: (await countCodes(db, period.start, period.end, now, provider)).map((c) => ({
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

const noShows: Builder = async (db, { period, provider, now }) => {
  const counts = await countNoShows(db, period.start, period.end, now, provider)
  const centres = await findCentreNames(
    db,
    counts.map((c) => c.centreId),
  )
  return {
    columns: [...CENTRE_COLUMNS, col('seats'), col('noShows'), col('noShowRate', 'ratio')],
    rows: counts.map((c) => {
      return {
        ...centreCells(c.centreId, centres),
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
