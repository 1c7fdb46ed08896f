import { describe, expect, it } from 'vitest'
import { HOUR_MS } from './instant.js'
import { decideSittingReport } from './sitting-report.js'

const startsAt = Date.UTC(2026, 11, 1, 9)

describe('what a provider may report, and when', () => {
  it('opens check-in two hours before the appointment', () => {
    expect(decideSittingReport('check-in', 'booked', startsAt, startsAt - 2 * HOUR_MS - 1)).toEqual(
      {
        allowed: false,
        code: 'REPORT_TOO_EARLY',
        from: startsAt - 2 * HOUR_MS,
      },
    )
    expect(
      decideSittingReport('check-in', 'booked', startsAt, startsAt - 2 * HOUR_MS).allowed,
    ).toBe(true)
  })

  it('takes a no-show or a result only once the appointment has started', () => {
    for (const kind of ['no-show', 'result'] as const) {
      expect(decideSittingReport(kind, 'booked', startsAt, startsAt - 1)).toMatchObject({
        code: 'REPORT_TOO_EARLY',
      })
      expect(decideSittingReport(kind, 'booked', startsAt, startsAt).allowed).toBe(true)
    }
  })

  it("keeps a result's time between the start and now", () => {
    const now = startsAt + 3 * HOUR_MS
    expect(
      decideSittingReport('result', 'checked-in', startsAt, now, startsAt + HOUR_MS).allowed,
    ).toBe(true)
    expect(decideSittingReport('result', 'checked-in', startsAt, now, startsAt - 1)).toMatchObject({
      code: 'TAKEN_AT_OUTSIDE_SITTING',
    })
    expect(decideSittingReport('result', 'checked-in', startsAt, now, now + 1)).toMatchObject({
      code: 'TAKEN_AT_OUTSIDE_SITTING',
    })
  })

  it('accepts nothing more about a registration that has ended', () => {
    for (const status of ['completed', 'no-show', 'cancelled']) {
      expect(decideSittingReport('result', status, startsAt, startsAt + HOUR_MS)).toMatchObject({
        code: 'REGISTRATION_NOT_ACTIVE',
      })
    }
    expect(decideSittingReport('check-in', 'checked-in', startsAt, startsAt)).toMatchObject({
      code: 'REGISTRATION_NOT_ACTIVE',
    })
  })
})
