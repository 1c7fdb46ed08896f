import addressparser from 'nodemailer/lib/addressparser'
import { type Config, DEFAULT_PUBLIC_URL } from '../config.js'
import { parseEmail } from '../domain/email.js'

/** A mailbox: a display name (may be empty) and an address. */
export interface MailAddress {
  readonly name: string
  readonly address: string
}

/**
 * Who mail comes from and where to get help. The sender is a named address
 * candidates can allow, but nobody reads it, so every mail carries `help`.
 */
export interface MailSettings {
  readonly from: MailAddress
  readonly replyTo: MailAddress | null
  /** The sentence at the foot of every mail saying where to get help. */
  readonly help: string
  /** How to reach help, where a mail asks the candidate to act (book, enrol, call). */
  readonly helpContact: string
  /** Where candidates book an exam: a web address or a few words. */
  readonly bookingPlace: string
  /** What to bring to the test centre, in reminders. */
  readonly bringToExam: string
  /**
   * The address people open examdesk at, under which every mail links to the
   * page it is about (`computePortalPageUrl`). Asked when a mail is written:
   * a server told to take any free port knows its address only once it listens.
   */
  readonly publicUrl: () => string
}

/**
 * The mail settings of a configuration, its addresses parsed; throws on an
 * address that is not one, so a bad `MAIL_FROM` stops the start, not the mail.
 * The public address is `publicUrl` when given (a server's, which knows
 * where it listens), else the configured one, else the default.
 */
export function readMailSettings(
  config: Pick<
    Config,
    | 'mailFrom'
    | 'mailReplyTo'
    | 'mailHelp'
    | 'helpContact'
    | 'bookingPlace'
    | 'bringToExam'
    | 'publicUrl'
  >,
  publicUrl?: () => string,
): MailSettings {
  const help = config.mailHelp.trim()
  if (help === '') throw new Error('MAIL_HELP_TEXT must say where to get help')
  return {
    helpContact: requireText(config.helpContact, 'EXAMDESK_HELP_CONTACT'),
    bookingPlace: requireText(config.bookingPlace, 'EXAMDESK_BOOKING_PLACE'),
    bringToExam: requireText(config.bringToExam, 'EXAMDESK_BRING'),
    from: parseMailAddress(config.mailFrom, 'MAIL_FROM'),
    replyTo:
      config.mailReplyTo === undefined
        ? null
        : parseMailAddress(config.mailReplyTo, 'MAIL_REPLY_TO'),
    help,
    publicUrl: publicUrl ?? (() => config.publicUrl ?? DEFAULT_PUBLIC_URL),
  }
}

/** One line of words a mail quotes: a line break would break the mail's layout. */
function requireText(text: string, variable: string): string {
  const trimmed = text.trim()
  if (trimmed === '' || /[\r\n]/.test(trimmed))
    throw new Error(`${variable} must be one line of text`)
  return trimmed
}

/** One mailbox from header-style text (`"examdesk" <no-reply@example.org>` or a bare address). */
export function parseMailAddress(text: string, variable: string): MailAddress {
  const parsed = addressparser(text, { flatten: true })
  const only = parsed.length === 1 ? parsed[0] : undefined
  const address = only?.address ? parseEmail(only.address) : null
  if (!only || address === null) {
    throw new Error(
      `${variable} must be one mail address, such as "examdesk" <no-reply@example.org>`,
    )
  }
  return { name: only.name, address }
}
