import { describe, expect, it } from 'vitest'
import { paymentStatusOf } from './price.js'
import { useStateOf } from './voucher.js'

describe('paymentStatusOf', () => {
  it('asks for no payment when nothing is priced, and for one only while something is due and unpaid', () => {
    expect(paymentStatusOf(null, false)).toBe('not-required')
    expect(paymentStatusOf({ listCents: 0, dueCents: 0 }, false)).toBe('not-required')
    expect(paymentStatusOf({ listCents: 16500, dueCents: 0 }, false)).toBe('paid')
    expect(paymentStatusOf({ listCents: 16500, dueCents: 12375 }, true)).toBe('paid')
    expect(paymentStatusOf({ listCents: 16500, dueCents: 12375 }, false)).toBe('due')
  })
})

describe('useStateOf', () => {
  it("follows a code's use from booked to the attempt's outcome, or to no sitting at all", () => {
    expect(useStateOf('booked', null)).toBe('booked')
    expect(useStateOf('checked-in', null)).toBe('booked')
    expect(useStateOf('completed', 'pass')).toBe('passed')
    expect(useStateOf('completed', 'fail')).toBe('failed')
    expect(useStateOf('completed', 'pending')).toBe('awaiting-result')
    expect(useStateOf('no-show', null)).toBe('not-sat')
    expect(useStateOf('cancelled', null)).toBe('not-sat')
  })
})
