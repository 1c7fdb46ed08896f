import type { ExceptionReason } from '../domain/exception-request.js'
import type { Instant } from '../domain/instant.js'
import { type ComposedMail, finishMail } from './composed-mail.js'
import { type ActedForFacts, asSentence, describeActedFor } from './describe-acted-for.js'
import { formatMailTime } from './format-mail-time.js'
import { computePortalPageUrl } from './portal-page.js'

export type ExceptionMailKind =
  | 'exception-request-received'
  | 'exception-request-approved'
  | 'exception-request-denied'

/** Everything an exception mail says; plain values, so the use case builds it inside its transaction. */
export interface ExceptionMailInput {
  readonly kind: ExceptionMailKind
  readonly request: {
    readonly id: string
    readonly registrationId: string
    readonly providerCaseNumber: string
    readonly reason: ExceptionReason
    readonly requestedAt: Instant
  }
  readonly candidate: {
    readonly firstName: string
    readonly lastName: string
    readonly timeZone: string
  }
  readonly exam: { readonly number: string; readonly title: string }
  /** Who filed it when it was not the candidate: the mail names them, with the channel and the reason. */
  readonly onBehalf?: ActedForFacts | null
  /** The review, for an approval or a denial. */
  readonly review?: {
    readonly note: string
    readonly waivesWait: boolean
    readonly waivesLimit: boolean
  } | null
  /** Where to get help (`MailSettings.help`): the sender is not monitored. */
  readonly help: string
  /** The address people open examdesk at (`MailSettings.publicUrl`): the mail links to the request's page. */
  readonly publicUrl: string
  /** When it happened (the use case's `now`). */
  readonly composedAt: Instant
}

const REASONS: Readonly<Record<ExceptionReason, string>> = {
  'lab-crash': 'the test-centre lab crashed',
  connectivity: 'the internet connection failed',
  'equipment-failure': 'equipment failed',
}

/** One mail per request and step: a retried use case sends it once. */
export function computeExceptionDedupeKey(kind: ExceptionMailKind, requestId: string): string {
  return `${kind}:${requestId}`
}

/**
 * The mail for each step of an exception request: received (what was asked,
 * and that support will review it), approved (what is waived, for one
 * attempt, and how to use it), or denied (the reviewer's note). Each names
 * the request, the registration and the provider's case number, and links
 * to the request's page.
 */
export function composeExceptionMail(input: ExceptionMailInput): ComposedMail {
  const { request, candidate, exam } = input
  const examName = `${exam.number} ${exam.title}`
  const lines = [`Hello ${candidate.firstName} ${candidate.lastName},`, '']
  let subject: string
  switch (input.kind) {
    case 'exception-request-received':
      subject = `Exception request received: ${exam.number}`
      lines.push(
        'We have received your request for a retake exception. Support reviews it and writes to you with the decision.',
      )
      break
    case 'exception-request-approved':
      subject = `Exception approved: ${exam.number}`
      lines.push('Your request for a retake exception is approved.')
      break
    case 'exception-request-denied':
      subject = `Exception request denied: ${exam.number}`
      lines.push('Your request for a retake exception is denied.')
      break
  }
  lines.push(
    '',
    `  Request:       ${request.id}`,
    `  Exam:          ${examName}`,
    `  Registration:  ${request.registrationId}`,
    `  Reason:        ${REASONS[request.reason]}`,
    `  Case number:   ${request.providerCaseNumber}`,
    `  Asked on:      ${formatMailTime(request.requestedAt, candidate.timeZone)}`,
    '',
  )

  const acted =
    input.kind === 'exception-request-received' &&
    input.onBehalf &&
    describeActedFor('filed', input.onBehalf, request.requestedAt, candidate.timeZone)
  if (acted) {
    lines.push(
      asSentence(acted, 'This request was '),
      'If you did not ask for it, contact us (see below).',
      '',
    )
  }

  const review = input.review
  if (input.kind === 'exception-request-approved' && review) {
    lines.push(
      `For your next attempt at ${exam.number}, the exception lifts ${describeWaived(review)}.`,
      'It applies once: book the exam as usual, and the registration that needs the exception uses it. If that registration is cancelled, the exception is kept for the next one.',
      '',
      'Note from support',
      `  ${review.note}`,
      '',
    )
  }
  if (input.kind === 'exception-request-denied' && review) {
    lines.push(
      'Why',
      `  ${review.note}`,
      '',
      "The retake policy's waiting time and attempt limit apply to your next attempt as usual.",
      '',
    )
  }

  lines.push(
    `See your request online: ${computePortalPageUrl(input.publicUrl, { page: 'exception-request', requestId: request.id })}`,
    '',
    '-- ',
    input.help,
    '',
  )
  return finishMail(subject, lines.join('\n'))
}

function describeWaived(review: { readonly waivesWait: boolean; readonly waivesLimit: boolean }) {
  if (review.waivesWait && review.waivesLimit)
    return 'both the waiting time and the limit on attempts in the 12-month period'
  if (review.waivesWait) return 'the waiting time after a failed attempt'
  return 'the limit on attempts in the 12-month period'
}
