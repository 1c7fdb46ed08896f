import type { AddressInfo } from 'node:net'
import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

/** A mail as it arrived at the sink: parsed, with its raw text beside it. */
export interface ReceivedMail {
  readonly parsed: ParsedMail
  readonly raw: string
  readonly envelope: { readonly from: string; readonly to: readonly string[] }
}

export interface SmtpSink {
  /** `smtp://127.0.0.1:<port>`, for `createSmtpTransport`. */
  readonly url: string
  readonly port: number
  /** Every mail that arrived, copies included, oldest first. */
  readonly received: ReceivedMail[]
  /** What a receiver that drops copies by Message-ID keeps. */
  unique(): ReceivedMail[]
  /** Answers the next `count` messages' DATA with `code` (451: try later; 550: refused for good). */
  refuseNext(count: number, code: number): void
  close(): Promise<void>
}

/**
 * A real SMTP server on 127.0.0.1 and a free port, no TLS and no login, that
 * keeps what it is sent: the test's mail sink. A message counts as received
 * once the server has accepted it, which is when nodemailer's send resolves.
 */
export async function startSmtpSink(options: { readonly port?: number } = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = []
  let refusals = 0
  let refusalCode = 451
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    closeTimeout: 1000,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('error', callback)
      stream.on('end', () => {
        if (refusals > 0) {
          refusals--
          const error = new Error(refusalCode >= 500 ? 'Mailbox unavailable' : 'Try again later')
          Object.assign(error, { responseCode: refusalCode })
          callback(error)
          return
        }
        const raw = Buffer.concat(chunks).toString('utf8')
        simpleParser(raw).then(
          (parsed) => {
            const from = session.envelope.mailFrom
            received.push({
              parsed,
              raw,
              envelope: {
                from: from === false ? '' : from.address,
                to: session.envelope.rcptTo.map((to) => to.address),
              },
            })
            callback()
          },
          (error: Error) => callback(error),
        )
      })
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.server.address() as AddressInfo).port
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    unique() {
      const seen = new Set<string>()
      return received.filter((mail) => {
        const id = mail.parsed.messageId ?? ''
        if (seen.has(id)) return false
        seen.add(id)
        return true
      })
    },
    refuseNext(count, code) {
      refusals = count
      refusalCode = code
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
