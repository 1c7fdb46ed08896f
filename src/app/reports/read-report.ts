import type { Kysely } from 'kysely'
import { findProvider } from '../../db/catalogue/providers.js'
import type { DB } from '../../db/engine/schema.js'
import { DEFAULT_EXCEPTION_DUE_RULE } from '../../domain/exception-due.js'
import type { ReportName } from '../../domain/report.js'
import {
  computeReportDays,
  decideReportPeriod,
  type ReportPeriod,
} from '../../domain/report-period.js'
import type { Clock } from '../clock.js'
import { AppError } from '../errors.js'
import { type SplitDays, splitCountedDays } from './counted-days.js'
import { REPORT_BUILDERS, type ReportTable } from './report-builders.js'

export interface ReportDeps {
  readonly db: Kysely<DB>
  readonly clock: Clock
  /** Its zone is the programme's clock (`EXAMDESK_PROGRAMME_TIME_ZONE`), which a report's days follow. */
  readonly exceptionDue?: { readonly timeZone: string }
}

export interface ReportInput {
  readonly from?: string | undefined
  readonly to?: string | undefined
  readonly provider?: string | undefined
}

export interface Report extends ReportTable {
  readonly report: ReportName
  readonly period: ReportPeriod
  readonly provider: string | null
}

/**
 * One of the programme's reports over calendar days on the programme's
 * clock (the last 30 to today unless asked), for one provider or all.
 */
export async function readReport(
  deps: ReportDeps,
  report: ReportName,
  input: ReportInput,
): Promise<Report> {
  const now = deps.clock.now()
  const timeZone = deps.exceptionDue?.timeZone ?? DEFAULT_EXCEPTION_DUE_RULE.timeZone
  const period = decideReportPeriod(input, timeZone, now)
  if ('problem' in period) throw new AppError('REPORT_PERIOD_INVALID', period)
  const provider = input.provider === undefined || input.provider === '' ? null : input.provider
  if (provider !== null && (await findProvider(deps.db, provider)) === null)
    throw new AppError('PROVIDER_UNKNOWN', { provider, field: 'provider' })
  let split: Promise<SplitDays> | undefined
  const days = () => {
    split ??= splitCountedDays(deps.db, timeZone, computeReportDays(period))
    return split
  }
  const table = await REPORT_BUILDERS[report](deps.db, { period, provider, now, days })
  return { report, period, provider, ...table }
}
