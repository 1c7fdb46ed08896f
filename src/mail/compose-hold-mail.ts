import type { Candidate } from '../domain/candidate.js'
import type { Instant } from '../domain/instant.js'
import type { HoldEnding } from '../domain/unpaid-hold.js'
import { type ComposedMail, finishMail } from './composed-mail.js'
import { formatMailTime } from './format-mail-time.js'
import type { MailSettings } from './mail-settings.js'
import { computePortalPageUrl } from './portal-page.js'

export interface HoldEndedMailInput {
  readonly ending: HoldEnding
  readonly candidate: Pick<Candidate, 'id' | 'firstName' | 'lastName' | 'email' | 'timeZone'>
  readonly registrationId: string
  readonly exam: { readonly number: string; readonly title: string }
  readonly centre: { readonly name: string; readonly city: string; readonly timeZone: string }
  readonly startsAt: Instant
  /** Until when the seat was held for payment. */
  readonly holdExpiresAt: Instant | null
  /** The administrator's reason, for a hold released by hand. */
  readonly reason: string | null
  /** The codes whose use came back, as the candidate reads them. */
  readonly codesReturned: readonly string[]
  readonly now: Instant
}

/**
 * The mail saying a seat held for payment is released: what it was, why it
 * ended, and that booking again is the way back. No calendar file: the
 * booking was never confirmed, so no calendar entry was sent for it.
 */
export function composeHoldEndedMail(
  input: HoldEndedMailInput,
  settings: Pick<MailSettings, 'help' | 'publicUrl'>,
): ComposedMail {
  const { candidate, exam, centre } = input
  const when = formatMailTime(input.startsAt, centre.timeZone)
  const why =
    input.ending === 'expired'
      ? `It was held for payment until ${formatMailTime(input.holdExpiresAt ?? input.now, candidate.timeZone)}, and no payment came in that time.`
      : `A programme administrator released it before it was paid${input.reason ? `: ${withFullStop(input.reason)}` : '.'}`
  const lines = [
    `Hello ${candidate.firstName} ${candidate.lastName},`,
    '',
    'The seat held for you is released, and your registration is cancelled; nothing was charged.',
    why,
    '',
    `  Exam:          ${exam.number} ${exam.title}`,
    `  Was on:        ${when}, centre time`,
    `  Where:         ${centre.name}, ${centre.city}`,
    `  Registration:  ${input.registrationId}`,
    '',
    ...(input.codesReturned.length > 0
      ? [
          `${input.codesReturned.length === 1 ? 'The code' : 'The codes'} ${input.codesReturned.join(', ')} used for it can be used again.`,
        ]
      : []),
    'To sit the exam, book again and pay when you book.',
    '',
    `See it online: ${computePortalPageUrl(settings.publicUrl(), { page: 'registration', registrationId: input.registrationId })}`,
    '',
    '-- ',
    settings.help,
    '',
  ]
  return finishMail(`Seat released, not paid: ${exam.number} on ${when}`, lines.join('\n'))
}

function withFullStop(sentence: string): string {
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`
}
