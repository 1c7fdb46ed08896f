import {
  type CodeSentence,
  codeSentence,
  codeSentenceInEnglish,
  type SeatUse,
} from './code-sentences.js'
import type { ExamNumber } from './exam-number.js'
import type { Instant } from './instant.js'
import { coversExam, type PaymentMethod, type PricedExam, refusePaymentMethod } from './offer.js'
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
  | {
      readonly accepted: false
      readonly code: VoucherRefusal
      readonly reason: string
      /** The reason as a code and its facts, to be said in the reader's language. */
      readonly sentence: CodeSentence
    }
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
      /** The same three, as codes and their facts. */
      readonly sentences: VerdictSentences
    }

/** What an accepted code does, keeps and gives up, each as a code and its facts. */
export interface VerdictSentences {
  readonly does: CodeSentence
  readonly keeps: readonly CodeSentence[]
  readonly loses: readonly CodeSentence[]
}

/** Turns sentences into the verdict, with their English text. */
interface Verdicts {
  refuse(code: VoucherRefusal, sentence: CodeSentence): Extract<VoucherVerdict, { accepted: false }>
  accept(
    use: VoucherUseKind,
    effect: PriceEffect,
    sentences: VerdictSentences,
  ): Extract<VoucherVerdict, { accepted: true }>
}

function verdictsIn(timeZone: string): Verdicts {
  const say = (sentence: CodeSentence) => codeSentenceInEnglish(sentence, timeZone)
  return {
    refuse: (code, sentence) => ({ accepted: false, code, reason: say(sentence), sentence }),
    accept: (use, effect, sentences) => ({
      accepted: true,
      use,
      effect,
      does: say(sentences.does),
      keeps: sentences.keeps.map(say),
      loses: sentences.loses.map(say),
      sentences,
    }),
  }
}

/**
 * Judges one code for one proposed registration: whether its offer's terms
 * allow it, what it takes off the price, what it keeps for later and what
 * it would cost. The same verdict serves the preview and the registration,
 * so that what a candidate is shown is what then happens.
 */
export function decideVoucher(voucher: Voucher, booking: ProposedBooking): VoucherVerdict {
  const { offer } = voucher
  const { refuse } = verdictsIn(booking.timeZone)

  if (voucher.voidedAt != null) {
    return refuse('CODE_VOIDED', codeSentence('CODE_WITHDRAWN', { withdrawnAt: voucher.voidedAt }))
  }
  if (voucher.expiresAt !== null && booking.now >= voucher.expiresAt) {
    return refuse('CODE_EXPIRED', codeSentence('CODE_EXPIRED', { expiresAt: voucher.expiresAt }))
  }
  if (offer.providers.length > 0 && !offer.providers.includes(booking.provider)) {
    return refuse(
      'PROVIDER_NOT_COVERED',
      codeSentence('PROVIDERS_ONLY', { offer: offer.name, providers: offer.providers }),
    )
  }
  const notCombinable = booking.otherCodes.find((other) => !offer.combinable || !other.combinable)
  if (notCombinable) {
    const names = { offer: offer.name, other: notCombinable.offerName }
    return refuse(
      'CODE_NOT_COMBINABLE',
      offer.combinable
        ? codeSentence('OTHER_CODE_NOT_COMBINABLE', names)
        : codeSentence('OFFER_NOT_COMBINABLE', names),
    )
  }
  const expiresAt = voucher.expiresAt
  const beforeExpiry = (use: SeatUse): VoucherVerdict | null =>
    expiresAt !== null && booking.startsAt >= expiresAt
      ? refuse(
          'CODE_EXPIRED',
          codeSentence('SEAT_AFTER_EXPIRY', {
            use,
            exam: booking.exam.number,
            expiresAt,
            startsAt: booking.startsAt,
          }),
        )
      : null

  const verdict = decideUse(voucher, booking, beforeExpiry)
  if (!verdict.accepted || verdict.effect.kind === 'free') return verdict
  const methodRefused =
    booking.paymentMethod === null ? null : refusePaymentMethod(offer, booking.paymentMethod)
  if (methodRefused) {
    return refuse(
      'PAYMENT_METHOD_NOT_ACCEPTED',
      codeSentence('PAYMENT_METHODS_ONLY', {
        offer: offer.name,
        methods: offer.paymentMethods,
        method: booking.paymentMethod ?? '',
      }),
    )
  }
  return verdict
}

