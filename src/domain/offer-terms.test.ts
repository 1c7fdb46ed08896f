import { describe, expect, it } from 'vitest'
import type { OfferVersion } from './offer.js'
import {
  type OfferTermsProblem,
  type OfferVersionInput,
  parseOfferTerms,
  refuseNextVersion,
} from './offer-terms.js'

const NOW = Date.parse('2026-06-01T12:00:00Z')
const base: OfferVersionInput = {
  offerId: 'partner-10',
  version: 1,
  name: 'Partner 10 % discount',
  benefit: { kind: 'percent-off', percent: 10 },
}

function problemsOf(input: Partial<OfferVersionInput>): readonly OfferTermsProblem[] {
  const parsed = parseOfferTerms({ ...base, ...input }, NOW)
  return parsed.ok ? [] : parsed.problems
}

/** The first problem's code and field, as the caller is answered. */
function firstProblem(input: Partial<OfferVersionInput>) {
  const [first] = problemsOf(input)
  return first && { code: first.code, field: first.facts.field }
}

describe('parseOfferTerms', () => {
  it('reads the fewest terms with their defaults', () => {
    expect(parseOfferTerms(base, NOW)).toEqual({
      ok: true,
      offer: {
        offerId: 'partner-10',
        version: 1,
        name: 'Partner 10 % discount',
        effectiveFrom: NOW,
        enrolment: null,
        useBefore: null,
        validDays: null,
        exams: { families: [], prefixes: [], numbers: [], priceClasses: [] },
        providers: [],
        paymentMethods: [],
        combinable: false,
        benefit: { kind: 'percent-off', percent: 10 },
        afterPass: null,
        usesPerCode: 1,
        returnOnCancel: true,
      },
    })
  })

  it('reads every term, padding prefixes, spelling exam numbers one way and dropping repeats', () => {
    const parsed = parseOfferTerms(
      {
        offerId: 'second-shot',
        version: 2,
        name: '  Second Shot  ',
        effectiveFrom: '2026-07-01T00:00:00Z',
        enrolment: { opensAt: '2026-07-01T00:00:00Z', closesAt: '2026-12-01T00:00:00Z' },
        useBefore: '2027-06-01T00:00:00Z',
        validDays: 365,
        exams: {
          families: ['microsoft', 'microsoft'],
          prefixes: ['70', '070', '098'],
          numbers: ['70-620', '070-620'],
          priceClasses: ['regular'],
        },
        providers: ['pearson'],
        paymentMethods: ['card', 'card'],
        combinable: true,
        benefit: { kind: 'free-retake', exams: 2 },
        afterPass: {
          percent: 25,
          passedFrom: '2026-07-01T00:00:00Z',
          passedUntil: '2027-01-01T00:00:00Z',
          bookBefore: '2027-03-01T00:00:00Z',
        },
        returnOnCancel: false,
      },
      NOW,
    )
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.offer).toMatchObject({
      name: 'Second Shot',
      effectiveFrom: Date.parse('2026-07-01T00:00:00Z'),
      validDays: 365,
      exams: {
        families: ['microsoft'],
        prefixes: ['070', '098'],
        numbers: ['070-620'],
        priceClasses: ['regular'],
      },
      paymentMethods: ['card'],
      benefit: { kind: 'free-retake', exams: 2 },
      afterPass: { percent: 25 },
      usesPerCode: null,
      returnOnCancel: false,
    })
  })

  it.each<[string, Partial<OfferVersionInput>, OfferTermsProblem['code'], string]>([
    ['an offer id with capitals', { offerId: 'Partner' }, 'VALIDATION_FAILED', 'offerId'],
    ['version 0', { version: 0 }, 'VALIDATION_FAILED', 'version'],
    ['a blank name', { name: '   ' }, 'VALIDATION_FAILED', 'name'],
    ['a date that is not one', { effectiveFrom: 'soon' }, 'INSTANT_INVALID', 'effectiveFrom'],
    [
      'a five-digit year',
      { effectiveFrom: '+10000-01-01T00:00:00Z' },
      'INSTANT_INVALID',
      'effectiveFrom',
    ],
    [
      'a version taking effect in the past',
      { effectiveFrom: '2026-05-01T00:00:00Z' },
      'OFFER_TERMS_INVALID',
      'effectiveFrom',
    ],
    [
      'an enrolment closing before it opens',
      { enrolment: { opensAt: '2026-08-01T00:00:00Z', closesAt: '2026-07-01T00:00:00Z' } },
      'OFFER_TERMS_INVALID',
      'enrolment.closesAt',
    ],
    [
      'a use-before date before the version takes effect',
      { useBefore: '2026-06-01T12:00:00Z' },
      'OFFER_TERMS_INVALID',
      'useBefore',
    ],
    [
      'a use-before date before enrolment closes',
      {
        enrolment: { opensAt: '2026-07-01T00:00:00Z', closesAt: '2026-12-01T00:00:00Z' },
        useBefore: '2026-11-01T00:00:00Z',
      },
      'OFFER_TERMS_INVALID',
      'useBefore',
    ],
    ['no valid days', { validDays: 0 }, 'VALIDATION_FAILED', 'validDays'],
    ['an unknown benefit', { benefit: { kind: 'cashback' } }, 'VALIDATION_FAILED', 'benefit.kind'],
    [
      'a percent on a free exam',
      { benefit: { kind: 'free-exam', percent: 10 } },
      'OFFER_TERMS_INVALID',
      'benefit.percent',
    ],
    [
      'a number of exams on a discount',
      { benefit: { kind: 'percent-off', percent: 10, exams: 2 } },
      'OFFER_TERMS_INVALID',
      'benefit.exams',
    ],
    [
      'a discount without its percent',
      { benefit: { kind: 'percent-off' } },
      'VALIDATION_FAILED',
      'benefit.percent',
    ],
    [
      'a discount of 101 %',
      { benefit: { kind: 'percent-off', percent: 101 } },
      'VALIDATION_FAILED',
      'benefit.percent',
    ],
    [
      'an exam pack too large',
      { benefit: { kind: 'free-retake', exams: 101 } },
      'VALIDATION_FAILED',
      'benefit.exams',
    ],
    [
      'an after-pass discount on a discount offer',
      {
        afterPass: {
          percent: 10,
          passedFrom: '2026-07-01T00:00:00Z',
          passedUntil: '2026-08-01T00:00:00Z',
          bookBefore: '2026-09-01T00:00:00Z',
        },
      },
      'OFFER_TERMS_INVALID',
      'afterPass',
    ],
    [
      'an after-pass window ending before it starts',
      {
        benefit: { kind: 'free-retake' },
        afterPass: {
          percent: 10,
          passedFrom: '2026-08-01T00:00:00Z',
          passedUntil: '2026-07-01T00:00:00Z',
          bookBefore: '2026-09-01T00:00:00Z',
        },
      },
      'OFFER_TERMS_INVALID',
      'afterPass.passedUntil',
    ],
    [
      'an after-pass booking date before the window ends',
      {
        benefit: { kind: 'free-retake' },
        afterPass: {
          percent: 10,
          passedFrom: '2026-07-01T00:00:00Z',
          passedUntil: '2026-08-01T00:00:00Z',
          bookBefore: '2026-07-15T00:00:00Z',
        },
      },
      'OFFER_TERMS_INVALID',
      'afterPass.bookBefore',
    ],
    [
      'a use limit on a free retake',
      { benefit: { kind: 'free-retake' }, usesPerCode: 3 },
      'OFFER_TERMS_INVALID',
      'usesPerCode',
    ],
    ['no uses per code', { usesPerCode: 0 }, 'VALIDATION_FAILED', 'usesPerCode'],
    [
      'a prefix of letters',
      { exams: { prefixes: ['7a'] } },
      'VALIDATION_FAILED',
      'exams.prefixes.0',
    ],
    [
      'an exam number misspelt',
      { exams: { numbers: ['70-620', 'seventy'] } },
      'EXAM_NUMBER_MALFORMED',
      'exams.numbers.1',
    ],
    [
      'an unknown price class',
      { exams: { priceClasses: ['cheap'] } },
      'VALIDATION_FAILED',
      'exams.priceClasses.0',
    ],
    [
      'an unknown payment method',
      { paymentMethods: ['card', 'cash'] },
      'VALIDATION_FAILED',
      'paymentMethods.1',
    ],
  ])('refuses %s', (_, input, code, field) => {
    expect(firstProblem(input)).toEqual({ code, field })
  })

  it('states the facts of each problem', () => {
    expect(problemsOf({ effectiveFrom: 'soon' })).toEqual([
      { code: 'INSTANT_INVALID', facts: { field: 'effectiveFrom', value: 'soon' } },
    ])
    expect(problemsOf({ validDays: 0 })).toEqual([
      {
        code: 'VALIDATION_FAILED',
        facts: { field: 'validDays', problem: 'must be a whole number from 1 to 3660' },
      },
    ])
  })

  it('lists every problem found, in the order of the terms', () => {
    const problems = problemsOf({
      offerId: 'Partner',
      validDays: 0,
      paymentMethods: ['cash'],
    })
    expect(problems.map((problem) => problem.facts.field)).toEqual([
      'offerId',
      'validDays',
      'paymentMethods.0',
    ])
  })

  it('does not judge a term against another found wrong', () => {
    expect(problemsOf({ effectiveFrom: 'soon', useBefore: '2026-01-01T00:00:00Z' })).toEqual([
      { code: 'INSTANT_INVALID', facts: { field: 'effectiveFrom', value: 'soon' } },
    ])
  })
})

