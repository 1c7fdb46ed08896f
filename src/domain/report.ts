/** The programme's reports, by the name the API and the console use. */
export const REPORT_NAMES = [
  'registrations',
  'seat-fill',
  'pass-rates',
  'retakes',
  'codes',
  'waves',
  'exception-requests',
  'no-shows',
] as const

export type ReportName = (typeof REPORT_NAMES)[number]

/**
 * What a column holds: a calendar day, a text, a count, a share from 0 to 1
 * (null when there is nothing to divide by), or a duration in hours or days.
 */
export type ReportColumnKind = 'day' | 'text' | 'count' | 'ratio' | 'hours' | 'days'

export interface ReportColumn {
  readonly key: string
  readonly kind: ReportColumnKind
}

export type ReportValue = string | number | null
export type ReportRow = Readonly<Record<string, ReportValue>>

/** A share of `part` in `whole`, to four decimals; null when `whole` is 0. */
export function computeShare(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000
}

/** The middle value of `values` (the mean of the two middle ones for an even count); null for none. */
export function computeMedian(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** A number rounded to one decimal, or null. */
export const roundTenth = (value: number | null): number | null =>
  value === null ? null : Math.round(value * 10) / 10
