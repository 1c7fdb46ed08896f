import { type ExamNumber, examPrefix } from './exam-number.js'
import type { Instant } from './instant.js'

/** The offer whose codes a beta invitation wave hands out. */
export const INVITATION_OFFER_ID = 'beta-invitation'
/** The offer whose codes reward a sitting of a beta exam once results are released. */
export const BETA_REWARD_OFFER_ID = 'beta-reward'

export const PRICE_CLASSES = ['regular', 'discounted', 'academic'] as const
export type PriceClass = (typeof PRICE_CLASSES)[number]

/** How whoever pays may pay; `free` is recorded by examdesk itself when nothing is due. */
export const PAYABLE_METHODS = ['card', 'company-voucher', 'invoice'] as const
export const PAYMENT_METHODS = [...PAYABLE_METHODS, 'free'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]

/** An exam as an offer sees it: what it is, and how it is priced. */
export interface PricedExam {
  readonly number: ExamNumber
  readonly title: string
  readonly family: string
  readonly priceClass: PriceClass
}

/**
 * Which exams an offer covers. An exam is covered when it matches one of the
 * families, prefixes or numbers (or all three lists are empty) and its price
 * class is listed (or the list is empty).
 */
export interface ExamScope {
  readonly families: readonly string[]
  readonly prefixes: readonly string[]
  readonly numbers: readonly ExamNumber[]
  readonly priceClasses: readonly PriceClass[]
}

/** What a code gives. */
export type Benefit =
  /**
   * The first attempt is paid as usual; if it fails, the same code books one
   * free retake of the same exam. `exams` is how many different exams one
   * code covers (an exam pack: one retake for each exam in the pack).
   */
  | { readonly kind: 'free-retake'; readonly exams: number }
  /** A percentage off the list price (a study-book discount, a partner offer). */
  | { readonly kind: 'percent-off'; readonly percent: number }
  /** The whole exam at no charge (a beta invitation's promotion code, a participant's reward). */
  | { readonly kind: 'free-exam' }

/**
 * What a passed first attempt turns a free-retake code into, in the years
 * that had it: a percentage off one more exam, booked before a date, with the
 * same code, for passes within a window. It never includes a free retake.
 */
export interface AfterPassDiscount {
  readonly percent: number
  /** Passes in [passedFrom, passedUntil) qualify. */
  readonly passedFrom: Instant
  readonly passedUntil: Instant
  /** The discounted exam must be booked before this instant. */
  readonly bookBefore: Instant
}

/**
 * One version of an offer, in force from `effectiveFrom` until the next
 * version of the same offer. A voucher keeps the version it was issued
 * under, so changing an offer never changes codes already in hand.
 */
export interface OfferVersion {
  readonly offerId: string
  readonly version: number
  readonly name: string
  readonly effectiveFrom: Instant
  /** Candidates may enrol themselves (and get a code by mail) in [opensAt, closesAt); null: codes are only issued by staff. */
  readonly enrolment: { readonly opensAt: Instant; readonly closesAt: Instant } | null
  /** Every attempt booked with a code must take place before this instant; null: no fixed date. */
  readonly useBefore: Instant | null
  /** Or a code is good for this many days from its issue (whichever ends first). */
  readonly validDays: number | null
  readonly exams: ExamScope
  /** Providers that deliver the offer; empty: every provider. */
  readonly providers: readonly string[]
  /** Payment methods the offer accepts for what remains to pay; empty: every method. */
  readonly paymentMethods: readonly PaymentMethod[]
  /** May the code be used together with other codes on one registration? */
  readonly combinable: boolean
  readonly benefit: Benefit
  readonly afterPass: AfterPassDiscount | null
  /**
   * How many registrations one code may pay for (`percent-off` and
   * `free-exam`): 1 for a single-use code, null for no limit. A free-retake
   * code is bounded by its benefit instead.
   */
  readonly usesPerCode: number | null
  /** Does cancelling a registration (within the provider's window) give the code's use back? */
  readonly returnOnCancel: boolean
}

export function coversExam(scope: ExamScope, exam: PricedExam): boolean {
  const anyListed = scope.families.length + scope.prefixes.length + scope.numbers.length > 0
  const listed =
    !anyListed ||
    scope.families.includes(exam.family) ||
    scope.prefixes.includes(examPrefix(exam.number)) ||
    scope.numbers.includes(exam.number)
  return listed && (scope.priceClasses.length === 0 || scope.priceClasses.includes(exam.priceClass))
}

/** The version of `offerId` in force at `at`, or null when none is yet. */
export function findOfferInForce(
  versions: readonly OfferVersion[],
  offerId: string,
  at: Instant,
): OfferVersion | null {
  let inForce: OfferVersion | null = null
  for (const version of versions) {
    if (version.offerId !== offerId || version.effectiveFrom > at) continue
    if (!inForce || version.effectiveFrom > inForce.effectiveFrom) inForce = version
  }
  return inForce
}

/** The instant a code issued at `issuedAt` under `offer` stops being usable, or null when never. */
export function voucherExpiry(offer: OfferVersion, issuedAt: Instant): Instant | null {
  const byDays = offer.validDays === null ? null : issuedAt + offer.validDays * 86_400_000
  if (byDays === null) return offer.useBefore
  if (offer.useBefore === null) return byDays
  return Math.min(byDays, offer.useBefore)
}

/** A sentence naming what the scope covers, for refusals and the offer's page. */
export function describeScope(scope: ExamScope): string {
  const parts = [
    ...scope.families.map((family) => `${family} exams`),
    ...scope.prefixes.map((prefix) => `exams numbered ${prefix}-…`),
    ...scope.numbers,
  ]
  const what = parts.length === 0 ? 'every exam' : parts.join(', ')
  return scope.priceClasses.length === 0
    ? what
    : `${what} at ${scope.priceClasses.join(' or ')} price`
}

/** Why the offer refuses `method` for what remains to pay, or null when it accepts it. */
export function refusePaymentMethod(offer: OfferVersion, method: PaymentMethod): string | null {
  if (offer.paymentMethods.length === 0 || offer.paymentMethods.includes(method)) return null
  return `${offer.name} can be paid only by ${offer.paymentMethods.join(' or ')}, not by ${method}.`
}

/**
 * Does cancelling give a code's use back at `now`? Where the offer says so,
 * and only while the code has not expired.
 */
export function returnsOnCancel(
  offer: OfferVersion,
  expiresAt: Instant | null,
  now: Instant,
): boolean {
  return offer.returnOnCancel && (expiresAt === null || now < expiresAt)
}
