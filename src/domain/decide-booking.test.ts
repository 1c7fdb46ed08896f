import { describe, expect, it } from 'vitest'
import { at, fail, GENERAL, liveExam, POLICIES } from '../../test/factories/retake.js'
import {
  type BookingRequest,
  decideBooking,
  decideDeadlines,
  refuseSlot,
  type SlotBookingFacts,
} from './decide-booking.js'
import { HOUR_MS } from './instant.js'
import type { PriceBreakdown } from './price.js'

const MINUTE = 60_000
const exam = liveExam('70-620')
const NOW = at('2026-06-01T12:00:00Z')
const STARTS = at('2026-07-01T09:00:00Z')

const provider = { id: 'p1', name: 'Pearson', rescheduleCutoffHours: 24, cancelCutoffHours: 48 }
const price = (listCents: number, dueCents: number): PriceBreakdown => ({
  currency: 'USD',
  listCents,
  lines: [],
  dueCents,
})

/** A first booking of a seat a month ahead, at a provider that delivers the exam, for $100. */
function facts(changes: Partial<SlotBookingFacts<string>> = {}): SlotBookingFacts<string> {
  return {
    exam,
    slotId: 's1',
    slot: {
      appointment: { slot: { startsAt: STARTS }, centre: { timeZone: 'Europe/Berlin' }, provider },
      delivers: true,
    },
    liveRegistrationId: null,
    retake: { policies: POLICIES, facts: { attempts: [], certifications: [], waivers: [] } },
    beta: null,
    codes: { price: price(10_000, 10_000), loses: [] },
    holdMinutes: undefined,
    ...changes,
  }
}

const REQUEST: BookingRequest = {
  acknowledgeForfeit: false,
  acknowledgeDeadlines: false,
  payingNow: false,
}

const refusedCode = (
  decision: ReturnType<typeof decideBooking<string, SlotBookingFacts<string>>>,
) =>
  decision.goAhead
    ? null
    : decision.refusal.by === 'rule'
      ? decision.refusal.refusal.code
      : decision.refusal.by