function decideUse(
  voucher: Voucher,
  booking: ProposedBooking,
  beforeExpiry: (use: SeatUse) => VoucherVerdict | null,
): VoucherVerdict {
  const { refuse, accept } = verdictsIn(booking.timeZone)
  const { offer } = voucher
  const exam = booking.exam.number
  const benefit = offer.benefit
  const covered = coversExam(offer.exams, booking.exam)
  const notCovered = () =>
    refuse(
      'EXAM_NOT_COVERED',
      codeSentence('EXAM_NOT_COVERED', {
        offer: offer.name,
        exam,
        families: offer.exams.families,
        prefixes: offer.exams.prefixes,
        numbers: offer.exams.numbers,
        priceClasses: offer.exams.priceClasses,
      }),
    )

  if (benefit.kind !== 'free-retake') {
    if (!covered) return notCovered()
    const late = beforeExpiry('exam')
    if (late) return late
    const limit = offer.usesPerCode
    const taken = voucher.usesTaken ?? voucher.uses.length
    if (limit !== null && taken >= limit) {
      return refuse(
        'CODE_ALREADY_USED',
        limit > 1 && voucher.uses.length === 0
          ? codeSentence('ALL_USES_TAKEN', { limit })
          : usedUpSentence(voucher.uses),
      )
    }
    const left = limit === null ? null : limit - taken - 1
    const keeps =
      left === null
        ? [
            voucher.expiresAt === null
              ? codeSentence('STAYS_USABLE', {})
              : codeSentence('STAYS_USABLE_UNTIL', { expiresAt: voucher.expiresAt }),
          ]
        : left > 0
          ? [codeSentence('USES_LEFT', { count: left })]
          : []
    return benefit.kind === 'percent-off'
      ? accept(
          'percent-off',
          { kind: 'percent-off', percent: benefit.percent },
          {
            does: codeSentence('PERCENT_OFF', { percent: benefit.percent, exam }),
            keeps,
            loses: [],
          },
        )
      : accept(
          'free-exam',
          { kind: 'free' },
          { does: codeSentence('FREE_EXAM', { exam }), keeps, loses: [] },
        )
  }

  const now = booking.now
  const retakes = openFreeRetakes(voucher, now)
  const retake = retakes.find((use) => use.exam === exam)
  const elsewhere = retakes.filter((use) => use.exam !== exam)
  const keepsElsewhere = elsewhere.map((use) => keepsRetakeSentence(use.exam, voucher))

  if (retake) {
    const late = beforeExpiry('free-retake')
    if (late) return late
    return accept(
      'free-retake',
      { kind: 'free' },
      {
        does: codeSentence('FREE_RETAKE', { exam, attemptAt: retake.takenAt ?? retake.startsAt }),
        keeps: keepsElsewhere,
        loses: [],
      },
    )
  }

  const afterPass = openAfterPassDiscount(voucher, now)
  const firstOfExam = voucher.uses.find((use) => use.kind === 'first-attempt' && use.exam === exam)
  const examsUsed = new Set(
    voucher.uses.filter((use) => use.kind === 'first-attempt').map((use) => use.exam),
  ).size

  if (!firstOfExam && examsUsed < benefit.exams && covered) {
    const late = beforeExpiry('first-attempt')
    if (late) return late
    const keeps = [...keepsElsewhere]
    const loses: CodeSentence[] = []
    const expiry = voucher.expiresAt
    if (
      expiry !== null &&
      (booking.retakeIfFailedAt === null || booking.retakeIfFailedAt >= expiry)
    ) {
      loses.push(
        booking.retakeIfFailedAt === null
          ? codeSentence('RETAKE_LOST_NO_RETAKE', { exam, expiresAt: expiry })
          : codeSentence('RETAKE_LOST_TOO_LATE', {
              exam,
              retakeAt: booking.retakeIfFailedAt,
              expiresAt: expiry,
            }),
      )
    } else {
      keeps.push(
        expiry === null
          ? codeSentence('RETAKE_IF_FAILED', { exam })
          : codeSentence('RETAKE_IF_FAILED_BEFORE', { exam, expiresAt: expiry }),
      )
    }
    if (offer.afterPass && booking.startsAt < offer.afterPass.passedUntil) {
      keeps.push(
        codeSentence('DISCOUNT_AFTER_PASS', {
          passBeforeAt: offer.afterPass.passedUntil,
          percent: offer.afterPass.percent,
          bookBeforeAt: offer.afterPass.bookBefore,
        }),
      )
    }
    const left = benefit.exams - examsUsed - 1
    if (left > 0) keeps.push(codeSentence('PACK_EXAMS_LEFT', { count: left }))
    return accept(
      'first-attempt',
      { kind: 'none' },
      { does: codeSentence('FIRST_ATTEMPT_FULL_PRICE', { exam }), keeps, loses },
    )
  }

  if (afterPass) {
    const late = beforeExpiry('after-pass-discount')
    if (late) return late
    const percent = offer.afterPass?.percent ?? 0
    return accept(
      'after-pass-discount',
      { kind: 'percent-off', percent },
      {
        does: codeSentence('AFTER_PASS_DISCOUNT', { percent, exam, passedExam: afterPass.exam }),
        keeps: keepsElsewhere,
        loses: [],
      },
    )
  }
  if (elsewhere.length > 0) {
    return refuse(
      'RETAKE_OF_OTHER_EXAM',
      codeSentence('RETAKE_FOR_OTHER_EXAM', {
        retakeExams: elsewhere.map((use) => use.exam),
        exam,
      }),
    )
  }
  if (firstOfExam) return refuse('CODE_ALREADY_USED', sameExamSentence(voucher, firstOfExam))
  if (!covered) return notCovered()
  return refuse('CODE_ALREADY_USED', usedUpSentence(voucher.uses))
}

