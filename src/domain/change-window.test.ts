import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeChangeDeadlines, decideChange, listPassedDeadlines } from './change-window.js'
import { formatInZone, HOUR_MS } from './instant.js'

const pearson = {
  id: 'pearson-vue',
  name: 'Pearson VUE',
  rescheduleCutoffHours: 24,
  cancelCutoffHours: 48,
}

describe('the deadlines a seat shows before it is booked', () => {
  it('are the provider’s hours before the start, each passed only after its instant', () => {
    const startsAt = Date.parse('2026-06-15T21:00:00Z')
    const deadlines = computeChangeDeadlines(pearson, startsAt)
    expect(deadlines).toEqual({
      reschedule: Date.parse('2026-06-14T21:00:00Z'),
      cancel: Date.parse('2026-06-13T21:00:00Z'),
    })
    expect(listPassedDeadlines(deadlines, deadlines.cancel)).toEqual([])
    expect(listPassedDeadlines(deadlines, deadlines.cancel + 1)).toEqual(['cancel'])
    expect(listPassedDeadlines(deadlines, deadlines.reschedule + 1)).toEqual([
      'reschedule',
      'cancel',
    ])
  })

  it('count elapsed hours across a daylight-saving change, so the centre clock moves by one', () => {
    // Auckland leaves daylight saving on Sunday 5 April 2026 at 03:00: 48 hours before a
    // Monday 09:00 sitting is Saturday 10:00 on the centre's clock.
    const startsAt = Date.parse('2026-04-05T21:00:00Z')
    const { cancel } = computeChangeDeadlines(pearson, startsAt)
    expect(formatInZone(startsAt, 'Pacific/Auckland')).toBe('2026-04-06T09:00 Pacific/Auckland')
    expect(formatInZone(cancel, 'Pacific/Auckland')).toBe('2026-04-04T10:00 Pacific/Auckland')
  })

  it('agree with the change window: a change is allowed exactly until its deadline (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 8760 }),
        fc.integer({ min: 0, max: 8760 }),
        fc.integer({ min: -1_000 * HOUR_MS, max: 1_000 * HOUR_MS }),
        (rescheduleCutoffHours, cancelCutoffHours, offset) => {
          const provider = { ...pearson, rescheduleCutoffHours, cancelCutoffHours }
          const startsAt = Date.parse('2026-09-01T09:00:00Z')
          const now = startsAt + offset
          const passed = listPassedDeadlines(computeChangeDeadlines(provider, startsAt), now)
          for (const change of ['reschedule', 'cancel'] as const) {
            expect(passed.includes(change)).toBe(
              !decideChange(provider, change, startsAt, now).allowed,
            )
          }
        },
      ),
    )
  })
})
