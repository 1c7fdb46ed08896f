import { describe, expect, it } from 'vitest'
import { formatMailTime } from './format-mail-time.js'

describe('formatMailTime', () => {
  it('names the zone and its offset at that moment, across daylight saving', () => {
    expect(formatMailTime(Date.UTC(2026, 3, 4, 13, 30), 'Pacific/Auckland')).toBe(
      'Sunday 5 April 2026, 02:30 (Pacific/Auckland, UTC+13:00)',
    )
    expect(formatMailTime(Date.UTC(2026, 3, 4, 14, 30), 'Pacific/Auckland')).toBe(
      'Sunday 5 April 2026, 02:30 (Pacific/Auckland, UTC+12:00)',
    )
    expect(formatMailTime(Date.UTC(2026, 2, 8, 10, 0), 'America/Los_Angeles')).toBe(
      'Sunday 8 March 2026, 03:00 (America/Los_Angeles, UTC-07:00)',
    )
    expect(formatMailTime(Date.UTC(2026, 0, 1, 0, 5), 'UTC')).toBe(
      'Thursday 1 January 2026, 00:05 (UTC, UTC)',
    )
  })
})
