import type { ExamNumber } from './exam-number.js'
import { formatInZone, type Instant } from './instant.js'
import {
  coversExam,
  describeScope,
  type PaymentMethod,
  type PricedExam,
  refusePaymentMethod,
} from './offer.js'
import {
  openAfterPassDiscount,
  openFreeRetakes,
  type Voucher,
  type VoucherUse,
  type VoucherUseKind,
} from './voucher.js'

export const VOUCHER_REFUSALS = [
  'CODE_VOIDED',
  'CODE_EXPIRED',
  'CODE_ALREADY_USED',
  'CODE_NOT_COMBINABLE',
  'EXAM_NOT_COVERED',
  'PROVIDER_NOT_COVERED',
  'PAYMENT_METHOD_NOT_ACCEPTED',
  'RETAKE_OF_OTHER_EXAM',
] as const
export type VoucherRefusal = (typeof VOUCHER_REFUSALS)[number]

/** What a code does to the price: nothing (the paid first attempt of a free-retake code), a percentage, or all of it. */
export type PriceEffect =
  | { readonly kind: 'none' }
  | { readonly kind: 'percent-off'; readonly percent: number }
  | { readonly kind: 'free' }

/** A registration as a code would see it, before it is made. */
export interface ProposedBooking {
  readonly candidateId: string
  readonly exam: PricedExam
  readonly provider: string
  readonly startsAt: Instant
  readonly now: Instant
  /** How the rest would be paid, when known; a code that leaves nothing to pay ignores it. */
  readonly paymentMethod: PaymentMethod | null
  /** The other codes on the same registration. */
  readonly otherCodes: readonly { readonly offerName: string; readonly combinable: boolean }[]
  /**
   * When the retake policy would next allow this exam if this sitting failed
   * (null: never under the current data). Only a first attempt with a
   * free-retake code needs it.
   */
  readonly retakeIfFailedAt: Instant | null
  /** The candidate's zone, to show instants in. */
  readonly timeZone: string
}

export type VoucherVerdict =
  | { readonly accepted: false; readonly code: VoucherRefusal; readonly reason: string }
  | {
      readonly accepted: true
      readonly use: VoucherUseKind
      readonly effect: PriceEffect
      /** What the code does now, in a sentence. */
      readonly does: string
      /** What it still holds afterwards. */
      readonly keeps: readonly string[]
      /** What using it this way gives up; a registration must acknowledge these. */
      readonly loses: readonly string[]
    }

/**
 * Judges one code for one proposed registration: whether its offer's terms
 * allow it, what it takes off the price, what it keeps for later and what
 * it would cost. The same verdict serves the preview and the registration,
 * so that what a candidate is shown is what then happens.
 */
export function decideVoucher(voucher: Voucher, booking: ProposedBooking): VoucherVerdict {
  const { offer } = voucher
  const at = (instant: Instant) => formatInZone(instant, booking.timeZone)

  if (voucher.voidedAt != null) {
    return refuse(
      'CODE_VOIDED',
      `This code was withdrawn at ${at(voucher.voidedAt)}, before its invitation opened, and no longer works.`,
    )
  }
  if (voucher.expiresAt !== null && booking.now >= voucher.expiresAt) {
    return refuse('CODE_EXPIRED', `This code expired at ${at(voucher.expiresAt)}.`)
  }
  if (offer.providers.length > 0 && !offer.providers.includes(booking.provider)) {
    return refuse(
      'PROVIDER_NOT_COVERED',
      `${offer.name} is delivered only by ${offer.providers.join(' or ')}: choose a seat at ${offer.providers.length > 1 ? 'one of them' : 'that provider'}.`,
    )
  }
  const notCombinable = booking.otherCodes.find((other) => !offer.combinable || !other.combinable)
  if (notCombinable) {
    return refuse(
      'CODE_NOT_COMBINABLE',
      offer.combinable
        ? `${notCombinable.offerName} cannot be combined with other codes, so it cannot be used with ${offer.name}.`
        : `${offer.name} cannot be combined with any other offer or code, such as ${notCombinable.offerName}.`,
    )
  }
  const expiresAt = voucher.expiresAt
  const beforeExpiry = (what: string): VoucherVerdict | null =>
    expiresAt !== null && booking.startsAt >= expiresAt
      ? refuse(
          'CODE_EXPIRED',
          `${what} must take place before ${at(expiresAt)}, when this code expires; this seat is at ${at(booking.startsAt)}.`,
        )
      : null

  const verdict = decideUse(voucher, booking, at, beforeExpiry)
  if (!verdict.accepted || verdict.effect.kind === 'free') return verdict
  const methodRefused =
    booking.paymentMethod === null ? null : refusePaymentMethod(offer, booking.paymentMethod)
  if (methodRefused) return refuse('PAYMENT_METHOD_NOT_ACCEPTED', methodRefused)
  return verdict
}

