import type { AfterPassDiscount } from '../domain/offer.js'
import { formatMailTime } from './format-mail-time.js'

/**
 * The after-pass discount as a mail announces it, with what it does not
 * give in the same breath: the discounted exam has no free retake, so a
 * candidate who takes it knows the retake would be paid (the sources'
 * candidates learnt it only after failing).
 */
export function describeAfterPassDiscount(terms: AfterPassDiscount, timeZone: string): string {
  const at = (instant: number) => formatMailTime(instant, timeZone)
  return [
    `If you pass your first attempt between ${at(terms.passedFrom)} and ${at(terms.passedUntil)}, the same code gives ${terms.percent} % off one more exam booked before ${at(terms.bookBefore)}.`,
    `A discounted exam carries no free retake: if you fail it, a retake is paid as usual, and the code is used up.`,
  ].join(' ')
}
