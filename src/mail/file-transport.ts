import { mkdir, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import MailComposer from 'nodemailer/lib/mail-composer'
import type { Instant } from '../domain/instant.js'
import type { OutboxMessage } from '../domain/outbox-mail.js'
import { composeMailOptions } from './mail-options.js'
import type { MailSettings } from './mail-settings.js'
import type { MailTransport } from './mail-transport.js'

export interface FileTransportOptions {
  /** The folder the `.eml` files go in; made when missing. */
  readonly dir: string
  readonly settings: MailSettings
}

/**
 * Keeps mail on this machine when no SMTP server is configured: each mail is
 * written as `<dir>/<mail id>.eml`, the raw RFC 5322 message a mail client
 * opens, and stays listed in the database (`GET /v1/admin/mail`). Writing
 * again (a resend after a crash) replaces the file with the same message.
 */
export function createFileTransport(options: FileTransportOptions): MailTransport {
  return {
    name: 'file',
    async deliver(message: OutboxMessage, at: Instant): Promise<void> {
      const raw = await new MailComposer({
        ...composeMailOptions(message, options.settings, at),
        newline: 'windows',
      })
        .compile()
        .build()
      await mkdir(options.dir, { recursive: true })
      // Through a temporary name: a crash mid-write leaves no half message under the real one.
      const path = join(options.dir, `${fileNameOf(message.id)}.eml`)
      const partial = `${path}.partial`
      await writeFile(partial, raw)
      await rename(partial, path)
    },
    async close(): Promise<void> {},
  }
}

/** Mail ids are UUIDs; anything else is made safe to use as a file name. */
function fileNameOf(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_')
}
