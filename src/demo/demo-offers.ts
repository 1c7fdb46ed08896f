import {
  BETA_REWARD_OFFER_ID,
  type ExamScope,
  INVITATION_OFFER_ID,
  type OfferVersion,
} from '../domain/offer.js'

const utc = (text: string) => Date.parse(`${text}T00:00:00Z`)

const scope = (parts: Partial<ExamScope>): ExamScope => ({
  families: [],
  prefixes: [],
  numbers: [],
  priceClasses: [],
  ...parts,
})

/**
 * The free-retake offer ("Second Shot") in the versions the sources describe,
 * one version per year, and one for the present so that the demo can enrol
 * today. Where a source leaves a date unsaid, the reading is in
 * docs/vouchers.md.
 */
export const SECOND_SHOT_VERSIONS: readonly OfferVersion[] = [
  {
    // 2008: any 70-xxx exam (not academic 72-xxx), Prometric only, card only;
    // a pass between 15 Oct and 31 Dec 2008 earned 25 % off one more exam
    // booked until 28 Feb 2009, with the same code.
    offerId: 'second-shot',
    version: 1,
    name: 'Second Shot 2008',
    effectiveFrom: utc('2008-09-15'),
    enrolment: { opensAt: utc('2008-09-15'), closesAt: utc('2009-01-01') },
    useBefore: utc('2009-07-01'),
    validDays: null,
    exams: scope({ prefixes: ['070'] }),
    providers: ['prometric'],
    paymentMethods: ['card'],
    combinable: false,
    benefit: { kind: 'free-retake', exams: 1 },
    afterPass: {
      percent: 25,
      passedFrom: utc('2008-10-15'),
      passedUntil: utc('2009-01-01'),
      bookBefore: utc('2009-03-01'),
    },
    usesPerCode: null,
    returnOnCancel: true,
  },
  {
    // The academic year: 072/073 academic exams and 098 MTA exams, at any
    // provider and by any payment; no after-pass discount.
    offerId: 'second-shot',
    version: 2,
    name: 'Second Shot academic 2012',
    effectiveFrom: utc('2012-07-01'),
    enrolment: { opensAt: utc('2012-07-01'), closesAt: utc('2013-07-01') },
    useBefore: utc('2013-07-01'),
    validDays: null,
    exams: scope({ prefixes: ['072', '073', '098'] }),
    providers: [],
    paymentMethods: [],
    combinable: false,
    benefit: { kind: 'free-retake', exams: 1 },
    afterPass: null,
    usesPerCode: null,
    returnOnCancel: true,
  },
  {
    // 2014: regular-priced 070/071 exams and 098 MTA exams, at Prometric,
    // until 31 May 2014 for both attempts.
    offerId: 'second-shot',
    version: 3,
    name: 'Second Shot 2014',
    effectiveFrom: utc('2013-10-01'),
    enrolment: { opensAt: utc('2013-10-01'), closesAt: utc('2014-06-01') },
    useBefore: utc('2014-06-01'),
    validDays: null,
    exams: scope({ prefixes: ['070', '071', '098'], priceClasses: ['regular'] }),
    providers: ['prometric'],
    paymentMethods: [],
    combinable: false,
    benefit: { kind: 'free-retake', exams: 1 },
    afterPass: null,
    usesPerCode: null,
    returnOnCancel: true,
  },
  {
    // Today's edition, so that a new user of the demo can enrol and book.
    offerId: 'second-shot',
    version: 4,
    name: 'Second Shot 2026',
    effectiveFrom: utc('2026-09-01'),
    enrolment: { opensAt: utc('2026-09-01'), closesAt: utc('2027-07-01') },
    useBefore: utc('2027-10-01'),
    validDays: null,
    exams: scope({ prefixes: ['070', '071', '098'], priceClasses: ['regular'] }),
    providers: [],
    paymentMethods: ['card', 'invoice'],
    combinable: false,
    benefit: { kind: 'free-retake', exams: 1 },
    afterPass: null,
    usesPerCode: null,
    returnOnCancel: true,
  },
]

/** The exam pack of the academic year: one free retake for each of three exams. */
export const SECOND_SHOT_PACK: OfferVersion = {
  ...SECOND_SHOT_VERSIONS[1]!,
  offerId: 'second-shot-pack',
  version: 1,
  name: 'Second Shot exam pack (3 exams)',
  benefit: { kind: 'free-retake', exams: 3 },
}

/** 15 % off for buyers of a self-paced study book: one use, combinable, any exam, a year from issue. */
export const STUDY_BOOK_DISCOUNT: OfferVersion = {
  offerId: 'study-book-15',
  version: 1,
  name: 'Study book 15 % discount',
  effectiveFrom: utc('2000-01-01'),
  enrolment: null,
  useBefore: null,
  validDays: 365,
  exams: scope({}),
  providers: [],
  paymentMethods: [],
  combinable: true,
  benefit: { kind: 'percent-off', percent: 15 },
  afterPass: null,
  usesPerCode: 1,
  returnOnCancel: true,
}

/** The promotion code a beta invitation carries: one beta exam at no charge, once. */
export const BETA_INVITATION: OfferVersion = {
  offerId: INVITATION_OFFER_ID,
  version: 1,
  name: 'Beta exam invitation',
  effectiveFrom: utc('2000-01-01'),
  enrolment: null,
  useBefore: null,
  validDays: 120,
  exams: scope({ families: ['beta'] }),
  providers: [],
  paymentMethods: [],
  combinable: false,
  benefit: { kind: 'free-exam' },
  afterPass: null,
  usesPerCode: 1,
  returnOnCancel: true,
}

/** A beta participant's reward: one live 070 exam at no charge, within a year. */
export const BETA_REWARD: OfferVersion = {
  offerId: BETA_REWARD_OFFER_ID,
  version: 1,
  name: 'Beta participant reward',
  effectiveFrom: utc('2000-01-01'),
  enrolment: null,
  useBefore: null,
  validDays: 365,
  exams: scope({ prefixes: ['070'] }),
  providers: [],
  paymentMethods: [],
  combinable: false,
  benefit: { kind: 'free-exam' },
  afterPass: null,
  usesPerCode: 1,
  returnOnCancel: true,
}

export const DEMO_OFFERS: readonly OfferVersion[] = [
  ...SECOND_SHOT_VERSIONS,
  SECOND_SHOT_PACK,
  STUDY_BOOK_DISCOUNT,
  BETA_INVITATION,
  BETA_REWARD,
]