function decideUse(
  voucher: Voucher,
  booking: ProposedBooking,
  at: (instant: Instant) => string,
  beforeExpiry: (what: string) => VoucherVerdict | null,
): VoucherVerdict {
  const { offer } = voucher
  const exam = booking.exam.number
  const benefit = offer.benefit
  const covered = coversExam(offer.exams, booking.exam)
  const notCovered = () =>
    refuse(
      'EXAM_NOT_COVERED',
      `${offer.name} covers ${describeScope(offer.exams)}; ${exam} is not one of them.`,
    )

  if (benefit.kind !== 'free-retake') {
    if (!covered) return notCovered()
    const late = beforeExpiry('An exam booked with this code')
    if (late) return late
    const limit = offer.usesPerCode
    const taken = voucher.usesTaken ?? voucher.uses.length
    if (limit !== null && taken >= limit) {
      return refuse(
        'CODE_ALREADY_USED',
        limit > 1 && voucher.uses.length === 0
          ? `All ${limit} uses of this code are taken.`
          : usedUpSentence(voucher.uses, at),
      )
    }
    const left = limit === null ? null : limit - taken - 1
    const keeps =
      left === null
        ? [
            `The code stays usable${voucher.expiresAt === null ? '' : ` until ${at(voucher.expiresAt)}`}.`,
          ]
        : left > 0
          ? [`${left} more use${left === 1 ? '' : 's'} of this code remain.`]
          : []
    return benefit.kind === 'percent-off'
      ? accept(
          'percent-off',
          { kind: 'percent-off', percent: benefit.percent },
          `${benefit.percent} % off ${exam}.`,
          keeps,
          [],
        )
      : accept('free-exam', { kind: 'free' }, `${exam} at no charge.`, keeps, [])
  }

  const now = booking.now
  const retakes = openFreeRetakes(voucher, now)
  const retake = retakes.find((use) => use.exam === exam)
  const elsewhere = retakes.filter((use) => use.exam !== exam)
  const keepsElsewhere = elsewhere.map((use) => keepsRetakeSentence(use.exam, voucher, at))

  if (retake) {
    const late = beforeExpiry(`The free retake of ${exam}`)
    if (late) return late
    return accept(
      'free-retake',
      { kind: 'free' },
      `The free retake of ${exam}, after the attempt of ${at(retake.takenAt ?? retake.startsAt)}: nothing to pay.`,
      keepsElsewhere,
      [],
    )
  }

  const afterPass = openAfterPassDiscount(voucher, now)
  const firstOfExam = voucher.uses.find((use) => use.kind === 'first-attempt' && use.exam === exam)
  const examsUsed = new Set(
    voucher.uses.filter((use) => use.kind === 'first-attempt').map((use) => use.exam),
  ).size

  if (!firstOfExam && examsUsed < benefit.exams && covered) {
    const late = beforeExpiry(`The first attempt of ${exam}, and its retake,`)
    if (late) return late
    const keeps = [...keepsElsewhere]
    const loses: string[] = []
    const expiry = voucher.expiresAt
    if (
      expiry !== null &&
      (booking.retakeIfFailedAt === null || booking.retakeIfFailedAt >= expiry)
    ) {
      loses.push(
        booking.retakeIfFailedAt === null
          ? `If this attempt fails, the retake policy allows no retake of ${exam} before this code expires at ${at(expiry)}: the free retake would be lost.`
          : `If this attempt fails, the retake policy allows a retake of ${exam} only from ${at(booking.retakeIfFailedAt)}, after this code expires at ${at(expiry)}: the free retake would be lost.`,
      )
    } else {
      keeps.push(
        `If this attempt fails, the same code books one free retake of ${exam}${expiry === null ? '' : `, to be taken before ${at(expiry)}`}.`,
      )
    }
    if (offer.afterPass && booking.startsAt < offer.afterPass.passedUntil) {
      keeps.push(
        `If you pass before ${at(offer.afterPass.passedUntil)}, the same code gives ${offer.afterPass.percent} % off one more exam booked before ${at(offer.afterPass.bookBefore)} (that discount includes no free retake).`,
      )
    }
    const left = benefit.exams - examsUsed - 1
    if (left > 0)
      keeps.push(`The code covers ${left} more exam${left === 1 ? '' : 's'} of the pack.`)
    return accept(
      'first-attempt',
      { kind: 'none' },
      `Books the first attempt of ${exam} at the full price; the code's free retake is kept for it.`,
      keeps,
      loses,
    )
  }

  if (afterPass) {
    const late = beforeExpiry(`The discounted exam`)
    if (late) return late
    return accept(
      'after-pass-discount',
      { kind: 'percent-off', percent: offer.afterPass?.percent ?? 0 },
      `${offer.afterPass?.percent} % off ${exam}, earned by passing ${afterPass.exam}. This discount includes no free retake: the code is then used up.`,
      keepsElsewhere,
      [],
    )
  }
  if (elsewhere.length > 0) {
    return refuse(
      'RETAKE_OF_OTHER_EXAM',
      `This code's free retake is for ${elsewhere.map((use) => use.exam).join(' and ')} only; it cannot pay for ${exam}.`,
    )
  }
  if (firstOfExam) return refuse('CODE_ALREADY_USED', sameExamSentence(voucher, firstOfExam, at))
  if (!covered) return notCovered()
  return refuse('CODE_ALREADY_USED', usedUpSentence(voucher.uses, at))
}