describe('refuseNextVersion', () => {
  const version = (number: number, effectiveFrom: number): OfferVersion => {
    const parsed = parseOfferTerms({ ...base, version: number }, effectiveFrom)
    if (!parsed.ok) throw new Error('the base terms are valid')
    return parsed.offer
  }

  it('accepts version 1 of a new offer and the next version after the latest', () => {
    expect(refuseNextVersion(version(1, NOW), [])).toBeNull()
    expect(refuseNextVersion(version(2, NOW + 1), [version(1, NOW)])).toBeNull()
  })

  it('refuses a version already taken', () => {
    expect(refuseNextVersion(version(1, NOW + 1), [version(1, NOW)])).toEqual({
      code: 'OFFER_VERSION_EXISTS',
      facts: { field: 'version', offerId: 'partner-10', version: 1 },
    })
  })

  it('refuses a version that skips one', () => {
    expect(refuseNextVersion(version(3, NOW + 1), [version(1, NOW)])).toEqual({
      code: 'OFFER_TERMS_INVALID',
      facts: { field: 'version', problem: 'must be 2, the next version of partner-10' },
    })
    expect(refuseNextVersion(version(2, NOW), [])).toEqual({
      code: 'OFFER_TERMS_INVALID',
      facts: { field: 'version', problem: 'must be 1: partner-10 is a new offer' },
    })
  })

  it('refuses a version taking effect no later than the one before', () => {
    expect(refuseNextVersion(version(2, NOW), [version(1, NOW)])).toEqual({
      code: 'OFFER_TERMS_INVALID',
      facts: {
        field: 'effectiveFrom',
        problem:
          'must be after 2026-06-01T12:00:00.000Z, when an earlier version of partner-10 takes effect',
      },
    })
  })
})
