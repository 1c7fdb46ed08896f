import type { MailContent } from '../domain/outbox-mail.js'
import { EMAIL_CHANGE_MAIL_KIND } from './compose-email-change-mail.js'
import { SIGN_IN_MAIL_KIND } from './compose-sign-in-mail.js'
import { finishMail } from './composed-mail.js'

const HIDDEN = '(shown to the recipient only)'

/** The mail whose link and code act for their recipient: signing in, confirming a new email. */
const KINDS_WITH_SECRETS: ReadonlySet<string> = new Set([SIGN_IN_MAIL_KIND, EMAIL_CHANGE_MAIL_KIND])

/** Whether mail of this kind carries a link and code that act for its recipient. */
export function holdsMailSecrets(kind: string): boolean {
  return KINDS_WITH_SECRETS.has(kind)
}

/**
 * A mail as staff see it in the outbox: a sign-in mail's or an email
 * confirmation's link and code hidden, since whoever reads them acts as the
 * recipient (a support agent signing in as an admin, or confirming an
 * address for someone's account). The mail sent keeps them; other mail is
 * returned as it is.
 */
export function hideMailSecrets<M extends MailContent & { readonly kind: string }>(mail: M): M {
  if (!KINDS_WITH_SECRETS.has(mail.kind)) return mail
  const bodyText = mail.bodyText.replace(
    /^( {2}(?:Sign-in link|Confirm link|Or type code): +).*$/gm,
    `$1${HIDDEN}`,
  )
  return { ...mail, ...finishMail(mail.subject, bodyText, mail.attachments) }
}
