import type { Instant } from './instant.js'

/**
 * A mail in the outbox: who it is for, what it says (or the facts it is
 * composed from) and where its delivery stands. The use cases put mail in
 * the outbox; `src/mail` composes and sends it.
 */

/** A file sent with a mail; `content` is text (an .ics), kept as it is. */
export interface MailAttachment {
  readonly filename: string
  readonly contentType: string
  readonly content: string
}

/** Who a mail is for and what it is about, whether it is stored as text or as facts. */
export interface OutboxAddress {
  readonly id: string
  /** The same key twice is one mail: a retried use case does not send twice. Also the Message-ID. */
  readonly dedupeKey: string
  /** What the mail is about, such as `registration-confirmed`. */
  readonly kind: string
  readonly candidateId: string | null
  readonly recipient: string
  readonly createdAt: Instant
}

/** What a mail says: plain text, the same laid out as HTML, and files. */
export interface MailContent {
  readonly subject: string
  readonly bodyText: string
  /** The HTML alternative; null for mail stored before it had one (laid out from the text when sent). */
  readonly bodyHtml: string | null
  readonly attachments: readonly MailAttachment[]
}

/** A mail to send, as a use case hands it to the outbox. */
export interface OutboxMessage extends OutboxAddress, MailContent {}

/**
 * A mail handed to the outbox as the facts it is composed from (plain JSON),
 * for a composer that the kind names (see `src/mail/compose-outbox-mail.ts`):
 * the use case's transaction writes the facts, and the text is composed
 * when the mail is read or sent, always the same for the same facts.
 */
export interface OutboxFacts extends OutboxAddress {
  readonly facts: object
}

export type MailStatus = 'pending' | 'sent' | 'failed'

/**
 * A mail in the outbox with its delivery state. One stored as facts and not
 * sent yet has `facts`, and nothing in its content fields until it is
 * composed (`composeOutboxMail`).
 */
export interface StoredMail extends OutboxMessage {
  readonly facts?: unknown
  readonly status: MailStatus
  /** Delivery attempts begun (a claim counts as one, so a crash mid-send is counted too). */
  readonly tries: number
  readonly lastError: string | null
  /** Not delivered before this instant (the back-off after a failure). */
  readonly availableAt: Instant
  /** A worker holds the mail until then; past it, another worker may take it over. */
  readonly claimedUntil: Instant | null
  readonly sentAt: Instant | null
}

/** A mail as a list shows it: no body, attachments by name. */
export interface MailSummary extends Omit<StoredMail, 'bodyText' | 'bodyHtml' | 'attachments'> {
  readonly attachments: readonly Omit<MailAttachment, 'content'>[]
}

/** `mail` as a list shows it: its bodies left out, its attachments named, not carried. */
export function toMailSummary(mail: StoredMail): MailSummary {
  const { bodyText: _, bodyHtml: __, attachments, ...summary } = mail
  return {
    ...summary,
    attachments: attachments.map(({ filename, contentType }) => ({ filename, contentType })),
  }
}

/**
 * How long a mail may wait to be sent before staff are shown it: the worker
 * sends within seconds, and its first retries after a failure come within
 * minutes, so a mail still waiting after this is held up by something a
 * person should look at (a relay refusing it, an address it bounces from).
 */
export const STUCK_AFTER_MINUTES = 15

/** The instant before which a mail still waiting at `now` is stuck. */
export function computeStuckBefore(now: Instant): Instant {
  return now - STUCK_AFTER_MINUTES * 60_000
}
