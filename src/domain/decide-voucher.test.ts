import { describe, expect, it } from 'vitest'
import {
  BETA_INVITATION,
  SECOND_SHOT_PACK,
  SECOND_SHOT_VERSIONS,
  STUDY_BOOK_DISCOUNT,
} from '../demo/demo-offers.js'
import { decideVoucher, type ProposedBooking } from './decide-voucher.js'
import { DAY_MS } from './instant.js'
import { type OfferVersion, type PricedExam, voucherExpiry } from './offer.js'
import type { UseState, Voucher, VoucherUse, VoucherUseKind } from './voucher.js'

const [V2008, VACADEMIC, V2014] = SECOND_SHOT_VERSIONS as [OfferVersion, OfferVersion, OfferVersion]
const at = (text: string) => Date.parse(text)

const exam = (number: string, priceClass: PricedExam['priceClass'] = 'regular'): PricedExam => ({
  number,
  title: `Exam ${number}`,
  family: number.startsWith('071') ? 'beta' : 'general',
  priceClass,
})

function voucher(offer: OfferVersion, issuedAt: number, uses: VoucherUse[] = []): Voucher {
  return {
    code: 'K7QM2X9HDR4TWPB3NZ',
    candidateId: 'cand-1',
    offer,
    issuedAt,
    expiresAt: voucherExpiry(offer, issuedAt),
    uses,
  }
}

function use(kind: VoucherUseKind, number: string, startsAt: number, state: UseState): VoucherUse {
  return {
    registrationId: `reg-${number}-${kind}`,
    exam: number,
    kind,
    startsAt,
    state,
    takenAt:
      state === 'passed' || state === 'failed' || state === 'awaiting-result' ? startsAt : null,
  }
}

function booking(parts: Partial<ProposedBooking> & { startsAt: number }): ProposedBooking {
  return {
    candidateId: 'cand-1',
    exam: exam('070-620'),
    provider: 'prometric',
    now: parts.startsAt - 7 * DAY_MS,
    paymentMethod: null,
    otherCodes: [],
    retakeIfFailedAt: parts.startsAt + DAY_MS,
    timeZone: 'UTC',
    ...parts,
  }
}

