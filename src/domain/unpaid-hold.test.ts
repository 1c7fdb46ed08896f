import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  computeHoldExpiresAt,
  givesBetaRegistrationBack,
  hasHoldExpired,
  isUnpaidHold,
} from './unpaid-hold.js'

const at = (text: string) => Date.parse(text)

describe('computeHoldExpiresAt', () => {
  it('holds the seat for the configured minutes, but not past the appointment', () => {
    const booked = at('2026-06-15T12:00:00Z')
    expect(computeHoldExpiresAt(booked, 30, at('2026-07-01T09:00:00Z'))).toBe(
      at('2026-06-15T12:30:00Z'),
    )
    expect(computeHoldExpiresAt(booked, 30, at('2026-06-15T12:10:00Z'))).toBe(
      at('2026-06-15T12:10:00Z'),
    )
  })

  it('never ends before the booking nor after the appointment', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 2 ** 36 }),
        (booked, minutes, ahead) => {
          const startsAt = booked + ahead
          const expiresAt = computeHoldExpiresAt(booked, minutes, startsAt)
          return (
            expiresAt > booked && expiresAt <= startsAt && expiresAt <= booked + minutes * 60_000
          )
        },
      ),
    )
  })
})

describe('hasHoldExpired', () => {
  it('is over at the expiry instant itself, never for a registration without a hold', () => {
    const expiresAt = at('2026-06-15T12:30:00Z')
    expect(hasHoldExpired(expiresAt, expiresAt - 1)).toBe(false)
    expect(hasHoldExpired(expiresAt, expiresAt)).toBe(true)
    expect(hasHoldExpired(null, expiresAt)).toBe(false)
  })
})

describe('isUnpaidHold and givesBetaRegistrationBack', () => {
  it('are true only for a booked registration waiting for payment', () => {
    expect(isUnpaidHold({ status: 'booked', paymentStatus: 'due' })).toBe(true)
    expect(isUnpaidHold({ status: 'booked', paymentStatus: 'paid' })).toBe(false)
    expect(isUnpaidHold({ status: 'booked', paymentStatus: 'not-required' })).toBe(false)
    expect(isUnpaidHold({ status: 'checked-in', paymentStatus: 'due' })).toBe(false)
    expect(givesBetaRegistrationBack({ status: 'booked', paymentStatus: 'due' })).toBe(true)
    expect(givesBetaRegistrationBack({ status: 'booked', paymentStatus: 'paid' })).toBe(false)
    expect(givesBetaRegistrationBack({ status: 'booked', paymentStatus: 'not-required' })).toBe(
      false,
    )
  })
})
