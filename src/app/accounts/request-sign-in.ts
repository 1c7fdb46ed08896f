import { v7 as uuidv7 } from 'uuid'
import { findAccountByEmail } from '../../db/accounts/accounts.js'
import { enqueueMail } from '../../db/mail/outbox.js'
import {
  composeSignInRefusedMail,
  SIGN_IN_REFUSED_MAIL_KIND,
} from '../../mail/compose-sign-in-refused-mail.js'
import type { AppDeps } from '../app-deps.js'
import { requireEmail } from '../input-fields.js'
import { runCommand } from '../run-command.js'
import { issueSignIn } from './issue-sign-in.js'
import type { SignInClient } from './sign-in-client.js'
import { countSignInRequest } from './sign-in-throttle.js'

/**
 * Someone asks to sign in with an email: when an account that can sign in
 * has it, a sign-in mail goes out; a disabled account's address is mailed
 * that it cannot sign in; otherwise nothing happens. The caller cannot tell
 * which (no account is revealed): the answer is the same.
 * Counted per email and per address; SIGN_IN_THROTTLED past a limit.
 */
export async function requestSignIn(
  deps: Pick<AppDeps, 'db' | 'clock' | 'mail' | 'publicUrl'>,
  input: { readonly email: string },
  client: SignInClient,
): Promise<void> {
  const email = requireEmail(input.email)
  const now = deps.clock.now()
  await countSignInRequest(deps.db, email, client.address, now)
  await runCommand(deps, {}, async (trx) => {
    const account = await findAccountByEmail(trx, email)
    if (account === null) return
    if (account.disabledAt !== null) {
      const id = uuidv7()
      await enqueueMail(trx, {
        id,
        dedupeKey: `${SIGN_IN_REFUSED_MAIL_KIND}:${id}`,
        kind: SIGN_IN_REFUSED_MAIL_KIND,
        candidateId: account.candidateId,
        recipient: account.email,
        ...composeSignInRefusedMail({ displayName: account.displayName, help: deps.mail.help }),
        createdAt: now,
      })
      return
    }
    await issueSignIn(trx, deps, account, now, 'sign-in')
  })
}