describe('Second Shot 2008', () => {
  const issued = at('2008-10-01T10:00:00Z')
  const first = at('2008-11-03T09:00:00Z')

  it('books the first attempt of a 70-xxx exam at full price and keeps the retake and the after-pass discount', () => {
    const verdict = decideVoucher(
      voucher(V2008, issued),
      booking({ startsAt: first, paymentMethod: 'card' }),
    )
    expect(verdict).toMatchObject({
      accepted: true,
      use: 'first-attempt',
      effect: { kind: 'none' },
      loses: [],
    })
    if (!verdict.accepted) return
    expect(verdict.keeps.join(' ')).toContain(
      'free retake of 070-620, to be taken before 2009-07-01',
    )
    expect(verdict.keeps.join(' ')).toContain('25 % off one more exam booked before 2009-03-01')
  })

  it('refuses an academic 72-xxx exam', () => {
    expect(
      decideVoucher(
        voucher(V2008, issued),
        booking({ startsAt: first, exam: exam('072-100', 'academic') }),
      ),
    ).toMatchObject({ accepted: false, code: 'EXAM_NOT_COVERED' })
  })

  it('refuses Pearson VUE, naming the one provider', () => {
    const verdict = decideVoucher(
      voucher(V2008, issued),
      booking({ startsAt: first, provider: 'pearson-vue' }),
    )
    expect(verdict).toMatchObject({ accepted: false, code: 'PROVIDER_NOT_COVERED' })
    if (!verdict.accepted) expect(verdict.reason).toContain('only by prometric')
  })

  it('refuses a company voucher as payment: card only', () => {
    expect(
      decideVoucher(
        voucher(V2008, issued),
        booking({ startsAt: first, paymentMethod: 'company-voucher' }),
      ),
    ).toMatchObject({ accepted: false, code: 'PAYMENT_METHOD_NOT_ACCEPTED' })
  })

  it('does not combine with the 15 % study-book code', () => {
    const otherCodes = [{ offerName: STUDY_BOOK_DISCOUNT.name, combinable: true }]
    expect(
      decideVoucher(voucher(V2008, issued), booking({ startsAt: first, otherCodes })),
    ).toMatchObject({ accepted: false, code: 'CODE_NOT_COMBINABLE' })
  })

  it('after a failed first attempt books one free retake of the same exam', () => {
    const failed = voucher(V2008, issued, [use('first-attempt', '070-620', first, 'failed')])
    expect(decideVoucher(failed, booking({ startsAt: at('2008-11-20T09:00:00Z') }))).toMatchObject({
      accepted: true,
      use: 'free-retake',
      effect: { kind: 'free' },
    })
  })

  it('refuses the free retake for a different exam', () => {
    const failed = voucher(V2008, issued, [use('first-attempt', '070-620', first, 'failed')])
    const verdict = decideVoucher(
      failed,
      booking({ startsAt: at('2008-11-20T09:00:00Z'), exam: exam('070-621') }),
    )
    expect(verdict).toMatchObject({ accepted: false, code: 'RETAKE_OF_OTHER_EXAM' })
  })

  it('grants the free retake once', () => {
    const spent = voucher(V2008, issued, [
      use('first-attempt', '070-620', first, 'failed'),
      use('free-retake', '070-620', at('2008-11-20T09:00:00Z'), 'failed'),
    ])
    expect(decideVoucher(spent, booking({ startsAt: at('2008-12-20T09:00:00Z') }))).toMatchObject({
      accepted: false,
      code: 'CODE_ALREADY_USED',
    })
  })

  it('refuses a retake on or after the voucher expiry', () => {
    const failed = voucher(V2008, issued, [use('first-attempt', '070-620', first, 'failed')])
    expect(
      decideVoucher(
        failed,
        booking({ startsAt: at('2009-07-01T00:00:00Z'), now: at('2009-06-20T00:00:00Z') }),
      ),
    ).toMatchObject({ accepted: false, code: 'CODE_EXPIRED' })
    expect(
      decideVoucher(
        failed,
        booking({ startsAt: at('2009-07-02T00:00:00Z'), now: at('2009-07-01T00:00:00Z') }),
      ),
    ).toMatchObject({ accepted: false, code: 'CODE_EXPIRED' })
  })

  it('warns that the retake would be lost when the policy wait ends after expiry', () => {
    const late = at('2009-06-25T09:00:00Z')
    const verdict = decideVoucher(
      voucher(V2008, issued),
      booking({ startsAt: late, retakeIfFailedAt: late + DAY_MS * 14 }),
    )
    expect(verdict).toMatchObject({ accepted: true, use: 'first-attempt' })
    if (verdict.accepted) expect(verdict.loses[0]).toContain('the free retake would be lost')
  })

  it('after a pass in the window gives 25 % off one more exam booked before 1 March 2009, with no free retake', () => {
    const passed = voucher(V2008, issued, [use('first-attempt', '070-620', first, 'passed')])
    const verdict = decideVoucher(
      passed,
      booking({
        startsAt: at('2009-03-10T09:00:00Z'),
        now: at('2009-02-20T09:00:00Z'),
        exam: exam('070-621'),
      }),
    )
    expect(verdict).toMatchObject({
      accepted: true,
      use: 'after-pass-discount',
      effect: { kind: 'percent-off', percent: 25 },
    })
    if (verdict.accepted) expect(verdict.does).toContain('includes no free retake')
  })

  it('gives the after-pass discount only for a seat before the code expires', () => {
    const passed = voucher(V2008, issued, [use('first-attempt', '070-620', first, 'passed')])
    expect(
      decideVoucher(
        passed,
        booking({
          startsAt: at('2009-08-15T09:00:00Z'),
          now: at('2009-02-20T09:00:00Z'),
          exam: exam('070-621'),
        }),
      ),
    ).toMatchObject({ accepted: false, code: 'CODE_EXPIRED' })
  })

  it('gives no discount when booked from 1 March 2009', () => {
    const passed = voucher(V2008, issued, [use('first-attempt', '070-620', first, 'passed')])
    expect(
      decideVoucher(
        passed,
        booking({
          startsAt: at('2009-03-10T09:00:00Z'),
          now: at('2009-03-01T00:00:00Z'),
          exam: exam('070-621'),
        }),
      ),
    ).toMatchObject({ accepted: false, code: 'CODE_ALREADY_USED' })
  })

  it('gives no discount for a pass before 15 October 2008, and a pass is never a free exam elsewhere', () => {
    const early = voucher(V2008, issued, [
      use('first-attempt', '070-620', at('2008-10-10T09:00:00Z'), 'passed'),
    ])
    const verdict = decideVoucher(
      early,
      booking({ startsAt: at('2008-12-10T09:00:00Z'), exam: exam('070-621') }),
    )
    expect(verdict).toMatchObject({ accepted: false, code: 'CODE_ALREADY_USED' })
  })

  it('waits for the first result before anything else', () => {
    const pending = voucher(V2008, issued, [
      use('first-attempt', '070-620', first, 'awaiting-result'),
    ])
    const verdict = decideVoucher(pending, booking({ startsAt: at('2008-11-20T09:00:00Z') }))
    expect(verdict).toMatchObject({ accepted: false, code: 'CODE_ALREADY_USED' })
    if (!verdict.accepted) expect(verdict.reason).toContain('awaits its result')
  })
})

