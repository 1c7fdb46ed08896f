import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatInZone, type Instant, parseInstant } from './instant.js'
import {
  computeSlotStarts,
  formatDailyHours,
  parseDailyHours,
  parseLocalDate,
  parseSlotInterval,
  parseWeekdays,
  type SlotSchedule,
} from './slot-schedule.js'

const at = (text: string): Instant => parseInstant(text)!
const iso = (instant: Instant) => new Date(instant).toISOString()
const local = (instants: readonly Instant[], zone: string) =>
  instants.map((instant) => formatInZone(instant, zone))

const NINE_TO_FIVE = { open: 9 * 60, close: 17 * 60 }
const EVERY_2H = { unit: 'minutes', amount: 120 } as const

describe('reading a schedule', () => {
  it('reads intervals in minutes, hours and days, and nothing else', () => {
    expect(parseSlotInterval('30m')).toEqual({ unit: 'minutes', amount: 30 })
    expect(parseSlotInterval('90min')).toEqual({ unit: 'minutes', amount: 90 })
    expect(parseSlotInterval(' 2H ')).toEqual({ unit: 'minutes', amount: 120 })
    expect(parseSlotInterval('1d')).toEqual({ unit: 'days', amount: 1 })
    for (const bad of ['0h', '2', 'h', '2 weeks', '-1h', '1.5h', '']) {
      expect(parseSlotInterval(bad), bad).toBeNull()
    }
  })

  it('reads opening hours that open before they close', () => {
    expect(parseDailyHours('09:00-17:00')).toEqual(NINE_TO_FIVE)
    expect(parseDailyHours('00:00-24:00')).toEqual({ open: 0, close: 1440 })
    expect(formatDailyHours(NINE_TO_FIVE)).toBe('09:00-17:00')
    for (const bad of ['17:00-09:00', '09:00-09:00', '9-17', '09:00-24:30', '25:00-26:00']) {
      expect(parseDailyHours(bad), bad).toBeNull()
    }
  })

  it('reads days of the week as ranges (wrapping) and lists', () => {
    expect(parseWeekdays('mon-fri')).toEqual([1, 2, 3, 4, 5])
    expect(parseWeekdays('Sat-Sun')).toEqual([6, 7])
    expect(parseWeekdays('fri-mon')).toEqual([1, 5, 6, 7])
    expect(parseWeekdays('mon,wed, fri')).toEqual([1, 3, 5])
    for (const bad of ['monday', 'mon-', 'mon-tue-wed', '', 'x']) {
      expect(parseWeekdays(bad), bad).toBeNull()
    }
  })

  it("reads a date as the start of that day on the zone's clock", () => {
    expect(iso(parseLocalDate('2026-09-27', 'Pacific/Auckland')!)).toBe('2026-09-26T12:00:00.000Z')
    expect(iso(parseLocalDate('2026-11-01', 'America/Los_Angeles')!)).toBe(
      '2026-11-01T07:00:00.000Z',
    )
    expect(parseLocalDate('2026-02-30', 'UTC')).toBeNull()
    expect(parseLocalDate('2026-09-27T00:00:00Z', 'UTC')).toBeNull()
  })
})

