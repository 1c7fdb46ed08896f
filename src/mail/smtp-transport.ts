import nodemailer from 'nodemailer'
import type { Instant } from '../domain/instant.js'
import type { OutboxMessage } from '../domain/outbox-mail.js'
import { composeMailOptions } from './mail-options.js'
import type { MailSettings } from './mail-settings.js'
import { type MailTransport, PermanentDeliveryError } from './mail-transport.js'

export interface SmtpTransportOptions {
  /** `smtp://user:pass@host:587` (STARTTLS when offered), `smtps://…:465`, options as query: `?pool=true`. */
  readonly url: string
  readonly settings: MailSettings
}

/** Errors about this mail itself (its recipient, its content), not about the server or the account. */
const MESSAGE_ERRORS = new Set(['EENVELOPE', 'EMESSAGE'])

// Short enough that a hung server frees a worker well inside its lease.
const CONNECTION_TIMEOUT_MS = 30_000
const SOCKET_TIMEOUT_MS = 60_000

/**
 * Delivers by SMTP with nodemailer. A 5xx refusal of the recipient or the
 * message is permanent; everything else (a 4xx, a refused connection, a bad
 * password) is worth trying again later.
 */
export function createSmtpTransport(options: SmtpTransportOptions): MailTransport {
  const transporter = nodemailer.createTransport({
    url: options.url,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: CONNECTION_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
  })
  return {
    name: 'smtp',
    async deliver(message: OutboxMessage, at: Instant): Promise<void> {
      try {
        await transporter.sendMail(composeMailOptions(message, options.settings, at))
      } catch (error) {
        const failure = error as { code?: string; permanent?: boolean; message?: string }
        if (failure.permanent === true && MESSAGE_ERRORS.has(failure.code ?? '')) {
          throw new PermanentDeliveryError(failure.message ?? String(error), { cause: error })
        }
        throw error
      }
    },
    async close(): Promise<void> {
      transporter.close()
    },
  }
}