describe('Second Shot academic year', () => {
  const issued = at('2012-09-01T10:00:00Z')
  const first = at('2012-10-03T09:00:00Z')

  it.each(['072-100', '073-200', '098-361'])(
    'covers %s at any provider and any payment',
    (number) => {
      const verdict = decideVoucher(
        voucher(VACADEMIC, issued),
        booking({
          startsAt: first,
          exam: exam(number, number.startsWith('098') ? 'regular' : 'academic'),
          provider: 'pearson-vue',
          paymentMethod: 'company-voucher',
        }),
      )
      expect(verdict).toMatchObject({ accepted: true, use: 'first-attempt' })
    },
  )

  it('does not cover 70-xxx exams', () => {
    expect(decideVoucher(voucher(VACADEMIC, issued), booking({ startsAt: first }))).toMatchObject({
      accepted: false,
      code: 'EXAM_NOT_COVERED',
    })
  })

  it('has no after-pass discount', () => {
    const passed = voucher(VACADEMIC, issued, [use('first-attempt', '072-100', first, 'passed')])
    expect(
      decideVoucher(
        passed,
        booking({ startsAt: at('2012-11-03T09:00:00Z'), exam: exam('073-200', 'academic') }),
      ),
    ).toMatchObject({ accepted: false, code: 'CODE_ALREADY_USED' })
  })
})

describe('Second Shot exam pack', () => {
  const issued = at('2012-09-01T10:00:00Z')
  const day = (n: number) => at('2012-10-01T09:00:00Z') + n * DAY_MS
  const academic = (number: string) => exam(number, 'academic')

  it('gives one free retake for each of three exams, and nothing for a fourth', () => {
    let uses: VoucherUse[] = []
    for (const [i, number] of ['072-100', '072-200', '073-300'].entries()) {
      const verdict = decideVoucher(
        voucher(SECOND_SHOT_PACK, issued, uses),
        booking({ startsAt: day(i), exam: academic(number) }),
      )
      expect(verdict).toMatchObject({ accepted: true, use: 'first-attempt' })
      uses = [...uses, use('first-attempt', number, day(i), 'failed')]
    }
    expect(
      decideVoucher(
        voucher(SECOND_SHOT_PACK, issued, uses),
        booking({ startsAt: day(10), exam: academic('073-400') }),
      ),
    ).toMatchObject({ accepted: false, code: 'RETAKE_OF_OTHER_EXAM' })
    for (const number of ['072-100', '072-200', '073-300']) {
      const verdict = decideVoucher(
        voucher(SECOND_SHOT_PACK, issued, uses),
        booking({ startsAt: day(20), exam: academic(number) }),
      )
      expect(verdict).toMatchObject({ accepted: true, use: 'free-retake' })
      if (verdict.accepted) expect(verdict.keeps).toHaveLength(2)
    }
  })
})

