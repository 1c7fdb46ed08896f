import type { Candidate } from '../domain/candidate.js'
import type { Instant } from '../domain/instant.js'
import { describeScope, type OfferVersion, type PaymentMethod } from '../domain/offer.js'
import { formatVoucherCode } from '../domain/voucher-code.js'
import { computeCodeFingerprint } from './code-fingerprint.js'
import { type ComposedMail, finishMail } from './composed-mail.js'
import { describeAfterPassDiscount } from './describe-after-pass.js'
import { formatMailTime } from './format-mail-time.js'
import { computePortalPageUrl } from './portal-page.js'

/** The code as the mail hands it over; a stored voucher (`VoucherRecord`) is one. */
export interface MailedVoucher {
  /** Canonical form, no dashes. */
  readonly code: string
  readonly expiresAt: Instant | null
  /** The beta exam a participant's reward thanks them for, if it is one. */
  readonly rewardForExam?: string | null
}

export type VoucherMailCandidate = Pick<
  Candidate,
  'id' | 'firstName' | 'lastName' | 'email' | 'timeZone'
>

/** Everything a voucher mail says; plain values, so the use case builds it inside its transaction. */
export interface VoucherMailInput {
  readonly voucher: MailedVoucher
  readonly offer: OfferVersion
  readonly candidate: VoucherMailCandidate
  /** Provider names by id, for the offer's providers; an id without a name is shown as it is. */
  readonly providerNames?: ReadonlyMap<string, string>
  /** Where to get help (`MailSettings.help`): the sender is not monitored. */
  readonly help: string
  /** Where candidates book (`MailSettings.bookingPlace`). */
  readonly bookingPlace: string
  /** How to reach support, who can book with the code by phone (`MailSettings.helpContact`). */
  readonly helpContact: string
  /** The address people open examdesk at (`MailSettings.publicUrl`): the mail links to the candidate's codes. */
  readonly publicUrl: string
}

const PAYMENT_NAMES: Readonly<Record<PaymentMethod, string>> = {
  card: 'card',
  'company-voucher': 'company voucher',
  invoice: 'invoice',
  free: 'no payment (a fully covered exam)',
}

/**
 * One mail per code, so a retried issue does not send it twice, keyed by the
 * code's fingerprint and never the code: the key is shown to staff and goes
 * out as the Message-ID, which mail relays log.
 */
export function computeVoucherDedupeKey(code: string): string {
  return `voucher-issued:${computeCodeFingerprint(code)}`
}

/**
 * The mail that hands a candidate a code: the code in groups, and every term
 * that could stop it at the last step (the exams it covers, the providers,
 * the payment methods, whether it combines, the expiry on the candidate's
 * clock), what to do with it (where to enter it, and that the booking shows
 * what it does before anything is paid), and where to get help.
 */
export function composeVoucherMail(input: VoucherMailInput): ComposedMail {
  const { voucher, offer, candidate } = input
  const code = formatVoucherCode(voucher.code)
  const providers =
    offer.providers.length === 0
      ? 'every provider'
      : `${offer.providers.map((id) => input.providerNames?.get(id) ?? id).join(', ')} only`
  const payment =
    offer.paymentMethods.length === 0
      ? 'any payment method'
      : `${offer.paymentMethods.map((method) => PAYMENT_NAMES[method]).join(' or ')} only`
  const combines = offer.combinable
    ? 'yes, with other codes on the same registration'
    : 'no: it cannot be used together with any other offer or code'
  const expiry =
    voucher.expiresAt === null
      ? 'it does not expire'
      : `every exam booked with it must take place before ${formatMailTime(voucher.expiresAt, candidate.timeZone)}`

  const lines = [`Hello ${candidate.firstName} ${candidate.lastName},`, '']
  if (voucher.rewardForExam) {
    lines.push(`Thank you for taking the beta exam ${voucher.rewardForExam}. Here is your reward.`)
  } else {
    lines.push(`Here is your voucher code for ${offer.name}.`)
  }
  lines.push(
    '',
    `  Code:        ${code}`,
    `  Offer:       ${offer.name}`,
    `  Gives:       ${describeBenefit(offer)}`,
    `  Exams:       ${describeScope(offer.exams)}`,
    `  Providers:   ${providers}`,
    `  Payment:     ${payment}`,
    `  Combines:    ${combines}`,
    `  Valid:       ${expiry}`,
    '',
  )
  if (offer.afterPass) {
    lines.push(describeAfterPassDiscount(offer.afterPass, candidate.timeZone), '')
  }
  lines.push(
    'How to use it',
    `  1. Book your exam at: ${input.bookingPlace}.`,
    `  2. Enter the code ${code} when you book. Before you pay, the booking shows what the code does for that exam and what is left to pay.`,
    '  3. Booked already and not paid yet? Have the code added to that booking before you pay.',
    ...(offer.benefit.kind === 'free-retake'
      ? [
          '  4. If the first attempt fails, book the retake of the same exam the same way, with the same code: the retake costs nothing.',
        ]
      : []),
    `  Booking by phone? Read the code out to support (${input.helpContact}); they book with it the same way.`,
    '',
    'Keep this code to yourself: anyone who has it can use it.',
    '',
    `Your codes online, with what each can still do: ${computePortalPageUrl(input.publicUrl, { page: 'codes' })}`,
    '',
    '-- ',
    input.help,
    '',
  )
  return finishMail(
    voucher.rewardForExam
      ? `Your beta reward voucher: ${offer.name}`
      : `Your voucher code: ${offer.name}`,
    lines.join('\n'),
  )
}

/** What the code gives, in a sentence a candidate can check against their plan. */
function describeBenefit(offer: OfferVersion): string {
  const benefit = offer.benefit
  const uses =
    offer.usesPerCode === null
      ? 'as often as you like'
      : offer.usesPerCode === 1
        ? 'for one registration'
        : `for up to ${offer.usesPerCode} registrations`
  switch (benefit.kind) {
    case 'free-retake':
      return benefit.exams === 1
        ? 'your first attempt is paid as usual; if it fails, the same code books one free retake of the same exam (both attempts before the code expires); a pass does not make another exam free'
        : `your first attempts are paid as usual; for each of up to ${benefit.exams} different exams, a failed first attempt with this code gives one free retake of that exam (both attempts before the code expires)`
    case 'percent-off':
      return `${benefit.percent} % off the list price, ${uses}`
    case 'free-exam':
      return `an exam at no charge, ${uses}`
  }
}
