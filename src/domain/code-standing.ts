import type { ExamNumber } from './exam-number.js'
import { formatInZone, type Instant } from './instant.js'
import { openAfterPassDiscount, openFreeRetakes, type Voucher } from './voucher.js'

/** Whether a code still does anything: `used-up` when every benefit it had is taken. */
export type CodeState = 'usable' | 'used-up' | 'expired' | 'voided'

/** What a code held by a candidate can still do at an instant, as data and as sentences for them. */
export interface CodeStanding {
  readonly state: CodeState
  /** Exams a free-retake code can still be used for a first attempt at; null for other kinds of code. */
  readonly firstAttemptsLeft: number | null
  /** Exams whose free retake the code holds: the first attempt with it failed and no retake was booked yet. */
  readonly freeRetakes: readonly ExamNumber[]
  /** The discount a pass has turned the code into, while it can still be booked. */
  readonly afterPassDiscount: { readonly percent: number; readonly bookBefore: Instant } | null
  /** Registrations a counted code (percent off, free exam) can still pay for; null: no limit, or not a counted code. */
  readonly usesLeft: number | null
  /** One sentence per thing the code can still do, or one saying why it does nothing more. */
  readonly sentences: readonly string[]
}

/**
 * What `voucher` can still do at `now`, told in the holder's zone. A voided
 * or expired code does nothing, whatever uses it had left; otherwise each
 * benefit the offer gives is counted against the uses already taken.
 */
export function decideCodeStanding(voucher: Voucher, now: Instant, timeZone: string): CodeStanding {
  const until =
    voucher.expiresAt === null ? '' : ` until ${formatInZone(voucher.expiresAt, timeZone)}`
  if (voucher.voidedAt != null) {
    return nothing('voided', [
      `This code was withdrawn on ${formatInZone(voucher.voidedAt, timeZone)} and no longer works.`,
    ])
  }
  if (voucher.expiresAt !== null && now >= voucher.expiresAt) {
    return nothing('expired', [
      `This code expired on ${formatInZone(voucher.expiresAt, timeZone)} and no longer works.`,
    ])
  }
  const { benefit } = voucher.offer
  const sentences: string[] = []
  let firstAttemptsLeft: number | null = null
  let usesLeft: number | null = null
  if (benefit.kind === 'free-retake') {
    const examsStarted = new Set(
      voucher.uses.filter((use) => use.kind === 'first-attempt').map((use) => use.exam),
    )
    firstAttemptsLeft = Math.max(0, benefit.exams - examsStarted.size)
    if (firstAttemptsLeft > 0) {
      sentences.push(
        `Book a first attempt at ${plural(firstAttemptsLeft, 'more exam')} it covers${until}; if that attempt fails, the same code books a free retake.`,
      )
    }
  } else {
    const taken = voucher.usesTaken ?? voucher.uses.length
    usesLeft =
      voucher.offer.usesPerCode === null ? null : Math.max(0, voucher.offer.usesPerCode - taken)
    const what =
      benefit.kind === 'percent-off' ? `${benefit.percent} % off` : 'the whole exam at no charge'
    if (usesLeft === null) sentences.push(`Pay for any number of registrations: ${what}${until}.`)
    else if (usesLeft > 0)
      sentences.push(`Pay for ${plural(usesLeft, 'more registration')}: ${what}${until}.`)
  }
  const freeRetakes = openFreeRetakes(voucher, now).map((use) => use.exam)
  for (const exam of freeRetakes) sentences.push(`Book a free retake of ${exam}${until}.`)
  const pass = openAfterPassDiscount(voucher, now)
  const afterPassDiscount =
    pass === null || voucher.offer.afterPass === null
      ? null
      : { percent: voucher.offer.afterPass.percent, bookBefore: voucher.offer.afterPass.bookBefore }
  if (afterPassDiscount !== null) {
    sentences.push(
      `Book one more exam at ${afterPassDiscount.percent} % off before ${formatInZone(afterPassDiscount.bookBefore, timeZone)}, for your pass of ${pass?.exam}.`,
    )
  }
  if (sentences.length === 0) {
    return nothing('used-up', ['Everything this code gives has been used.'], {
      firstAttemptsLeft,
      usesLeft,
    })
  }
  return { state: 'usable', firstAttemptsLeft, freeRetakes, afterPassDiscount, usesLeft, sentences }
}

function nothing(
  state: CodeState,
  sentences: readonly string[],
  counts: Pick<CodeStanding, 'firstAttemptsLeft' | 'usesLeft'> = {
    firstAttemptsLeft: null,
    usesLeft: null,
  },
): CodeStanding {
  return { state, ...counts, freeRetakes: [], afterPassDiscount: null, sentences }
}

function plural(count: number, noun: string): string {
  return count === 1 ? `1 ${noun}` : `${count} ${noun}s`
}
