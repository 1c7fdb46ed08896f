import { type ComposedMail, finishMail } from './composed-mail.js'

/** The outbox kind of the mail that answers a sign-in asked for a disabled account. */
export const SIGN_IN_REFUSED_MAIL_KIND = 'sign-in-refused'

/**
 * The mail to the address of a disabled account when someone asks to sign
 * in with it: the owner learns plainly why no code comes, and whoever asked
 * learns nothing from the page, which answers the same for every address.
 */
export function composeSignInRefusedMail(input: {
  readonly displayName: string
  /** Where to get help (`MailSettings.help`). */
  readonly help: string
}): ComposedMail {
  const lines = [
    `Hello ${input.displayName},`,
    '',
    'Someone, probably you, asked to sign in to examdesk with this address. Your account is disabled, so it cannot sign in and no sign-in code was sent.',
    '',
    'An admin of the programme can enable it again. If you did not ask to sign in, ignore this mail.',
    '',
    '-- ',
    input.help,
    '',
  ]
  return finishMail('Your examdesk account is disabled', lines.join('\n'))
}
