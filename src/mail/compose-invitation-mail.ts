import type { Instant } from '../domain/instant.js'
import type { WaveCodeMode } from '../domain/invitation-wave.js'
import { formatVoucherCode } from '../domain/voucher-code.js'
import { type ComposedMail, finishMail } from './composed-mail.js'
import { formatCountries } from './format-country.js'
import { formatMailTime } from './format-mail-time.js'
import { computePortalPageUrl } from './portal-page.js'

/** Everything an invitation says; plain values, composed inside the sending transaction. */
export interface InvitationMailInput {
  readonly candidate: {
    readonly firstName: string
    readonly lastName: string
    readonly timeZone: string
  }
  readonly exam: { readonly number: string; readonly title: string }
  /** Canonical form; shown grouped. */
  readonly code: string
  readonly codeMode: WaveCodeMode
  readonly codeExpiresAt: Instant | null
  /** When registration started to work for this wave (it opened). */
  readonly registrationOpensAt: Instant
  /** The earliest the next wave may open: the end of this wave's priority; null when no later wave is planned. */
  readonly priorityEndsAt: Instant | null
  readonly restrictedCountries: readonly string[]
  readonly betaEndsAt: Instant | null
  readonly resultsReleaseAt: Instant
  /** Where to get help (`MailSettings.help`): the sender is not monitored. */
  readonly help: string
  /** Where candidates book (`MailSettings.bookingPlace`). */
  readonly bookingPlace: string
  /** How to reach support, who books by phone (`MailSettings.helpContact`). */
  readonly helpContact: string
  /** The address people open examdesk at (`MailSettings.publicUrl`): the mail links to the invitations and the exam. */
  readonly publicUrl: string
  /** How instants are written; `formatMailTime` unless a sender caches it. */
  readonly formatTime?: (instant: Instant, timeZone: string) => string
}

/**
 * A beta invitation: the exam, the code and what it gives, from when
 * registration works (the wave opened; the mail goes out only then), until
 * when invitees have priority, by when to sit it (the earlier of the code's
 * expiry and the beta's end, said as such), the countries that cannot take
 * part by name, when results come, where to book online and how to reach
 * support, who books by phone; links to the invitations and the exam's page.
 */
export function composeInvitationMail(input: InvitationMailInput): ComposedMail {
  const zone = input.candidate.timeZone
  const at = (instant: Instant) => (input.formatTime ?? formatMailTime)(instant, zone)
  const code = formatVoucherCode(input.code)
  const { number, title } = input.exam
  const lines = [
    `Hello ${input.candidate.firstName} ${input.candidate.lastName},`,
    '',
    `You are invited to take the beta exam ${number} (${title}) at no charge.`,
    '',
    `  Your code:      ${code}`,
    `  Gives:          the ${number} beta exam free of charge, ${input.codeMode === 'single-use' ? 'for one registration; the code is yours alone' : 'one registration per invitee'}`,
    `  Take it before: ${describeLastDay(input.codeExpiresAt, input.betaEndsAt, at)}`,
    `  Registration:   open since ${at(input.registrationOpensAt)}`,
    `  Your priority:  ${input.priorityEndsAt === null ? 'no broader invitation is planned yet' : `until at least ${at(input.priorityEndsAt)}; then the invitation goes out more broadly, so book before then to be sure of a seat`}`,
    `  Not offered in: ${input.restrictedCountries.length === 0 ? 'no country is excluded' : `${formatCountries(input.restrictedCountries)} (candidates there cannot take this beta)`}`,
    `  Results:        released from ${at(input.resultsReleaseAt)}, after the beta period; a pass counts toward the certification`,
    '',
    'How to register',
    `  Online: at ${input.bookingPlace}, choose a seat for exam ${number} at a test centre and enter the code ${code}.`,
    `  By phone: contact support (${input.helpContact}), say you were invited to the ${number} beta and read out the code;`,
    '    support books the seat with the same code, at the same (zero) price.',
    '',
    'The beta exam can be registered once, at one provider. The seats are limited.',
    '',
    `Your invitations online: ${computePortalPageUrl(input.publicUrl, { page: 'invitations' })}`,
    `The exam online: ${computePortalPageUrl(input.publicUrl, { page: 'exam', exam: number })}`,
    '',
    '-- ',
    input.help,
    '',
  ]
  return finishMail(`Your invitation to the ${number} beta exam (${title})`, lines.join('\n'))
}

/**
 * By when the exam must be sat: the earlier of the code's expiry and the
 * beta's end governs, and the mail says which, naming the other, so that
 * two dates side by side never leave a candidate guessing.
 */
function describeLastDay(
  codeExpiresAt: Instant | null,
  betaEndsAt: Instant | null,
  at: (instant: Instant) => string,
): string {
  if (betaEndsAt === null) {
    return codeExpiresAt === null
      ? 'no end date is set'
      : `${at(codeExpiresAt)}, when your code expires`
  }
  if (codeExpiresAt === null || betaEndsAt <= codeExpiresAt) {
    return `${at(betaEndsAt)}, when the beta ends${codeExpiresAt === null || codeExpiresAt === betaEndsAt ? '' : `; the code itself would be valid until ${at(codeExpiresAt)}, but a beta exam cannot be taken after its beta`}`
  }
  return `${at(codeExpiresAt)}, when your code expires; the beta itself runs until ${at(betaEndsAt)}`
}
