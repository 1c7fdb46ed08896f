import type { MailAttachment, MailContent } from '../domain/outbox-mail.js'
import { renderMailHtml } from './render-mail-html.js'

/** A mail's content; the caller adds id, dedupe key, recipient and time to make an `OutboxMessage`. */
export interface ComposedMail extends MailContent {
  readonly bodyHtml: string
}

/** A composer's subject and text with the HTML alternative laid out from that text. */
export function finishMail(
  subject: string,
  bodyText: string,
  attachments: readonly MailAttachment[] = [],
): ComposedMail {
  return { subject, bodyText, bodyHtml: renderMailHtml(subject, bodyText), attachments }
}
