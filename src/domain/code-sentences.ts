import { formatInstant, formatInZone, type Instant } from './instant.js'
import { describeScope, type ExamScope } from './offer.js'

/**
 * The sentences a code's judgement says (what it does, keeps and gives up,
 * or why it is refused), each as a stable code with the facts it needs, so
 * that a page can say it in its reader's language. The API's English text is
 * made from the same value by `codeSentenceInEnglish`, so the two never part.
 *
 * Every parameter whose name ends in `At` is an instant; the others are
 * plain text, numbers or lists of text.
 */
interface CodeSentenceParams {
  // Refusals.
  CODE_WITHDRAWN: { withdrawnAt: Instant }
  CODE_EXPIRED: { expiresAt: Instant }
  PROVIDERS_ONLY: { offer: string; providers: readonly string[] }
  OTHER_CODE_NOT_COMBINABLE: { offer: string; other: string }
  OFFER_NOT_COMBINABLE: { offer: string; other: string }
  /** `use`: exam, free-retake, first-attempt or after-pass-discount. */
  SEAT_AFTER_EXPIRY: { use: SeatUse; exam: string; expiresAt: Instant; startsAt: Instant }
  EXAM_NOT_COVERED: {
    offer: string
    exam: string
    families: readonly string[]
    prefixes: readonly string[]
    numbers: readonly string[]
    priceClasses: readonly string[]
  }
  ALL_USES_TAKEN: { limit: number }
  ALREADY_USED: Record<string, never>
  ALREADY_USED_FOR: { exam: string; startsAt: Instant }
  RETAKE_FOR_OTHER_EXAM: { retakeExams: readonly string[]; exam: string }
  RETAKE_ALREADY_BOOKED: { exam: string; startsAt: Instant }
  RETAKE_GIVEN_UP: { exam: string; startsAt: Instant }
  FIRST_ATTEMPT_BOOKED: { exam: string; startsAt: Instant }
  FIRST_ATTEMPT_AWAITS_RESULT: { exam: string }
  FIRST_ATTEMPT_PASSED: { exam: string }
  FIRST_ATTEMPT_NOT_SAT: { exam: string; startsAt: Instant }
  USED_FOR_EXAM: { exam: string }
  PAYMENT_METHODS_ONLY: { offer: string; methods: readonly string[]; method: string }
  // What an accepted code does.
  PERCENT_OFF: { percent: number; exam: string }
  FREE_EXAM: { exam: string }
  FREE_RETAKE: { exam: string; attemptAt: Instant }
  FIRST_ATTEMPT_FULL_PRICE: { exam: string }
  AFTER_PASS_DISCOUNT: { percent: number; exam: string; passedExam: string }
  // What it keeps.
  STAYS_USABLE: Record<string, never>
  STAYS_USABLE_UNTIL: { expiresAt: Instant }
  USES_LEFT: { count: number }
  KEEPS_RETAKE: { exam: string }
  KEEPS_RETAKE_UNTIL: { exam: string; expiresAt: Instant }
  RETAKE_IF_FAILED: { exam: string }
  RETAKE_IF_FAILED_BEFORE: { exam: string; expiresAt: Instant }
  DISCOUNT_AFTER_PASS: { passBeforeAt: Instant; percent: number; bookBeforeAt: Instant }
  PACK_EXAMS_LEFT: { count: number }
  // What it gives up.
  RETAKE_LOST_NO_RETAKE: { exam: string; expiresAt: Instant }
  RETAKE_LOST_TOO_LATE: { exam: string; retakeAt: Instant; expiresAt: Instant }
  HELD_RETAKE_GIVEN_UP: { voucherCode: string; exam: string }
  HELD_RETAKE_GIVEN_UP_UNTIL: { voucherCode: string; exam: string; expiresAt: Instant }
  // A booking moved to another seat.
  MOVED_PROVIDERS_ONLY: { offer: string; providers: readonly string[] }
  MOVED_AFTER_EXPIRY: { offer: string; expiresAt: Instant }
}

export type SeatUse = 'exam' | 'free-retake' | 'first-attempt' | 'after-pass-discount'

export type CodeSentenceCode = keyof CodeSentenceParams