describe('computeSlotStarts', () => {
  it('keeps 09:00 at 09:00 in Auckland when daylight saving starts (27 Sep 2026); UTC moves an hour', () => {
    const starts = computeSlotStarts({
      from: at('2026-09-25T00:00:00Z'),
      to: at('2026-09-28T12:00:00Z'),
      every: { unit: 'minutes', amount: 24 * 60 },
      daily: { open: 9 * 60, close: 10 * 60 },
      weekdays: null,
      timeZone: 'Pacific/Auckland',
    })
    expect(local(starts, 'Pacific/Auckland')).toEqual([
      '2026-09-26T09:00 Pacific/Auckland',
      '2026-09-27T09:00 Pacific/Auckland',
      '2026-09-28T09:00 Pacific/Auckland',
    ])
    // NZST (+12) before, NZDT (+13) after.
    expect(starts.map(iso)).toEqual([
      '2026-09-25T21:00:00.000Z',
      '2026-09-26T20:00:00.000Z',
      '2026-09-27T20:00:00.000Z',
    ])
  })

  it('keeps 09:00 at 09:00 in Los Angeles when daylight saving ends (1 Nov 2026); UTC moves an hour', () => {
    const starts = computeSlotStarts({
      from: at('2026-10-30T00:00:00Z'),
      to: at('2026-11-03T00:00:00Z'),
      every: EVERY_2H,
      daily: { open: 9 * 60, close: 12 * 60 },
      weekdays: [1, 2, 3, 4, 5],
      timeZone: 'America/Los_Angeles',
    })
    expect(local(starts, 'America/Los_Angeles')).toEqual([
      '2026-10-30T09:00 America/Los_Angeles',
      '2026-10-30T11:00 America/Los_Angeles',
      '2026-11-02T09:00 America/Los_Angeles',
      '2026-11-02T11:00 America/Los_Angeles',
    ])
    // PDT (-7) on Friday, PST (-8) on Monday.
    expect(iso(starts[0]!)).toBe('2026-10-30T16:00:00.000Z')
    expect(iso(starts[2]!)).toBe('2026-11-02T17:00:00.000Z')
  })

  it('skips a wall-clock time the clock jumps over, and takes the first of one it shows twice', () => {
    const spring = computeSlotStarts({
      from: at('2026-03-08T00:00:00-08:00'),
      to: at('2026-03-09T00:00:00-07:00'),
      every: { unit: 'minutes', amount: 30 },
      daily: { open: 60, close: 4 * 60 },
      weekdays: null,
      timeZone: 'America/Los_Angeles',
    })
    // 02:00 and 02:30 do not exist on 8 March 2026 in Los Angeles.
    expect(local(spring, 'America/Los_Angeles').map((text) => text.slice(11, 16))).toEqual([
      '01:00',
      '01:30',
      '03:00',
      '03:30',
    ])
    const autumn = computeSlotStarts({
      from: at('2026-11-01T00:00:00-07:00'),
      to: at('2026-11-02T00:00:00-08:00'),
      every: { unit: 'minutes', amount: 60 },
      daily: { open: 60, close: 3 * 60 },
      weekdays: null,
      timeZone: 'America/Los_Angeles',
    })
    // 01:00 happens twice; the slot is at the first (PDT).
    expect(autumn.map(iso)).toEqual(['2026-11-01T08:00:00.000Z', '2026-11-01T10:00:00.000Z'])
  })

  it('without opening hours, steps minutes as elapsed time and days as the same wall-clock time', () => {
    const hours = computeSlotStarts({
      from: at('2026-11-01T00:00:00-07:00'),
      to: at('2026-11-01T04:00:00-08:00'),
      every: { unit: 'minutes', amount: 120 },
      daily: null,
      weekdays: null,
      timeZone: 'America/Los_Angeles',
    })
    // Five elapsed hours on a 25-hour day: 00:00 PDT, 01:00 PST, 03:00 PST.
    expect(local(hours, 'America/Los_Angeles').map((text) => text.slice(11, 16))).toEqual([
      '00:00',
      '01:00',
      '03:00',
    ])
    const daily = computeSlotStarts({
      from: at('2026-10-31T09:00:00-07:00'),
      to: at('2026-11-03T00:00:00-08:00'),
      every: { unit: 'days', amount: 1 },
      daily: null,
      weekdays: [1, 2, 3, 4, 5, 6],
      timeZone: 'America/Los_Angeles',
    })
    // Saturday and Monday at 09:00 local; Sunday is not a chosen day.
    expect(local(daily, 'America/Los_Angeles')).toEqual([
      '2026-10-31T09:00 America/Los_Angeles',
      '2026-11-02T09:00 America/Los_Angeles',
    ])
  })

  it('gives nothing for an empty range', () => {
    const schedule: SlotSchedule = {
      from: at('2026-06-01T00:00:00Z'),
      to: at('2026-06-01T00:00:00Z'),
      every: EVERY_2H,
      daily: null,
      weekdays: null,
      timeZone: 'UTC',
    }
    expect(computeSlotStarts(schedule)).toEqual([])
  })

  it('gives ordered, distinct starts in [from, to), on chosen days, within opening hours (property)', () => {
    const zones = fc.constantFrom(
      'Pacific/Auckland',
      'America/Los_Angeles',
      'Europe/Berlin',
      'Asia/Kolkata',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
    )
    const hours = fc
      .tuple(fc.integer({ min: 0, max: 23 * 60 }), fc.integer({ min: 15, max: 12 * 60 }))
      .map(([open, length]) => ({ open, close: Math.min(24 * 60, open + length) }))
    fc.assert(
      fc.property(
        zones,
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 1) }),
        fc.integer({ min: 1, max: 20 * 24 * 60 }),
        fc.integer({ min: 15, max: 6 * 60 }),
        fc.option(hours, { nil: null }),
        fc.option(fc.subarray([1, 2, 3, 4, 5, 6, 7] as const, { minLength: 1 }), { nil: null }),
        (timeZone, from, minutes, every, daily, weekdays) => {
          const to = from + minutes * 60_000
          const starts = computeSlotStarts({
            from,
            to,
            every: { unit: 'minutes', amount: every },
            daily,
            weekdays,
            timeZone,
          })
          for (let i = 0; i < starts.length; i++) {
            const start = starts[i]!
            expect(start).toBeGreaterThanOrEqual(from)
            expect(start).toBeLessThan(to)
            if (i > 0) expect(start).toBeGreaterThan(starts[i - 1]!)
            const wall = formatInZone(start, timeZone)
            const minute = Number(wall.slice(11, 13)) * 60 + Number(wall.slice(14, 16))
            if (daily !== null) {
              expect(minute).toBeGreaterThanOrEqual(daily.open)
              expect(minute).toBeLessThan(daily.close)
              expect((minute - daily.open) % every).toBe(0)
            }
            if (weekdays !== null) {
              const day = new Date(`${wall.slice(0, 10)}T00:00:00Z`).getUTCDay() || 7
              expect(weekdays).toContain(day)
            }
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})
