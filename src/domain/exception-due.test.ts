import fc from 'fast-check'
import { Temporal } from 'temporal-polyfill'
import { describe, expect, it } from 'vitest'
import { computeExceptionDue } from './exception-due.js'
import { HOUR_MS } from './instant.js'

/** An instant from wall-clock text in a zone. */
const at = (local: string, timeZone: string) =>
  Temporal.PlainDateTime.from(local).toZonedDateTime(timeZone).epochMilliseconds
/** The instant as wall-clock text in a zone, with its offset. */
const shown = (instant: number, timeZone: string) =>
  Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(timeZone).toString()

const berlin = { workingDays: 2, timeZone: 'Europe/Berlin' }

describe('when an exception request is due', () => {
  it('two working days later at the same time on a weekday, over a weekend from Thursday on', () => {
    expect(
      shown(
        computeExceptionDue(at('2026-06-15T09:00', 'UTC'), { workingDays: 2, timeZone: 'UTC' }),
        'UTC',
      ),
    ).toBe('2026-06-17T09:00:00+00:00[UTC]')
    // Thursday → Monday, Friday → Tuesday: Saturday and Sunday do not count.
    expect(
      shown(computeExceptionDue(at('2026-06-18T11:30', 'Europe/Berlin'), berlin), 'Europe/Berlin'),
    ).toBe('2026-06-22T11:30:00+02:00[Europe/Berlin]')
    expect(
      shown(computeExceptionDue(at('2026-06-19T15:00', 'Europe/Berlin'), berlin), 'Europe/Berlin'),
    ).toBe('2026-06-23T15:00:00+02:00[Europe/Berlin]')
  })

  it('counts a request filed at the weekend from Monday 00:00 on the programme’s clock', () => {
    for (const filed of ['2026-06-20T10:00', '2026-06-21T23:59']) {
      expect(shown(computeExceptionDue(at(filed, 'Europe/Berlin'), berlin), 'Europe/Berlin')).toBe(
        '2026-06-24T00:00:00+02:00[Europe/Berlin]',
      )
    }
    // Friday 23:30 and one working day: half an hour on Friday, the rest on Monday.
    expect(
      shown(
        computeExceptionDue(at('2026-06-19T23:30', 'UTC'), { workingDays: 1, timeZone: 'UTC' }),
        'UTC',
      ),
    ).toBe('2026-06-22T23:30:00+00:00[UTC]')
  })

  it('reads the weekend on the programme’s clock, not in UTC', () => {
    // Saturday 06:00 in Auckland is still Friday 18:00 in UTC.
    const filed = at('2026-06-20T06:00', 'Pacific/Auckland')
    expect(
      shown(
        computeExceptionDue(filed, { workingDays: 2, timeZone: 'Pacific/Auckland' }),
        'Pacific/Auckland',
      ),
    ).toBe('2026-06-24T00:00:00+12:00[Pacific/Auckland]')
    expect(shown(computeExceptionDue(filed, { workingDays: 2, timeZone: 'UTC' }), 'UTC')).toBe(
      '2026-06-23T18:00:00+00:00[UTC]',
    )
  })

  it('keeps the wall clock across a daylight-saving change: an hour fewer or more in real time', () => {
    // Berlin springs forward on Sunday 29 March 2026: Friday 15:00 to Tuesday 15:00 is 95 hours.
    const spring = at('2026-03-27T15:00', 'Europe/Berlin')
    const springDue = computeExceptionDue(spring, berlin)
    expect(shown(springDue, 'Europe/Berlin')).toBe('2026-03-31T15:00:00+02:00[Europe/Berlin]')
    expect((springDue - spring) / HOUR_MS).toBe(95)
    // Los Angeles falls back on Sunday 1 November 2026: 97 hours.
    const la = { workingDays: 2, timeZone: 'America/Los_Angeles' }
    const autumn = at('2026-10-30T10:00', 'America/Los_Angeles')
    const autumnDue = computeExceptionDue(autumn, la)
    expect(shown(autumnDue, 'America/Los_Angeles')).toBe(
      '2026-11-03T10:00:00-08:00[America/Los_Angeles]',
    )
    expect((autumnDue - autumn) / HOUR_MS).toBe(97)
  })

  it('moves a due time the clocks skip forward with them (Jerusalem springs forward on a Friday)', () => {
    // Friday 27 March 2026 has no 02:00–02:59 in Jerusalem.
    const jerusalem = { workingDays: 1, timeZone: 'Asia/Jerusalem' }
    const filed = at('2026-03-26T02:30', 'Asia/Jerusalem')
    const due = computeExceptionDue(filed, jerusalem)
    expect(shown(due, 'Asia/Jerusalem')).toBe('2026-03-27T03:30:00+03:00[Asia/Jerusalem]')
    expect((due - filed) / HOUR_MS).toBe(24)
  })

  it('is always a weekday at the start’s time of day, with exactly N weekdays counted (UTC)', () => {
    const year2026 = fc.integer({
      min: Date.parse('2026-01-01T00:00:00Z'),
      max: Date.parse('2026-12-31T23:59:59Z'),
    })
    fc.assert(
      fc.property(year2026, fc.integer({ min: 1, max: 15 }), (filed, workingDays) => {
        const due = computeExceptionDue(filed, { workingDays, timeZone: 'UTC' })
        const from = Temporal.Instant.fromEpochMilliseconds(filed).toZonedDateTimeISO('UTC')
        const to = Temporal.Instant.fromEpochMilliseconds(due).toZonedDateTimeISO('UTC')
        expect(to.dayOfWeek).toBeLessThanOrEqual(5)
        const weekend = from.dayOfWeek >= 6
        expect(to.toPlainTime().toString()).toBe(
          weekend ? '00:00:00' : from.toPlainTime().toString(),
        )
        let counted = 0
        for (
          let day = from.toPlainDate().add({ days: 1 });
          Temporal.PlainDate.compare(day, to.toPlainDate()) <= 0;
          day = day.add({ days: 1 })
        )
          if (day.dayOfWeek <= 5) counted++
        // From the weekend, Monday itself is where counting starts, not a counted day.
        expect(counted).toBe(weekend ? workingDays + 1 : workingDays)
      }),
    )
  })
})
