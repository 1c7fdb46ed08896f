import { type ComposedMail, finishMail } from './composed-mail.js'

/** The outbox kind of every sign-in mail. */
export const SIGN_IN_MAIL_KIND = 'sign-in'

/**
 * Why a sign-in mail was sent: asked for (`sign-in`), a new account to
 * confirm (`sign-up`), or an account made again with an email that has one
 * (`sign-up-existing`), which signs the person into the account they have.
 */
export type SignInMailReason = 'sign-in' | 'sign-up' | 'sign-up-existing'

export interface SignInMailInput {
  readonly reason: SignInMailReason
  readonly displayName: string
  /** `<public address>/sign-in/<secret>`. */
  readonly link: string
  /** As typed: `XXXX-XXXX`. */
  readonly code: string
  readonly lifetimeMinutes: number
  /** Where to get help (`MailSettings.help`). */
  readonly help: string
}

const SUBJECTS: Readonly<Record<SignInMailReason, string>> = {
  'sign-in': 'Your examdesk sign-in link and code',
  'sign-up': 'Confirm your email to finish your examdesk account',
  'sign-up-existing': 'You already have an examdesk account: sign in',
}

const INTROS: Readonly<Record<SignInMailReason, string>> = {
  'sign-in': 'Someone, probably you, asked to sign in to examdesk with this email.',
  'sign-up':
    'Someone, probably you, made an examdesk account with this email. Signing in with the link or the code below confirms the email and finishes the account.',
  'sign-up-existing':
    'Someone, probably you, tried to make an examdesk account with this email, which has one already. The link or the code below signs you into it.',
}

/**
 * The mail that signs a person in: the link (which opens a page with a
 * button: a mail scanner that follows it signs nobody in) and the code to
 * type instead. Both work once, for the lifetime given.
 */
export function composeSignInMail(input: SignInMailInput): ComposedMail {
  const lines = [
    `Hello ${input.displayName},`,
    '',
    INTROS[input.reason],
    '',
    `  Sign-in link:  ${input.link}`,
    `  Or type code:  ${input.code}`,
    '',
    `The link and the code work once, within ${input.lifetimeMinutes} minutes, on any device. Opening the link shows a page with a button; nothing happens until you press it.`,
    '',
    'If you did not ask for this, ignore this mail: nobody can sign in without it.',
    '',
    '-- ',
    input.help,
    '',
  ]
  return finishMail(SUBJECTS[input.reason], lines.join('\n'))
}
