import type { MailComposerOptions } from 'nodemailer/lib/mail-composer'
import type { Instant } from '../domain/instant.js'
import type { OutboxMessage } from '../domain/outbox-mail.js'
import type { MailSettings } from './mail-settings.js'
import { computeMessageId } from './message-id.js'
import { renderMailHtml } from './render-mail-html.js'

const CALENDAR_TYPE = /^text\/calendar\b/i
const METHOD_PARAM = /;\s*method=([A-Za-z-]+)/i

/**
 * The message nodemailer sends (SMTP) or writes (file) for an outbox mail:
 * our From and Reply-To, a Message-ID fixed by the dedupe key, the Date of
 * the delivery, the plain text and its HTML alternative, and the help text
 * should the body lack it (the sender is not monitored, so no mail may go
 * without saying where to get help).
 */
export function composeMailOptions(
  message: OutboxMessage,
  settings: MailSettings,
  at: Instant,
): MailComposerOptions {
  const text = message.bodyText.includes(settings.help)
    ? message.bodyText
    : `${message.bodyText.trimEnd()}\n\n-- \n${settings.help}\n`
  // The stored HTML says what the text says; laid out afresh when the text
  // gained its help line here, or for mail stored before it had HTML.
  const html =
    message.bodyHtml !== null && text === message.bodyText
      ? message.bodyHtml
      : renderMailHtml(message.subject, text)
  // The first calendar goes in as nodemailer's icalEvent: a text/calendar
  // alternative (what makes mail clients offer "add to calendar") and an
  // attachment too.
  const calendar = message.attachments.find((a) => CALENDAR_TYPE.test(a.contentType))
  const others = message.attachments.filter((a) => a !== calendar)
  return {
    from: { name: settings.from.name, address: settings.from.address },
    ...(settings.replyTo
      ? { replyTo: { name: settings.replyTo.name, address: settings.replyTo.address } }
      : {}),
    // An object, not text: nodemailer parses text as an address list, so a
    // stored `x,spy@evil.example` would go to `spy@evil.example`.
    to: { name: '', address: message.recipient },
    subject: message.subject,
    messageId: computeMessageId(message.dedupeKey),
    date: new Date(at),
    text,
    html,
    ...(calendar
      ? {
          icalEvent: {
            filename: calendar.filename,
            method: METHOD_PARAM.exec(calendar.contentType)?.[1]?.toUpperCase() ?? 'PUBLISH',
            content: calendar.content,
          },
        }
      : {}),
    attachments: others.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: a.content,
    })),
    headers: {
      // RFC 3834: machine-sent, so out-of-office replies are not sent back to an unread box.
      'Auto-Submitted': 'auto-generated',
      'X-Examdesk-Mail-Id': message.id,
    },
    disableFileAccess: true,
    disableUrlAccess: true,
  }
}
