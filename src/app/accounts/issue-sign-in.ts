import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { insertSignInRequest } from '../../db/accounts/sign-in-requests.js'
import type { DB } from '../../db/engine/schema.js'
import { enqueueMail } from '../../db/mail/outbox.js'
import type { Account, CandidateSignUp } from '../../domain/account.js'
import type { Instant } from '../../domain/instant.js'
import { formatSignInCode } from '../../domain/sign-in-code.js'
import { SIGN_IN_LIFETIME_MS } from '../../domain/sign-in-request.js'
import {
  composeSignInMail,
  SIGN_IN_MAIL_KIND,
  type SignInMailReason,
} from '../../mail/compose-sign-in-mail.js'
import type { MailSettings } from '../../mail/mail-settings.js'
import { hashSecret, hashSignInCode, newSecret, newSignInCode } from './secrets.js'
import { publicAddressOf } from './sign-in-client.js'

/**
 * Makes a sign-in request for an account and puts its mail in the outbox,
 * inside the caller's transaction: a link and a code that work once, for 15
 * minutes. Only their hashes are stored; the mail's dedupe key (its
 * Message-ID) is the request's id, never a secret. A sign-up's facts are
 * kept with its request, for the record made when that request verifies.
 */
export async function issueSignIn(
  trx: Kysely<DB>,
  deps: { readonly mail: MailSettings; readonly publicUrl?: () => string },
  account: Pick<Account, 'id' | 'email' | 'displayName' | 'candidateId'>,
  now: Instant,
  reason: SignInMailReason,
  signUp: CandidateSignUp | null = null,
): Promise<void> {
  const id = uuidv7()
  const linkSecret = newSecret()
  const code = newSignInCode()
  await insertSignInRequest(trx, {
    id,
    accountId: account.id,
    linkHash: hashSecret(linkSecret),
    codeHash: hashSignInCode(id, code),
    createdAt: now,
    expiresAt: now + SIGN_IN_LIFETIME_MS,
    spentAt: null,
    wrongCodes: 0,
    signUp,
  })
  const composed = composeSignInMail({
    reason,
    displayName: account.displayName,
    link: `${publicAddressOf(deps)}/sign-in/${linkSecret}`,
    code: formatSignInCode(code),
    lifetimeMinutes: SIGN_IN_LIFETIME_MS / 60_000,
    help: deps.mail.help,
  })
  await enqueueMail(trx, {
    id: uuidv7(),
    dedupeKey: `sign-in:${id}`,
    kind: SIGN_IN_MAIL_KIND,
    candidateId: account.candidateId,
    recipient: account.email,
    ...composed,
    createdAt: now,
  })
}
