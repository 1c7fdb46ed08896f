import { describe, expect, it } from 'vitest'
import { parseInstant } from './instant.js'
import {
  computeReportDays,
  computeReportWeeks,
  decideReportPeriod,
  type ReportPeriod,
} from './report-period.js'

const at = (text: string) => parseInstant(text) as number
const NOW = at('2026-06-15T12:00:00Z')

function period(from: string, to: string, zone: string): ReportPeriod {
  const decided = decideReportPeriod({ from, to }, zone, NOW)
  if ('problem' in decided) throw new Error(decided.problem)
  return decided
}

describe('decideReportPeriod', () => {
  it('takes the 30 days up to today on the programme clock when none is given', () => {
    // 23:30 UTC is already the next day in Auckland.
    const decided = decideReportPeriod({}, 'Pacific/Auckland', at('2026-06-15T23:30:00Z'))
    expect(decided).toMatchObject({ from: '2026-05-18', to: '2026-06-16' })
  })

  it('starts and ends on the zone’s midnights', () => {
    expect(period('2026-06-01', '2026-06-30', 'America/Los_Angeles')).toMatchObject({
      start: at('2026-06-01T07:00:00Z'),
      end: at('2026-07-01T07:00:00Z'),
    })
  })

  it('names the field of a day that is not a calendar day', () => {
    expect(decideReportPeriod({ from: '2026-02-30', to: '2026-03-01' }, 'UTC', NOW)).toMatchObject({
      field: 'from',
    })
    expect(decideReportPeriod({ from: '2026-02-01', to: 'tomorrow' }, 'UTC', NOW)).toMatchObject({
      field: 'to',
    })
  })

  it('refuses an end before the start and more than 366 days', () => {
    expect(decideReportPeriod({ from: '2026-06-02', to: '2026-06-01' }, 'UTC', NOW)).toMatchObject({
      field: 'to',
    })
    expect(decideReportPeriod({ from: '2024-01-01', to: '2024-12-31' }, 'UTC', NOW)).toMatchObject({
      from: '2024-01-01',
    })
    expect(decideReportPeriod({ from: '2024-01-01', to: '2025-01-01' }, 'UTC', NOW)).toMatchObject({
      field: 'to',
    })
  })
})

describe('computeReportDays', () => {
  it('makes the day of a daylight-saving change 23 or 25 hours long', () => {
    const days = computeReportDays(period('2026-04-04', '2026-04-06', 'Pacific/Auckland'))
    expect(days.map((d) => d.label)).toEqual(['2026-04-04', '2026-04-05', '2026-04-06'])
    expect(days.map((d) => (d.end - d.start) / 3_600_000)).toEqual([24, 25, 24])
    const spring = computeReportDays(period('2026-03-08', '2026-03-08', 'America/Los_Angeles'))
    expect((spring[0]!.end - spring[0]!.start) / 3_600_000).toBe(23)
  })

  it('covers a leap year whole, one day after another', () => {
    const days = computeReportDays(period('2028-01-01', '2028-12-31', 'Europe/Berlin'))
    expect(days).toHaveLength(366)
    expect(days.find((d) => d.label === '2028-02-29')).toBeDefined()
    for (let i = 1; i < days.length; i++) expect(days[i]!.start).toBe(days[i - 1]!.end)
  })
})

describe('computeReportWeeks', () => {
  it('labels each week by its Monday and cuts the first and last at the period', () => {
    // Wednesday 3 June to Tuesday 16 June 2026.
    const p = period('2026-06-03', '2026-06-16', 'UTC')
    const weeks = computeReportWeeks(p)
    expect(weeks.map((w) => w.label)).toEqual(['2026-06-01', '2026-06-08', '2026-06-15'])
    expect(weeks[0]!.start).toBe(p.start)
    expect(weeks[2]!.end).toBe(p.end)
    expect(weeks[1]!.end - weeks[1]!.start).toBe(7 * 86_400_000)
  })
})
