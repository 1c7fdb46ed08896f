import { describe, expect, it } from 'vitest'
import { SECOND_SHOT_PACK, SECOND_SHOT_VERSIONS, STUDY_BOOK_DISCOUNT } from '../demo/demo-offers.js'
import { decideCodeStanding } from './code-standing.js'
import { DAY_MS } from './instant.js'
import { type OfferVersion, voucherExpiry } from './offer.js'
import type { UseState, Voucher, VoucherUse, VoucherUseKind } from './voucher.js'

const [V2008] = SECOND_SHOT_VERSIONS as [OfferVersion]
const at = (text: string) => Date.parse(text)
const ZONE = 'Europe/Berlin'

function voucher(
  offer: OfferVersion,
  issuedAt: number,
  uses: VoucherUse[] = [],
  more: Partial<Voucher> = {},
): Voucher {
  return {
    code: 'K7QM2X9HDR4TWPB3NZ',
    candidateId: 'cand-1',
    offer,
    issuedAt,
    expiresAt: voucherExpiry(offer, issuedAt),
    uses,
    ...more,
  }
}

function use(kind: VoucherUseKind, exam: string, startsAt: number, state: UseState): VoucherUse {
  return {
    registrationId: `reg-${exam}-${kind}`,
    exam,
    kind,
    startsAt,
    state,
    takenAt: state === 'passed' || state === 'failed' ? startsAt : null,
  }
}

describe('what a code can still do', () => {
  const issued = at('2008-10-01T00:00:00Z')

  it('a new Second Shot code books a first attempt, until its date in the holder zone', () => {
    const standing = decideCodeStanding(voucher(V2008, issued), issued + DAY_MS, ZONE)
    expect(standing.state).toBe('usable')
    expect(standing.firstAttemptsLeft).toBe(1)
    expect(standing.freeRetakes).toEqual([])
    expect(standing.sentences).toEqual([
      'Book a first attempt at 1 more exam it covers until 2009-07-01T02:00 Europe/Berlin; if that attempt fails, the same code books a free retake.',
    ])
  })

  it('after a failed first attempt it holds the free retake of that exam, and nothing else', () => {
    const failed = use('first-attempt', '070-620', at('2008-11-03T09:00:00Z'), 'failed')
    const standing = decideCodeStanding(
      voucher(V2008, issued, [failed]),
      at('2008-11-10T00:00:00Z'),
      ZONE,
    )
    expect(standing).toMatchObject({
      state: 'usable',
      firstAttemptsLeft: 0,
      freeRetakes: ['070-620'],
    })
    expect(standing.sentences).toEqual([
      'Book a free retake of 070-620 until 2009-07-01T02:00 Europe/Berlin.',
    ])
  })

  it('once the retake is booked the code is used up', () => {
    const failed = use('first-attempt', '070-620', at('2008-11-03T09:00:00Z'), 'failed')
    const retake = use('free-retake', '070-620', at('2008-11-20T09:00:00Z'), 'booked')
    const standing = decideCodeStanding(
      voucher(V2008, issued, [failed, retake]),
      at('2008-11-10T00:00:00Z'),
      ZONE,
    )
    expect(standing.state).toBe('used-up')
    expect(standing.freeRetakes).toEqual([])
    expect(standing.sentences).toEqual(['Everything this code gives has been used.'])
  })

  it('a pass in the 2008 window turns it into 25 % off one more exam, until 28 February 2009', () => {
    const passed = use('first-attempt', '070-620', at('2008-11-03T09:00:00Z'), 'passed')
    const standing = decideCodeStanding(
      voucher(V2008, issued, [passed]),
      at('2008-12-01T00:00:00Z'),
      ZONE,
    )
    expect(standing.afterPassDiscount).toEqual({
      percent: 25,
      bookBefore: at('2009-03-01T00:00:00Z'),
    })
    expect(standing.sentences).toContain(
      'Book one more exam at 25 % off before 2009-03-01T01:00 Europe/Berlin, for your pass of 070-620.',
    )
    const later = decideCodeStanding(
      voucher(V2008, issued, [passed]),
      at('2009-03-01T00:00:00Z'),
      ZONE,
    )
    expect(later.state).toBe('used-up')
  })

  it('an exam pack counts the exams it has started', () => {
    const first = use('first-attempt', '070-620', at('2008-11-03T09:00:00Z'), 'booked')
    const standing = decideCodeStanding(
      voucher(SECOND_SHOT_PACK, issued, [first]),
      issued + DAY_MS,
      ZONE,
    )
    expect(standing.firstAttemptsLeft).toBe(2)
    expect(standing.sentences[0]).toMatch(/^Book a first attempt at 2 more exams it covers/)
  })

  it('a counted code tells the uses left, and none once taken', () => {
    const bookIssued = at('2026-01-10T00:00:00Z')
    const fresh = decideCodeStanding(
      voucher(STUDY_BOOK_DISCOUNT, bookIssued, [], { usesTaken: 0 }),
      bookIssued,
      ZONE,
    )
    expect(fresh).toMatchObject({ state: 'usable', usesLeft: 1, firstAttemptsLeft: null })
    expect(fresh.sentences).toEqual([
      'Pay for 1 more registration: 15 % off until 2027-01-10T01:00 Europe/Berlin.',
    ])
    const taken = decideCodeStanding(
      voucher(STUDY_BOOK_DISCOUNT, bookIssued, [], { usesTaken: 1 }),
      bookIssued,
      ZONE,
    )
    expect(taken).toMatchObject({ state: 'used-up', usesLeft: 0 })
  })

  it('an expired or withdrawn code does nothing, whatever was left on it', () => {
    const expired = decideCodeStanding(voucher(V2008, issued), at('2009-07-01T00:00:00Z'), ZONE)
    expect(expired).toMatchObject({ state: 'expired', firstAttemptsLeft: null, freeRetakes: [] })
    expect(expired.sentences).toEqual([
      'This code expired on 2009-07-01T02:00 Europe/Berlin and no longer works.',
    ])
    const voided = decideCodeStanding(
      voucher(V2008, issued, [], { voidedAt: at('2008-10-05T10:00:00Z') }),
      at('2008-10-06T00:00:00Z'),
      ZONE,
    )
    expect(voided.state).toBe('voided')
    expect(voided.sentences).toEqual([
      'This code was withdrawn on 2008-10-05T12:00 Europe/Berlin and no longer works.',
    ])
  })
})
