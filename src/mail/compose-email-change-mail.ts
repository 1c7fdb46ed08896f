import { type ComposedMail, finishMail } from './composed-mail.js'

/** The outbox kind of the mail that confirms a new email. */
export const EMAIL_CHANGE_MAIL_KIND = 'email-change'

/** The outbox kind of the mail to a new email that another account has already. */
export const EMAIL_IN_USE_MAIL_KIND = 'email-change-in-use'

export interface EmailChangeMailInput {
  /** The name of the account whose email is to change. */
  readonly displayName: string
  /** `<public address>/confirm-email/<secret>`. */
  readonly link: string
  /** As typed: `XXXX-XXXX`. */
  readonly code: string
  readonly lifetimeMinutes: number
  /** An administrator asked (a staff account's email), not the person. */
  readonly byAdministrator: boolean
  /** Where to get help (`MailSettings.help`). */
  readonly help: string
}

/**
 * The mail to a new address that confirms it for an account: the link
 * (which opens a page with a button: a mail scanner that follows it changes
 * nothing) and the code to type instead, signed in. Both work once, for the
 * lifetime given; until one is used the account keeps its email.
 */
export function composeEmailChangeMail(input: EmailChangeMailInput): ComposedMail {
  const asked = input.byAdministrator
    ? 'An administrator asked to change the email of your examdesk staff account to this address.'
    : 'Someone, probably you, asked to change the email of your examdesk account to this address.'
  const lines = [
    `Hello ${input.displayName},`,
    '',
    `${asked} Confirming with the link or the code below changes it; until then the account keeps the email it has.`,
    '',
    `  Confirm link:  ${input.link}`,
    `  Or type code:  ${input.code}`,
    '',
    `The link and the code work once, within ${input.lifetimeMinutes} minutes. Opening the link shows a page with a button; nothing changes until you press it. Type the code in examdesk, signed in to the account.`,
    '',
    'If you did not ask for this, ignore this mail: nothing changes without it.',
    '',
    '-- ',
    input.help,
    '',
  ]
  return finishMail('Confirm the new email of your examdesk account', lines.join('\n'))
}

/**
 * The mail to a new address that another account has already: nothing can
 * be confirmed, and the mail says so to that address's own account holder,
 * naming no other account. The person who asked was answered as for any
 * address, so only the mailbox's owner learns it has an account.
 */
export function composeEmailInUseMail(input: {
  /** The name of the account that has this address. */
  readonly displayName: string
  readonly help: string
}): ComposedMail {
  const lines = [
    `Hello ${input.displayName},`,
    '',
    'Someone asked to change the email of an examdesk account to this address. This address has an examdesk account already, yours, so nothing was changed: one address belongs to one account.',
    '',
    'If it was you, sign in with this address to use the account it has. If you did not ask for this, ignore this mail.',
    '',
    '-- ',
    input.help,
    '',
  ]
  return finishMail('This email already has an examdesk account', lines.join('\n'))
}
