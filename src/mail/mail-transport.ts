import type { Instant } from '../domain/instant.js'
import type { OutboxMessage } from '../domain/outbox-mail.js'

/** Where the outbox worker hands mail: an SMTP server, or files beside the database. */
export interface MailTransport {
  /** `smtp` or `file`, for logs. */
  readonly name: string
  /** Sends one mail, dated `at`; resolves once it is handed over, rejects when it was not. */
  deliver(message: OutboxMessage, at: Instant): Promise<void>
  /** Lets go of connections; the transport is not used afterwards. */
  close(): Promise<void>
}

/**
 * A refusal that trying again will not mend: the server rejected this
 * mail's recipient or content for good. The worker marks the mail failed at
 * once instead of retrying it for hours.
 */
export class PermanentDeliveryError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'PermanentDeliveryError'
  }
}
