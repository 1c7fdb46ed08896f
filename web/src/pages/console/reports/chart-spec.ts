/** A report as the console draws it: categories along one axis, one or more series of values. */
export interface ChartSpec {
  readonly kind: 'bar' | 'line'
  readonly categories: readonly string[]
  readonly series: readonly {
    readonly key: string
    readonly values: readonly (number | null)[]
    readonly stack?: boolean
  }[]
  /** Values are shares from 0 to 1, drawn as percentages. */
  readonly percent: boolean
}

export type ReportRowValue = string | number | null
export type Row = Readonly<Record<string, ReportRowValue>>

const num = (value: ReportRowValue | undefined): number | null =>
  typeof value === 'number' ? value : null

const series = (rows: readonly Row[], keys: readonly string[], stack = false) =>
  keys.map((key) => ({ key, values: rows.map((row) => num(row[key])), stack }))

/**
 * What each report's chart shows; its table shows every figure, the chart's
 * among them. `label` names a row's category (a centre, an exam, a wave).
 */
export function computeChartSpec(
  report: string,
  rows: readonly Row[],
  label: (row: Row) => string,
): ChartSpec {
  switch (report) {
    case 'registrations':
      return {
        kind: 'line',
        categories: rows.map((row) => String(row.day)),
        series: series(rows, ['registered', 'cancelled']),
        percent: false,
      }
    case 'seat-fill': {
      // Every centre's seats summed per week: the fill of the network.
      const weeks = [...new Set(rows.map((row) => String(row.week)))]
      const fill = weeks.map((week) => {
        const of = rows.filter((row) => row.week === week)
        const capacity = of.reduce((sum, row) => sum + (num(row.capacity) ?? 0), 0)
        const booked = of.reduce((sum, row) => sum + (num(row.booked) ?? 0), 0)
        return capacity === 0 ? null : booked / capacity
      })
      return {
        kind: 'bar',
        categories: weeks,
        series: [{ key: 'fillAll', values: fill }],
        percent: true,
      }
    }
    case 'pass-rates':
      return {
        kind: 'bar',
        categories: rows.map(label),
        series: series(rows, ['passRate', 'firstPassRate']),
        percent: true,
      }
    case 'retakes':
      return {
        kind: 'bar',
        categories: rows.map(label),
        series: series(
          rows,
          [
            'under2Days',
            'from2To7Days',
            'from7To14Days',
            'from14To30Days',
            'from30To90Days',
            'from90Days',
          ],
          true,
        ),
        percent: false,
      }
    case 'codes':
      return {
        kind: 'bar',
        categories: rows.map(label),
        series: series(rows, ['issued', 'used', 'returned', 'forfeited', 'expired']),
        percent: false,
      }
    case 'waves':
      return {
        kind: 'bar',
        categories: rows.map(label),
        series: series(rows, ['invited', 'mailed', 'delivered', 'registered', 'sat', 'passed']),
        percent: false,
      }
    case 'exception-requests':
      return {
        kind: 'bar',
        categories: rows.map(label),
        series: series(rows, ['requests', 'decided']),
        percent: false,
      }
    default:
      return {
        kind: 'bar',
        categories: rows.map(label),
        series: series(rows, ['noShowRate']),
        percent: true,
      }
  }
}
