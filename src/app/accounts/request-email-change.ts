import { v7 as uuidv7 } from 'uuid'
import { findAccount, findAccountByEmail } from '../../db/accounts/accounts.js'
import { insertEmailChange } from '../../db/accounts/email-change-requests.js'
import { expireMailedCodeRequests } from '../../db/accounts/mailed-code-requests.js'
import { enqueueMail } from '../../db/mail/outbox.js'
import { decideEmailChange, EMAIL_CHANGE_LIFETIME_MS } from '../../domain/email-change.js'
import type { Principal } from '../../domain/principal.js'
import { formatSignInCode } from '../../domain/sign-in-code.js'
import {
  composeEmailChangeMail,
  composeEmailInUseMail,
  EMAIL_CHANGE_MAIL_KIND,
  EMAIL_IN_USE_MAIL_KIND,
} from '../../mail/compose-email-change-mail.js'
import type { Actor } from '../actor.js'
import type { AppDeps } from '../app-deps.js'
import { auditAction } from '../audit-action.js'
import { AppError } from '../errors.js'
import { requireEmail } from '../input-fields.js'
import { runCommand } from '../run-command.js'
import { requireAccount } from './end-sessions.js'
import { requireRecentSignIn } from './recent-sign-in.js'
import { hashSecret, hashSignInCode, newSecret, newSignInCode } from './secrets.js'
import { selfActor } from './self-actor.js'
import { publicAddressOf, type SignInClient } from './sign-in-client.js'
import { countEmailChangeRequest } from './sign-in-throttle.js'

export interface EmailChangeInput {
  readonly email: string
}

type EmailChangeDeps = Pick<AppDeps, 'db' | 'clock' | 'mail' | 'publicUrl' | 'recentSignInMs'>

/**
 * A signed-in person asks to change their account's email. The new address
 * is mailed a link and a code (once, 15 minutes); only their use changes
 * the email (`confirm-email-change.ts`). An address another account has
 * gets a mail saying so instead, and the asker is answered the same, so
 * nobody learns which addresses have accounts. EMAIL_UNCHANGED for the
 * address the account has; EMAIL_CHANGE_THROTTLED past a limit;
 * REAUTHENTICATION_REQUIRED when the session signed in too long ago (an
 * admin asking with a session too; a token is not asked).
 */
export async function requestOwnEmailChange(
  deps: EmailChangeDeps,
  principal: Principal,
  input: EmailChangeInput,
  client: SignInClient,
): Promise<void> {
  const { accountId } = requireAccount(principal)
  await askEmailChange(deps, selfActor(principal, accountId), accountId, input, client)
}

/**
 * An admin asks to change a staff account's email: the same mail to the new
 * address, which the staff member confirms. ACCOUNT_NOT_FOUND for an
 * unknown account; ACCOUNT_NOT_STAFF for a candidate's, whose email is
 * theirs to change.
 */
export async function requestStaffEmailChange(
  deps: EmailChangeDeps,
  actor: Actor,
  accountId: string,
  input: EmailChangeInput,
  client: SignInClient,
): Promise<void> {
  const account = await findAccount(deps.db, accountId)
  if (account === null) throw new AppError('ACCOUNT_NOT_FOUND', { field: 'id', accountId })
  if (account.role === 'candidate') throw new AppError('ACCOUNT_NOT_STAFF', { accountId })
  await askEmailChange(deps, actor, accountId, input, client)
}

async function askEmailChange(
  deps: EmailChangeDeps,
  actor: Actor,
  accountId: string,
  input: EmailChangeInput,
  client: SignInClient,
): Promise<void> {
  const email = requireEmail(input.email)
  const now = deps.clock.now()
  requireRecentSignIn(deps, actor.principal, now)
  await countEmailChangeRequest(
    deps.db,
    { newEmail: email, accountId, address: client.address },
    now,
  )
  await runCommand(deps, {}, async (trx) => {
    const account = await findAccount(trx, accountId)
    if (account === null) throw new AppError('ACCOUNT_NOT_FOUND', { field: 'id', accountId })
    const holder = await findAccountByEmail(trx, email)
    const outcome = decideEmailChange(account, email, holder)
    if (outcome === 'unchanged') throw new AppError('EMAIL_UNCHANGED', { field: 'email', email })
    // The latest request is the one that counts, whatever it leads to: an earlier link dies
    // alike whether the address was free or not, so that neither tells the asker which.
    await expireMailedCodeRequests(trx, 'email_change_requests', account.id, now)
    const requestId = uuidv7()
    await auditAction(trx, actor, now, {
      candidateId: account.candidateId,
      subjectType: 'account',
      subjectId: account.id,
      action: 'email-change-asked',
      detail: { requestId, to: email, inUse: outcome === 'in-use' },
    })
    if (outcome === 'in-use' && holder !== null) {
      await enqueueMail(trx, {
        id: uuidv7(),
        dedupeKey: `${EMAIL_IN_USE_MAIL_KIND}:${requestId}`,
        kind: EMAIL_IN_USE_MAIL_KIND,
        candidateId: holder.candidateId,
        recipient: holder.email,
        ...composeEmailInUseMail({ displayName: holder.displayName, help: deps.mail.help }),
        createdAt: now,
      })
      return
    }
    const linkSecret = newSecret()
    const code = newSignInCode()
    await insertEmailChange(trx, {
      id: requestId,
      accountId: account.id,
      newEmail: email,
      linkHash: hashSecret(linkSecret),
      codeHash: hashSignInCode(requestId, code),
      requestedBy: actor.principalId,
      createdAt: now,
      expiresAt: now + EMAIL_CHANGE_LIFETIME_MS,
      spentAt: null,
      wrongCodes: 0,
    })
    await enqueueMail(trx, {
      id: uuidv7(),
      // The request's id, never a secret: the key is the Message-ID too, which relays log.
      dedupeKey: `${EMAIL_CHANGE_MAIL_KIND}:${requestId}`,
      kind: EMAIL_CHANGE_MAIL_KIND,
      candidateId: account.candidateId,
      recipient: email,
      ...composeEmailChangeMail({
        displayName: account.displayName,
        link: `${publicAddressOf(deps)}/confirm-email/${linkSecret}`,
        code: formatSignInCode(code),
        lifetimeMinutes: EMAIL_CHANGE_LIFETIME_MS / 60_000,
        byAdministrator: actor.principalId !== account.id,
        help: deps.mail.help,
      }),
      createdAt: now,
    })
  })
}
