import type { Instant } from '../domain/instant.js'
import { type ComposedMail, finishMail } from './composed-mail.js'
import { formatMailTime } from './format-mail-time.js'

/**
 * A change to how an account signs in, told to its person (ASVS 2.2.3,
 * 2.5.5): a passkey added or removed, an outside identity linked or
 * unlinked, the email changed. The outbox kind is the change's kind.
 */
export type AccountChange =
  | { readonly kind: 'passkey-added'; readonly passkeyName: string }
  | { readonly kind: 'passkey-removed'; readonly passkeyName: string }
  | { readonly kind: 'identity-linked'; readonly issuer: string }
  | { readonly kind: 'identity-unlinked'; readonly issuer: string }
  | {
      readonly kind: 'email-changed'
      readonly from: string
      readonly to: string
      /** An administrator asked for the change (a staff account's), not the person. */
      readonly byAdministrator: boolean
    }

export type AccountChangeKind = AccountChange['kind']

export interface AccountChangeMailInput {
  readonly change: AccountChange
  readonly displayName: string
  readonly at: Instant
  /** The candidate's zone; UTC for staff, who keep none. */
  readonly timeZone: string
  /** Where to get help (`MailSettings.help`). */
  readonly help: string
  /** How to reach help (`MailSettings.helpContact`). */
  readonly helpContact: string
}

/**
 * The mail saying what changed, when, and what to do when it was not the
 * person: every one of these changes is one a thief makes to keep an
 * account, so the mail goes to the address the account had before it.
 */
export function composeAccountChangeMail(input: AccountChangeMailInput): ComposedMail {
  const { change } = input
  const when = formatMailTime(input.at, input.timeZone)
  const told = TOLD[change.kind](change as never)
  const lines = [
    `Hello ${input.displayName},`,
    '',
    told.what,
    '',
    ...told.facts.map(([label, value]) => `  ${`${label}:`.padEnd(10)}${value}`),
    `  ${'When:'.padEnd(10)}${when}`,
    '',
    told.ifYou,
    '',
    `If it was not you, ${told.ifNot} Tell us at once: ${input.helpContact}.`,
    '',
    '-- ',
    input.help,
    '',
  ]
  return finishMail(told.subject, lines.join('\n'))
}

interface Told {
  readonly subject: string
  readonly what: string
  readonly facts: readonly (readonly [string, string])[]
  readonly ifYou: string
  readonly ifNot: string
}

const SIGN_IN_AND_CHECK =
  'someone else may be signed in to your account: sign in to examdesk by mail, check its passkeys and linked identities, and end every session you do not recognise.'

const TOLD: {
  readonly [K in AccountChangeKind]: (change: Extract<AccountChange, { kind: K }>) => Told
} = {
  'passkey-added': (change) => ({
    subject: 'A passkey was added to your examdesk account',
    what: 'A passkey was added to your examdesk account. From now on it signs in to your account from the device or security key that holds it.',
    facts: [['Passkey', change.passkeyName]],
    ifYou: 'If you added it, there is nothing to do.',
    ifNot: `${SIGN_IN_AND_CHECK} Remove this passkey there.`,
  }),
  'passkey-removed': (change) => ({
    subject: 'A passkey was removed from your examdesk account',
    what: 'A passkey was removed from your examdesk account: it no longer signs in.',
    facts: [['Passkey', change.passkeyName]],
    ifYou: 'If you removed it, there is nothing to do.',
    ifNot: SIGN_IN_AND_CHECK,
  }),
  'identity-linked': (change) => ({
    subject: 'An identity was linked to your examdesk account',
    what: 'An identity at your organisation’s sign-in service was linked to your examdesk account: from now on it signs in to your account.',
    facts: [['Service', change.issuer]],
    ifYou: 'If you linked it, there is nothing to do.',
    ifNot: `${SIGN_IN_AND_CHECK} Unlink this identity there.`,
  }),
  'identity-unlinked': (change) => ({
    subject: 'An identity was unlinked from your examdesk account',
    what: 'An identity at your organisation’s sign-in service was unlinked from your examdesk account: it no longer signs in.',
    facts: [['Service', change.issuer]],
    ifYou: 'If you unlinked it, there is nothing to do.',
    ifNot: SIGN_IN_AND_CHECK,
  }),
  'email-changed': (change) => ({
    subject: 'The email of your examdesk account was changed',
    what: `The email of your examdesk account was changed${change.byAdministrator ? ' at an administrator’s request' : ''}, and confirmed from the new address. Sign-in mail and every mail about your account go to the new address from now on; this address gets none.`,
    facts: [
      ['Was', change.from],
      ['Now', change.to],
    ],
    ifYou: change.byAdministrator
      ? 'If you asked for this change, there is nothing to do.'
      : 'If you changed it, there is nothing to do.',
    ifNot:
      'someone else may have taken over your account: this address no longer signs in to it, so we need to hear from you.',
  }),
}