export type CodeSentence = {
  [C in CodeSentenceCode]: { readonly code: C; readonly params: Readonly<CodeSentenceParams[C]> }
}[CodeSentenceCode]

/** The sentence with code `code` and its parameters. */
export function codeSentence<C extends CodeSentenceCode>(
  code: C,
  params: CodeSentenceParams[C],
): CodeSentence {
  return { code, params } as CodeSentence
}

const or = (items: readonly string[]) => items.join(' or ')

/** The sentence in English, its instants on `timeZone`'s clock: the API's text. */
export function codeSentenceInEnglish(sentence: CodeSentence, timeZone: string): string {
  const at = (instant: Instant) => formatInZone(instant, timeZone)
  switch (sentence.code) {
    case 'CODE_WITHDRAWN':
      return `This code was withdrawn at ${at(sentence.params.withdrawnAt)}, before its invitation opened, and no longer works.`
    case 'CODE_EXPIRED':
      return `This code expired at ${at(sentence.params.expiresAt)}.`
    case 'PROVIDERS_ONLY': {
      const { offer, providers } = sentence.params
      return `${offer} is delivered only by ${or(providers)}: choose a seat at ${providers.length > 1 ? 'one of them' : 'that provider'}.`
    }
    case 'OTHER_CODE_NOT_COMBINABLE':
      return `${sentence.params.other} cannot be combined with other codes, so it cannot be used with ${sentence.params.offer}.`
    case 'OFFER_NOT_COMBINABLE':
      return `${sentence.params.offer} cannot be combined with any other offer or code, such as ${sentence.params.other}.`
    case 'SEAT_AFTER_EXPIRY': {
      const { use, exam, expiresAt, startsAt } = sentence.params
      const what = {
        exam: 'An exam booked with this code',
        'free-retake': `The free retake of ${exam}`,
        'first-attempt': `The first attempt of ${exam}, and its retake,`,
        'after-pass-discount': 'The discounted exam',
      }[use]
      return `${what} must take place before ${at(expiresAt)}, when this code expires; this seat is at ${at(startsAt)}.`
    }
    case 'EXAM_NOT_COVERED': {
      const { offer, exam, families, prefixes, numbers, priceClasses } = sentence.params
      const scope = describeScope({ families, prefixes, numbers, priceClasses } as ExamScope)
      return `${offer} covers ${scope}; ${exam} is not one of them.`
    }
    case 'ALL_USES_TAKEN':
      return `All ${sentence.params.limit} uses of this code are taken.`
    case 'ALREADY_USED':
      return 'This code was already used.'
    case 'ALREADY_USED_FOR':
      return `This code was already used, for ${sentence.params.exam} at ${at(sentence.params.startsAt)}.`
    case 'RETAKE_FOR_OTHER_EXAM':
      return `This code's free retake is for ${sentence.params.retakeExams.join(' and ')} only; it cannot pay for ${sentence.params.exam}.`
    case 'RETAKE_ALREADY_BOOKED':
      return `The free retake of ${sentence.params.exam} was booked with this code for ${at(sentence.params.startsAt)}.`
    case 'RETAKE_GIVEN_UP':
      return `The free retake of ${sentence.params.exam} was given up when its retake for ${at(sentence.params.startsAt)} was booked without this code.`
    case 'FIRST_ATTEMPT_BOOKED':
      return `This code already books ${sentence.params.exam} for ${at(sentence.params.startsAt)}; its free retake becomes available only if that attempt fails.`
    case 'FIRST_ATTEMPT_AWAITS_RESULT':
      return `The attempt of ${sentence.params.exam} booked with this code awaits its result; the free retake becomes available only if it fails.`
    case 'FIRST_ATTEMPT_PASSED':
      return `${sentence.params.exam} was passed with this code; a pass does not turn the free retake into another exam.`
    case 'FIRST_ATTEMPT_NOT_SAT':
      return `This code was spent on ${sentence.params.exam} for ${at(sentence.params.startsAt)}, which was not sat.`
    case 'USED_FOR_EXAM':
      return `This code was used for ${sentence.params.exam}.`
    case 'PAYMENT_METHODS_ONLY':
      return `${sentence.params.offer} can be paid only by ${or(sentence.params.methods)}, not by ${sentence.params.method}.`
    case 'PERCENT_OFF':
      return `${sentence.params.percent} % off ${sentence.params.exam}.`
    case 'FREE_EXAM':
      return `${sentence.params.exam} at no charge.`
    case 'FREE_RETAKE':
      return `The free retake of ${sentence.params.exam}, after the attempt of ${at(sentence.params.attemptAt)}: nothing to pay.`
    case 'FIRST_ATTEMPT_FULL_PRICE':
      return `Books the first attempt of ${sentence.params.exam} at the full price; the code's free retake is kept for it.`
    case 'AFTER_PASS_DISCOUNT':
      return `${sentence.params.percent} % off ${sentence.params.exam}, earned by passing ${sentence.params.passedExam}. This discount includes no free retake: the code is then used up.`
    case 'STAYS_USABLE':
      return 'The code stays usable.'
    case 'STAYS_USABLE_UNTIL':
      return `The code stays usable until ${at(sentence.params.expiresAt)}.`
    case 'USES_LEFT': {
      const { count } = sentence.params
      return `${count} more use${count === 1 ? '' : 's'} of this code remain.`
    }
    case 'KEEPS_RETAKE':
      return `Keeps your free retake of ${sentence.params.exam}.`
    case 'KEEPS_RETAKE_UNTIL':
      return `Keeps your free retake of ${sentence.params.exam} until ${at(sentence.params.expiresAt)}.`
    case 'RETAKE_IF_FAILED':
      return `If this attempt fails, the same code books one free retake of ${sentence.params.exam}.`
    case 'RETAKE_IF_FAILED_BEFORE':
      return `If this attempt fails, the same code books one free retake of ${sentence.params.exam}, to be taken before ${at(sentence.params.expiresAt)}.`
    case 'DISCOUNT_AFTER_PASS': {
      const { passBeforeAt, percent, bookBeforeAt } = sentence.params
      return `If you pass before ${at(passBeforeAt)}, the same code gives ${percent} % off one more exam booked before ${at(bookBeforeAt)} (that discount includes no free retake).`
    }
    case 'PACK_EXAMS_LEFT': {
      const { count } = sentence.params
      return `The code covers ${count} more exam${count === 1 ? '' : 's'} of the pack.`
    }
    case 'RETAKE_LOST_NO_RETAKE':
      return `If this attempt fails, the retake policy allows no retake of ${sentence.params.exam} before this code expires at ${at(sentence.params.expiresAt)}: the free retake would be lost.`
    case 'RETAKE_LOST_TOO_LATE':
      return `If this attempt fails, the retake policy allows a retake of ${sentence.params.exam} only from ${at(sentence.params.retakeAt)}, after this code expires at ${at(sentence.params.expiresAt)}: the free retake would be lost.`
    case 'HELD_RETAKE_GIVEN_UP':
      return `Your code ${sentence.params.voucherCode} holds a free retake of ${sentence.params.exam}; booking this attempt without it gives that free retake up.`
    case 'HELD_RETAKE_GIVEN_UP_UNTIL':
      return `Your code ${sentence.params.voucherCode} holds a free retake of ${sentence.params.exam} until ${at(sentence.params.expiresAt)}; booking this attempt without it gives that free retake up.`
    case 'MOVED_PROVIDERS_ONLY':
      return `This registration was booked with ${sentence.params.offer}, delivered only by ${or(sentence.params.providers)}: choose a new seat there.`
    case 'MOVED_AFTER_EXPIRY':
      return `This registration was booked with ${sentence.params.offer}, whose code must be used before ${at(sentence.params.expiresAt)}; choose an earlier seat.`
  }
}

/** A sentence as plain data for an answer: its instants as RFC 3339 text. */
export interface CodeSentenceFacts {
  readonly code: CodeSentenceCode
  readonly params: Readonly<Record<string, string | number | readonly string[]>>
}

export function codeSentenceFacts(sentence: CodeSentence): CodeSentenceFacts {
  const params: Record<string, string | number | readonly string[]> = {}
  for (const [key, value] of Object.entries(sentence.params) as [string, unknown][]) {
    params[key] =
      key.endsWith('At') && typeof value === 'number'
        ? formatInstant(value as Instant)
        : (value as string | number | readonly string[])
  }
  return { code: sentence.code, params }
}