function keepsRetakeSentence(exam: ExamNumber, voucher: Voucher): CodeSentence {
  return voucher.expiresAt === null
    ? codeSentence('KEEPS_RETAKE', { exam })
    : codeSentence('KEEPS_RETAKE_UNTIL', { exam, expiresAt: voucher.expiresAt })
}

function sameExamSentence(voucher: Voucher, first: VoucherUse): CodeSentence {
  const exam = first.exam
  const retake = voucher.uses.find(
    (use) => use.exam === first.exam && (use.kind === 'free-retake' || use.kind === 'forfeited'),
  )
  if (retake?.kind === 'free-retake') {
    return codeSentence('RETAKE_ALREADY_BOOKED', { exam, startsAt: retake.startsAt })
  }
  if (retake?.kind === 'forfeited') {
    return codeSentence('RETAKE_GIVEN_UP', { exam, startsAt: retake.startsAt })
  }
  switch (first.state) {
    case 'booked':
      return codeSentence('FIRST_ATTEMPT_BOOKED', { exam, startsAt: first.startsAt })
    case 'awaiting-result':
      return codeSentence('FIRST_ATTEMPT_AWAITS_RESULT', { exam })
    case 'passed':
      return codeSentence('FIRST_ATTEMPT_PASSED', { exam })
    case 'not-sat':
      return codeSentence('FIRST_ATTEMPT_NOT_SAT', { exam, startsAt: first.startsAt })
    default:
      return codeSentence('USED_FOR_EXAM', { exam })
  }
}

function usedUpSentence(uses: readonly VoucherUse[]): CodeSentence {
  const last = uses[uses.length - 1]
  return last
    ? codeSentence('ALREADY_USED_FOR', { exam: last.exam, startsAt: last.startsAt })
    : codeSentence('ALREADY_USED', {})
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
  const { refuse } = verdictsIn(timeZone)
  if (offer.providers.length > 0 && !offer.providers.includes(provider)) {
    return refuse(
      'PROVIDER_NOT_COVERED',
      codeSentence('MOVED_PROVIDERS_ONLY', { offer: offer.name, providers: offer.providers }),
    )
  }
  if (expiresAt !== null && startsAt >= expiresAt) {
    return refuse(
      'CODE_EXPIRED',
      codeSentence('MOVED_AFTER_EXPIRY', { offer: offer.name, expiresAt }),
    )
  }
  return null
}
