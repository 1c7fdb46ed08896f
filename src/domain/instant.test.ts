import fc from 'fast-check'
import { Temporal } from 'temporal-polyfill'
import { describe, expect, it } from 'vitest'
import { formatInstant, formatInZone, parseInstant } from './instant.js'

const ZONES = [
  'UTC',
  'Pacific/Auckland',
  'America/Los_Angeles',
  'Asia/Kolkata',
  'Europe/Berlin',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
]

describe('instants as text', () => {
  it('parses RFC 3339 with an offset and refuses text without one', () => {
    expect(parseInstant('2026-12-01T22:00:00+13:00')).toBe(Date.UTC(2026, 11, 1, 9))
    for (const bad of ['2026-12-01T09:00:00', '2026-12-01', 'tomorrow', ''])
      expect(parseInstant(bad)).toBeNull()
  })

  it('formats as Temporal does, in UTC and on any zone wall clock (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1600, 0, 1), max: Date.UTC(2400, 0, 1) }),
        fc.constantFrom(...ZONES),
        (ms, zone) => {
          const instant = Temporal.Instant.fromEpochMilliseconds(ms)
          expect(formatInstant(ms)).toBe(instant.toString({ fractionalSecondDigits: 3 }))
          const local = instant
            .toZonedDateTimeISO(zone)
            .toPlainDateTime()
            .toString({ smallestUnit: 'minute' })
          expect(formatInZone(ms, zone)).toBe(`${local} ${zone}`)
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('shows every instant of a minute as Temporal does, offsets with seconds too (property)', () => {
    const zones = [...ZONES, 'Europe/Amsterdam', 'Africa/Monrovia']
    const shown = (ms: number, zone: string) =>
      `${Temporal.Instant.fromEpochMilliseconds(ms)
        .toZonedDateTimeISO(zone)
        .toPlainDateTime()
        .toString({ smallestUnit: 'minute' })} ${zone}`
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.integer({ min: 0, max: 59_999 }),
        fc.constantFrom(...zones),
        (ms, offset, zone) => {
          const start = Math.floor(ms / 60_000) * 60_000
          // In turn, so that the later ones may be answered from the minute remembered.
          for (const at of [ms, start, start + offset, start + 59_999]) {
            expect(formatInZone(at, zone)).toBe(shown(at, zone))
          }
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('shows the hour a DST change skips and repeats correctly', () => {
    // Auckland: 2026-04-05 03:00 NZDT falls back to 02:00 NZST.
    expect(formatInZone(Date.UTC(2026, 3, 4, 13, 30), 'Pacific/Auckland')).toBe(
      '2026-04-05T02:30 Pacific/Auckland',
    )
    expect(formatInZone(Date.UTC(2026, 3, 4, 14, 30), 'Pacific/Auckland')).toBe(
      '2026-04-05T02:30 Pacific/Auckland',
    )
    // Los Angeles: 2026-03-08 02:00 PST springs forward to 03:00 PDT.
    expect(formatInZone(Date.UTC(2026, 2, 8, 10, 0), 'America/Los_Angeles')).toBe(
      '2026-03-08T03:00 America/Los_Angeles',
    )
  })
})
