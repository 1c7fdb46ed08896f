import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeReminderDedupeKey, decideReminderDue } from './appointment-reminder.js'
import { DAY_MS, HOUR_MS } from './instant.js'

const STARTS = Date.UTC(2026, 5, 20, 9)
const BOOKED = Date.UTC(2026, 5, 1, 9)

describe('decideReminderDue', () => {
  it('is due from N days before the appointment until it starts', () => {
    const appointment = { startsAt: STARTS, changedAt: BOOKED }
    expect(decideReminderDue(appointment, 3, STARTS - 3 * DAY_MS - 1)).toBe(false)
    expect(decideReminderDue(appointment, 3, STARTS - 3 * DAY_MS)).toBe(true)
    expect(decideReminderDue(appointment, 3, STARTS - 1)).toBe(true)
    expect(decideReminderDue(appointment, 3, STARTS)).toBe(false)
  })

  it('sends none for a booking made or moved inside the window: its confirmation just said it all', () => {
    const lateBooking = { startsAt: STARTS, changedAt: STARTS - 2 * DAY_MS }
    expect(decideReminderDue(lateBooking, 3, STARTS - DAY_MS)).toBe(false)
    const onTheDot = { startsAt: STARTS, changedAt: STARTS - 3 * DAY_MS }
    expect(decideReminderDue(onTheDot, 3, STARTS - 3 * DAY_MS)).toBe(true)
  })

  it('sends none when reminders are off (0 days)', () => {
    expect(decideReminderDue({ startsAt: STARTS, changedAt: BOOKED }, 0, STARTS - HOUR_MS)).toBe(
      false,
    )
  })

  it('is never due before its time nor after the appointment has begun', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: -90 * 24, max: 90 * 24 }),
        (days, hoursFromStart) => {
          const now = STARTS + hoursFromStart * HOUR_MS
          const due = decideReminderDue(
            { startsAt: STARTS, changedAt: BOOKED - 90 * DAY_MS },
            days,
            now,
          )
          expect(due).toBe(now >= STARTS - days * DAY_MS && now < STARTS)
        },
      ),
    )
  })
})

describe('computeReminderDedupeKey', () => {
  it('names the registration and its slot, so a reschedule gets a reminder of its own', () => {
    expect(computeReminderDedupeKey('K7QX-M2PD', 'slot-1')).toBe(
      'appointment-reminder:K7QX-M2PD:slot-1',
    )
    expect(computeReminderDedupeKey('K7QX-M2PD', 'slot-2')).not.toBe(
      computeReminderDedupeKey('K7QX-M2PD', 'slot-1'),
    )
  })
})
