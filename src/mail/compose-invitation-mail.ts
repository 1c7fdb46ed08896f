import type { Instant } from '../domain/instant.js'
import type { WaveCodeMode } from '../domain/invitation-wave.js'
import { formatVoucherCode } from '../domain/voucher-code.js'
import type { ComposedMail } from './compose-appointment-mail.js'
import { formatMailTime } from './format-mail-time.js'

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
  /** How instants are written; `formatMailTime` unless a sender caches it. */
  readonly formatTime?: (instant: Instant, timeZone: string) => string
}

/**
 * A beta invitation: the exam, the code and what it gives, from when
 * registration works (the wave opened; the mail goes out only then), until
 * when invitees have priority, who cannot take part, when results come, and
 * that registration works online and by phone through support.
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
    `  Valid:          ${input.codeExpiresAt === null ? 'until the beta ends' : `the exam must take place before ${at(input.codeExpiresAt)}`}`,
    `  Registration:   open since ${at(input.registrationOpensAt)}`,
    `  Your priority:  ${input.priorityEndsAt === null ? 'no broader invitation is planned yet' : `until at least ${at(input.priorityEndsAt)}; then the invitation goes out more broadly, so book before then to be sure of a seat`}`,
    `  Not offered in: ${input.restrictedCountries.length === 0 ? 'no country is excluded' : `${input.restrictedCountries.join(', ')} (candidates there cannot take this beta)`}`,
    ...(input.betaEndsAt === null ? [] : [`  Beta ends:      ${at(input.betaEndsAt)}`]),
    `  Results:        released from ${at(input.resultsReleaseAt)}, after the beta period; a pass counts toward the certification`,
    '',
    'How to register',
    `  Online: choose a seat for exam ${number} at a test centre and give the code ${code}.`,
    `  By phone: call support, say you were invited to the ${number} beta and read out the code;`,
    '  support books the seat with the same code, at the same (zero) price.',
    '',
    'The beta exam can be registered once, at one provider. The seats are limited.',
    '',
    '-- ',
    input.help,
    '',
  ]
  return {
    subject: `Your invitation to the ${number} beta exam (${title})`,
    bodyText: lines.join('\n'),
    attachments: [],
  }
}