function keepsRetakeSentence(
  exam: ExamNumber,
  voucher: Voucher,
  at: (instant: Instant) => string,
): string {
  return `Keeps your free retake of ${exam}${voucher.expiresAt === null ? '' : ` until ${at(voucher.expiresAt)}`}.`
}

function sameExamSentence(
  voucher: Voucher,
  first: VoucherUse,
  at: (instant: Instant) => string,
): string {
  const retake = voucher.uses.find(
    (use) => use.exam === first.exam && (use.kind === 'free-retake' || use.kind === 'forfeited'),
  )
  if (retake?.kind === 'free-retake') {
    return `The free retake of ${first.exam} was booked with this code for ${at(retake.startsAt)}.`
  }
  if (retake?.kind === 'forfeited') {
    return `The free retake of ${first.exam} was given up when its retake for ${at(retake.startsAt)} was booked without this code.`
  }
  switch (first.state) {
    case 'booked':
      return `This code already books ${first.exam} for ${at(first.startsAt)}; its free retake becomes available only if that attempt fails.`
    case 'awaiting-result':
      return `The attempt of ${first.exam} booked with this code awaits its result; the free retake becomes available only if it fails.`
    case 'passed':
      return `${first.exam} was passed with this code; a pass does not turn the free retake into another exam.`
    case 'not-sat':
      return `This code was spent on ${first.exam} for ${at(first.startsAt)}, which was not sat.`
    default:
      return `This code was used for ${first.exam}.`
  }
}

function usedUpSentence(uses: readonly VoucherUse[], at: (instant: Instant) => string): string {
  const last = uses[uses.length - 1]
  return last
    ? `This code was already used, for ${last.exam} at ${at(last.startsAt)}.`
    : 'This code was already used.'
}

function refuse(code: VoucherRefusal, reason: string): VoucherVerdict {
  return { accepted: false, code, reason }
}

function accept(
  use: VoucherUseKind,
  effect: PriceEffect,
  does: string,
  keeps: readonly string[],
  loses: readonly string[],
): VoucherVerdict {
  return { accepted: true, use, effect, does, keeps, loses }
}

/**
 * Whether a use of a code survives moving its registration to another
 * seat: the offer's providers and the code's expiry still hold there.
 */
export function decideMovedUse(
  voucher: Pick<Voucher, 'offer' | 'expiresAt'>,
  provider: string,
  startsAt: Instant,
  timeZone: string,
): Extract<VoucherVerdict, { accepted: false }> | null {
  const { offer, expiresAt } = voucher
  if (offer.providers.length > 0 && !offer.providers.includes(provider)) {
    return {
      accepted: false,
      code: 'PROVIDER_NOT_COVERED',
      reason: `This registration was booked with ${offer.name}, delivered only by ${offer.providers.join(' or ')}: choose a new seat there.`,
    }
  }
  if (expiresAt !== null && startsAt >= expiresAt) {
    return {
      accepted: false,
      code: 'CODE_EXPIRED',
      reason: `This registration was booked with ${offer.name}, whose code must be used before ${formatInZone(expiresAt, timeZone)}; choose an earlier seat.`,
    }
  }
  return null
}