describe('decideBooking', () => {
  it('lets a first booking go ahead, due and held for the default 30 minutes', () => {
    const decision = decideBooking(facts(), REQUEST, NOW)
    expect(decision).toMatchObject({
      goAhead: true,
      price: price(10_000, 10_000),
      paymentStatus: 'due',
      holdExpiresAt: NOW + 30 * MINUTE,
      deadlinesPassed: [],
    })
    if (decision.goAhead) expect(decision.retake.policy?.id).toBe(GENERAL.policyId)
  })

  it('holds an unpaid seat for the programme’s minutes before the service’s, never past the start', () => {
    const beta = { programme: { holdMinutes: 90 }, access: { allowed: true } as const }
    expect(decideBooking(facts({ beta, holdMinutes: 60 }), REQUEST, NOW)).toMatchObject({
      holdExpiresAt: NOW + 90 * MINUTE,
    })
    expect(decideBooking(facts({ holdMinutes: 60 }), REQUEST, NOW)).toMatchObject({
      holdExpiresAt: NOW + 60 * MINUTE,
    })
    const soon = NOW + 10 * MINUTE
    const near = facts({
      slot: {
        ...facts().slot,
        appointment: { ...facts().slot.appointment, slot: { startsAt: soon } },
      },
    })
    expect(decideBooking(near, { ...REQUEST, acknowledgeDeadlines: true }, NOW)).toMatchObject({
      holdExpiresAt: soon,
    })
  })

  it('holds nothing when the booking is paid, free or unpriced', () => {
    expect(decideBooking(facts(), { ...REQUEST, payingNow: true }, NOW)).toMatchObject({
      paymentStatus: 'paid',
      holdExpiresAt: null,
    })
    const free = facts({ codes: { price: price(10_000, 0), loses: [] } })
    expect(decideBooking(free, REQUEST, NOW)).toMatchObject({
      paymentStatus: 'paid',
      holdExpiresAt: null,
    })
    const unpriced = facts({ codes: { price: null, loses: [] } })
    expect(decideBooking(unpriced, REQUEST, NOW)).toMatchObject({
      paymentStatus: 'not-required',
      holdExpiresAt: null,
    })
  })

  it('refuses a slot that does not exist, has started or is at a provider not delivering the exam', () => {
    expect(refusedCode(decideBooking({ exam, slotId: 'gone', slot: null }, REQUEST, NOW))).toBe(
      'SLOT_NOT_FOUND',
    )
    expect(refusedCode(decideBooking(facts(), REQUEST, STARTS))).toBe('SLOT_IN_PAST')
    const elsewhere = facts({ slot: { ...facts().slot, delivers: false } })
    expect(refusedCode(decideBooking(elsewhere, REQUEST, NOW))).toBe('EXAM_NOT_DELIVERED')
  })

  it('refuses a second live registration for the exam, naming the first', () => {
    const decision = decideBooking(facts({ liveRegistrationId: 'R1' }), REQUEST, NOW)
    expect(decision).toMatchObject({
      goAhead: false,
      refusal: {
        by: 'rule',
        refusal: { code: 'ALREADY_REGISTERED', facts: { field: 'exam', registrationId: 'R1' } },
      },
    })
  })

  it('refuses by the programme before the retake policy, and by the policy before the codes', () => {
    const history = {
      attempts: [fail(exam, '2026-07-01T08:00:00Z')],
      certifications: [],
      waivers: [],
    }
    const tooSoon = { policies: POLICIES, facts: history }
    const notInvited = {
      programme: { holdMinutes: null },
      access: { allowed: false, code: 'NOT_INVITED', reason: 'by invitation only' } as const,
    }
    const codes = { refused: 'CODE_NOT_FOUND' }
    expect(
      refusedCode(decideBooking(facts({ retake: tooSoon, beta: notInvited, codes }), REQUEST, NOW)),
    ).toBe('NOT_INVITED')
    const byPolicy = decideBooking(facts({ retake: tooSoon, codes }), REQUEST, NOW)
    expect(byPolicy).toMatchObject({
      goAhead: false,
      refusal: { by: 'retake', decision: { code: 'RETAKE_TOO_SOON' } },
    })
    expect(decideBooking(facts({ codes }), REQUEST, NOW)).toEqual({
      goAhead: false,
      refusal: { by: 'codes', refusal: 'CODE_NOT_FOUND' },
    })
  })

  it('asks the candidate to acknowledge a free retake given up', () => {
    const losing = facts({
      codes: { price: price(10_000, 10_000), loses: ['the free retake of CODE'] },
    })
    expect(refusedCode(decideBooking(losing, REQUEST, NOW))).toBe('CODE_WOULD_FORFEIT')
    expect(decideBooking(losing, { ...REQUEST, acknowledgeForfeit: true }, NOW).goAhead).toBe(true)
  })

  it('asks the candidate to acknowledge deadlines already passed, and says which', () => {
    const inADay = NOW + 36 * HOUR_MS
    const near = facts({
      slot: {
        ...facts().slot,
        appointment: { ...facts().slot.appointment, slot: { startsAt: inADay } },
      },
    })
    expect(refusedCode(decideBooking(near, REQUEST, NOW))).toBe('CHANGE_DEADLINES_PASSED')
    expect(decideBooking(near, { ...REQUEST, acknowledgeDeadlines: true }, NOW)).toMatchObject({
      goAhead: true,
      deadlinesPassed: ['cancel'],
    })
  })
})

describe('refuseSlot', () => {
  it('states the slot’s start on its centre’s clock', () => {
    expect(refuseSlot(facts().slot, 's1', exam.number, STARTS + 1)).toEqual({
      code: 'SLOT_IN_PAST',
      facts: { field: 'slotId', startsAtLocal: expect.stringContaining('11:00') },
    })
    expect(refuseSlot(facts().slot, 's1', exam.number, NOW)).toBeNull()
  })
})

describe('decideDeadlines', () => {
  const place = facts().slot.appointment

  it('passes nothing while both deadlines are ahead, the deadline instant itself included', () => {
    expect(decideDeadlines(place, STARTS - 48 * HOUR_MS, false)).toEqual({ passed: [] })
  })

  it('names both deadlines, in UTC and on the centre’s clock, once one has passed', () => {
    const decided = decideDeadlines(place, STARTS - 12 * HOUR_MS, false)
    expect(decided).toMatchObject({
      refusal: {
        code: 'CHANGE_DEADLINES_PASSED',
        facts: {
          field: 'acknowledgeDeadlines',
          provider: 'Pearson',
          passed: ['reschedule', 'cancel'],
          deadlines: { reschedule: '2026-06-30T09:00:00.000Z', cancel: '2026-06-29T09:00:00.000Z' },
        },
      },
    })
  })
})