describe('Second Shot 2014', () => {
  const issued = at('2014-01-10T10:00:00Z')
  const first = at('2014-03-03T09:00:00Z')

  it.each(['070-620', '071-620', '098-361'])('covers regular-priced %s', (number) => {
    expect(
      decideVoucher(voucher(V2014, issued), booking({ startsAt: first, exam: exam(number) })),
    ).toMatchObject({ accepted: true, use: 'first-attempt' })
  })

  it('does not cover a discounted-price exam', () => {
    expect(
      decideVoucher(
        voucher(V2014, issued),
        booking({ startsAt: first, exam: exam('071-620', 'discounted') }),
      ),
    ).toMatchObject({ accepted: false, code: 'EXAM_NOT_COVERED' })
  })

  it('accepts a company voucher as payment, but not Pearson VUE', () => {
    expect(
      decideVoucher(
        voucher(V2014, issued),
        booking({ startsAt: first, paymentMethod: 'company-voucher' }),
      ),
    ).toMatchObject({ accepted: true })
    expect(
      decideVoucher(voucher(V2014, issued), booking({ startsAt: first, provider: 'pearson-vue' })),
    ).toMatchObject({ accepted: false, code: 'PROVIDER_NOT_COVERED' })
  })

  it('needs the first attempt before 1 June 2014', () => {
    expect(
      decideVoucher(voucher(V2014, issued), booking({ startsAt: at('2014-06-01T08:00:00Z') })),
    ).toMatchObject({ accepted: false, code: 'CODE_EXPIRED' })
  })
})

describe('single-use codes', () => {
  const issued = at('2026-06-01T10:00:00Z')
  const seat = at('2026-07-01T09:00:00Z')

  it('the study-book code takes 15 % once and combines with another combinable code', () => {
    const code = voucher(STUDY_BOOK_DISCOUNT, issued)
    expect(
      decideVoucher(
        code,
        booking({ startsAt: seat, otherCodes: [{ offerName: 'Partner', combinable: true }] }),
      ),
    ).toMatchObject({ accepted: true, effect: { kind: 'percent-off', percent: 15 } })
    const spent = voucher(STUDY_BOOK_DISCOUNT, issued, [
      use('percent-off', '070-620', seat, 'booked'),
    ])
    expect(decideVoucher(spent, booking({ startsAt: seat }))).toMatchObject({
      accepted: false,
      code: 'CODE_ALREADY_USED',
    })
  })

  it('the study-book code expires a year after issue', () => {
    const code = voucher(STUDY_BOOK_DISCOUNT, issued)
    expect(decideVoucher(code, booking({ startsAt: issued + 366 * DAY_MS }))).toMatchObject({
      accepted: false,
      code: 'CODE_EXPIRED',
    })
  })

  it('a beta invitation code makes a beta exam free, and only a beta exam', () => {
    const code = voucher(BETA_INVITATION, issued)
    expect(
      decideVoucher(code, booking({ startsAt: seat, exam: exam('071-620', 'discounted') })),
    ).toMatchObject({ accepted: true, use: 'free-exam', effect: { kind: 'free' } })
    expect(decideVoucher(code, booking({ startsAt: seat }))).toMatchObject({
      accepted: false,
      code: 'EXAM_NOT_COVERED',
    })
  })
})
