import { describe, expect, it } from 'vitest'
import {
  addDays,
  isLocalDay,
  localDayOf,
  localDaysRange,
  startOfLocalDay,
} from '../../web/src/time/local-day.js'

describe('days on a candidate’s clock', () => {
  it('start at midnight where the candidate lives, whatever the offset that day', () => {
    expect(startOfLocalDay('2026-06-15', 'Australia/Sydney')).toBe('2026-06-14T14:00:00.000Z')
    expect(startOfLocalDay('2026-06-15', 'America/Sao_Paulo')).toBe('2026-06-15T03:00:00.000Z')
    // Berlin moves its clocks on 29 March 2026 at 02:00: that day still starts in winter time.
    expect(startOfLocalDay('2026-03-29', 'Europe/Berlin')).toBe('2026-03-28T23:00:00.000Z')
    expect(startOfLocalDay('2026-03-30', 'Europe/Berlin')).toBe('2026-03-29T22:00:00.000Z')
  })

  it('make a range that includes its last day whole', () => {
    expect(localDaysRange('2026-06-20', '2026-06-30', 'Australia/Sydney')).toEqual({
      from: '2026-06-19T14:00:00.000Z',
      to: '2026-06-30T14:00:00.000Z',
    })
  })

  it('say which day it is there now', () => {
    const now = new Date('2026-06-15T12:00:00Z')
    expect(localDayOf(now, 'Australia/Sydney')).toBe('2026-06-15')
    expect(localDayOf(now, 'Pacific/Auckland')).toBe('2026-06-16')
    expect(localDayOf(now, 'Pacific/Honolulu')).toBe('2026-06-15')
  })

  it('count on across months and years, and refuse days that do not exist', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-06-15', 30)).toBe('2026-07-15')
    expect(isLocalDay('2026-02-28')).toBe(true)
    expect(isLocalDay('2026-02-30')).toBe(false)
    expect(isLocalDay('15/06/2026')).toBe(false)
  })
})
