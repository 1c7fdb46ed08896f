import type { Instant } from '../domain/instant.js'
import { describeScope, type OfferVersion } from '../domain/offer.js'
import { formatVoucherCode } from '../domain/voucher-code.js'
import { type ComposedMail, finishMail } from './composed-mail.js'
import { describeAfterPassDiscount } from './describe-after-pass.js'
import { formatMailTime } from './format-mail-time.js'
import type { MailSettings } from './mail-settings.js'
import { computePortalPageUrl } from './portal-page.js'

/** Everything the mail after a first registration with a free-retake code says. */
export interface FreeRetakeFollowUpInput {
  readonly candidate: {
    readonly id: string
    readonly firstName: string
    readonly lastName: string
    readonly email: string
    readonly timeZone: string
  }
  readonly registrationId: string
  readonly exam: { readonly number: string; readonly title: string }
  /** Canonical form; shown grouped. */
  readonly code: string
  readonly codeExpiresAt: Instant | null
  /** The version the code was issued under: a free-retake offer. */
  readonly offer: OfferVersion
  readonly now: Instant
}

/** One such mail per candidate and offer: it follows their first registration with its code. */
export function computeFreeRetakeFollowUpDedupeKey(candidateId: string, offerId: string): string {
  return `free-retake-more-exams:${candidateId}:${offerId}`
}

/**
 * The mail that follows a candidate's first registration with a free-retake
 * code: what the code now holds for this exam, and how to have a free
 * retake on more exams: the same code for each exam of a pack, or a new
 * enrolment (while it is open) for a code per further exam; or, plainly,
 * that no more can be had.
 */
export function composeFreeRetakeFollowUpMail(
  input: FreeRetakeFollowUpInput,
  settings: Pick<MailSettings, 'help' | 'helpContact' | 'bookingPlace' | 'publicUrl'>,
): ComposedMail {
  const { candidate, exam, offer } = input
  const at = (instant: Instant) => formatMailTime(instant, candidate.timeZone)
  const code = formatVoucherCode(input.code)
  const packOf = offer.benefit.kind === 'free-retake' ? offer.benefit.exams : 1
  const enrolment = offer.enrolment
  const lines = [
    `Hello ${candidate.firstName} ${candidate.lastName},`,
    '',
    `Your registration ${input.registrationId} for ${exam.number} ${exam.title} uses your ${offer.name} code ${code}: if this attempt fails, the same code books one free retake of ${exam.number}.`,
    '',
    'A free retake on more exams',
  ]
  if (packOf > 1) {
    lines.push(
      `  Your code covers up to ${packOf} different exams, this one included: enter the same code ${code} when you book each of them.`,
      '  Each first attempt is paid as usual; a failed one gets one free retake of that exam.',
    )
  } else if (enrolment !== null && input.now < enrolment.closesAt) {
    lines.push(
      `  One code covers one exam. For a free retake on another exam, enrol in ${offer.name} again before ${at(enrolment.closesAt)}: each enrolment sends you a new code for one more exam.`,
      `  Enrol at ${settings.bookingPlace}, or through support (${settings.helpContact}).`,
      '  Then enter the new code when you book that exam, as you did for this one.',
    )
  } else {
    lines.push(
      enrolment === null
        ? `  One code covers one exam. For a free retake on another exam, ask support (${settings.helpContact}) whether a further ${offer.name} code can be issued to you.`
        : `  One code covers one exam, and enrolment in ${offer.name} closed on ${at(enrolment.closesAt)}: no further exam can have a free retake under this offer.`,
    )
  }
  lines.push(
    `  Exams the offer covers: ${describeScope(offer.exams)}.`,
    ...(input.codeExpiresAt === null
      ? []
      : [
          `  Every attempt with this code, its retake included, must take place before ${at(input.codeExpiresAt)}.`,
        ]),
    '',
  )
  if (offer.afterPass) {
    lines.push(describeAfterPassDiscount(offer.afterPass, candidate.timeZone), '')
  }
  lines.push(
    `Your codes online, with what each can still do: ${computePortalPageUrl(settings.publicUrl(), { page: 'codes' })}`,
    '',
    '-- ',
    settings.help,
    '',
  )
  return finishMail(`${offer.name}: a free retake on more exams`, lines.join('\n'))
}
