import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SECOND_SHOT_VERSIONS, STUDY_BOOK_DISCOUNT } from '../demo/demo-offers.js'
import { computeOfferChanges, OFFER_TERMS } from './offer-changes.js'

const [v2008, academic, v2014, v2026] = SECOND_SHOT_VERSIONS

describe('computeOfferChanges', () => {
  it('names what the 2014 Second Shot changed from the academic one, in reading order', () => {
    expect(computeOfferChanges(academic!, v2014!)).toEqual([
      'name',
      'effectiveFrom',
      'enrolment',
      'useBefore',
      'exams',
      'providers',
    ])
  })

  it('names the after-pass discount the academic version dropped', () => {
    expect(computeOfferChanges(v2008!, academic!)).toContain('afterPass')
    expect(computeOfferChanges(v2008!, academic!)).toContain('paymentMethods')
  })

  it('does not count the order lists were typed in as a change', () => {
    const reordered = {
      ...v2026!,
      paymentMethods: [...v2026!.paymentMethods].reverse(),
      exams: { ...v2026!.exams, prefixes: [...v2026!.exams.prefixes].reverse() },
    }
    expect(computeOfferChanges(v2026!, reordered)).toEqual([])
  })

  it('finds exactly the one term that differs', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OFFER_TERMS), (term) => {
        const changed = {
          ...STUDY_BOOK_DISCOUNT,
          name: term === 'name' ? 'Study book 20 % discount' : STUDY_BOOK_DISCOUNT.name,
          effectiveFrom: STUDY_BOOK_DISCOUNT.effectiveFrom + (term === 'effectiveFrom' ? 1 : 0),
          enrolment: term === 'enrolment' ? { opensAt: 0, closesAt: 1 } : null,
          useBefore: term === 'useBefore' ? 5 : null,
          validDays: term === 'validDays' ? 30 : 365,
          exams:
            term === 'exams'
              ? { ...STUDY_BOOK_DISCOUNT.exams, prefixes: ['070'] }
              : STUDY_BOOK_DISCOUNT.exams,
          providers: term === 'providers' ? ['prometric'] : [],
          paymentMethods: term === 'paymentMethods' ? (['card'] as const) : [],
          combinable: term !== 'combinable',
          benefit:
            term === 'benefit'
              ? { kind: 'percent-off' as const, percent: 20 }
              : STUDY_BOOK_DISCOUNT.benefit,
          afterPass:
            term === 'afterPass'
              ? { percent: 10, passedFrom: 0, passedUntil: 1, bookBefore: 2 }
              : null,
          usesPerCode: term === 'usesPerCode' ? 2 : 1,
          returnOnCancel: term !== 'returnOnCancel',
        }
        expect(computeOfferChanges(STUDY_BOOK_DISCOUNT, changed)).toEqual([term])
      }),
    )
  })
})
