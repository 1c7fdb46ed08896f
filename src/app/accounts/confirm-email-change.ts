import type { Kysely } from 'kysely'
import {
  changeAccountEmail,
  findAccount,
  findAccountByEmail,
  type StoredAccount,
} from '../../db/accounts/accounts.js'
import {
  findEmailChangeByLink,
  findLiveEmailChanges,
  type StoredEmailChange,
} from '../../db/accounts/email-change-requests.js'
import {
  countWrongMailedCode,
  expireMailedCodeRequests,
  spendMailedCodeRequest,
} from '../../db/accounts/mailed-code-requests.js'
import { findCandidate, updateCandidateEmail } from '../../db/candidates/candidates.js'
import { runInTransaction } from '../../db/engine/group-commit.js'
import type { DB } from '../../db/engine/schema.js'
import { isUniqueViolation } from '../../db/engine/unique-violation.js'
import type { Account } from '../../domain/account.js'
import type { Instant } from '../../domain/instant.js'
import type { Principal } from '../../domain/principal.js'
import { normalizeSignInCode } from '../../domain/sign-in-code.js'
import { isSignInLive } from '../../domain/sign-in-request.js'
import type { AppDeps } from '../app-deps.js'
import { auditAction } from '../audit-action.js'
import { AppError } from '../errors.js'
import { runCommand } from '../run-command.js'
import { requireAccount } from './end-sessions.js'
import { ownActor } from './finish-oidc.js'
import { notifyAccountChange } from './notify-account-change.js'
import { hashSecret, hashSignInCode, sameHash } from './secrets.js'
import type { SignInClient } from './sign-in-client.js'
import { countWrongSignInCodeFrom, requireSignInCodeEntryOpen } from './sign-in-throttle.js'

type ConfirmDeps = Pick<AppDeps, 'db' | 'clock' | 'mail'>

/** An email change confirmed: the account as it now stands, and the address it had. */
export interface EmailChanged {
  readonly account: Account
  readonly previousEmail: string
}

/**
 * Confirms a new email with the link mailed to it: once, within its 15
 * minutes, from any browser (whoever holds the link holds the mailbox). An
 * unknown, spent, expired, replaced or killed link, or a disabled account,
 * is EMAIL_CHANGE_LINK_INVALID, and nothing changes.
 */
export async function confirmEmailChangeWithLink(
  deps: ConfirmDeps,
  linkSecret: string,
): Promise<EmailChanged> {
  const now = deps.clock.now()
  return confirmingOnce((confirming) =>
    runCommand(deps, {}, async (trx) => {
      const request = await findEmailChangeByLink(trx, hashSecret(linkSecret))
      if (request === null || !isSignInLive(request, now))
        throw new AppError('EMAIL_CHANGE_LINK_INVALID')
      const account = await findAccount(trx, request.accountId)
      if (account === null || account.disabledAt !== null)
        throw new AppError('EMAIL_CHANGE_LINK_INVALID')
      // The one statement that decides: of two presses at once, one changes the email.
      if (!(await spendMailedCodeRequest(trx, 'email_change_requests', request.id, now)))
        throw new AppError('EMAIL_CHANGE_LINK_INVALID')
      confirming.email = request.newEmail
      return applyEmailChange(trx, deps, account, request, now)
    }),
  )
}

/**
 * Confirms a new email with the code mailed to it, typed by the signed-in
 * person whose account it is for: the code of any live request of theirs,
 * whatever its case and dashes. A wrong code counts against every live
 * request of the account (the fifth kills them) and against the caller's
 * network address together with wrong sign-in codes (TOO_MANY_ATTEMPTS past
 * its limit). A wrong, expired, used or replaced code all answer
 * EMAIL_CHANGE_CODE_INVALID.
 */
export async function confirmEmailChangeWithCode(
  deps: ConfirmDeps,
  principal: Principal,
  input: { readonly code: string },
  client: SignInClient,
): Promise<EmailChanged> {
  const { accountId } = requireAccount(principal)
  const now = deps.clock.now()
  await requireSignInCodeEntryOpen(deps.db, client.address, now)
  const code = normalizeSignInCode(input.code)
  const live = code === null ? [] : await findLiveEmailChanges(deps.db, accountId, now)
  const match = live.find((request) =>
    sameHash(request.codeHash, hashSignInCode(request.id, code ?? '')),
  )
  if (match === undefined) {
    await runInTransaction(deps.db, (trx) =>
      countWrongMailedCode(trx, 'email_change_requests', accountId, now),
    )
    throw (
      (await countWrongSignInCodeFrom(deps.db, client.address, now)) ??
      new AppError('EMAIL_CHANGE_CODE_INVALID', { field: 'code' })
    )
  }
  return confirmingOnce((confirming) =>
    runCommand(deps, {}, async (trx) => {
      confirming.email = match.newEmail
      // Spent, expired or replaced since it was read (by another process, too): refused like any other.
      if (!(await spendMailedCodeRequest(trx, 'email_change_requests', match.id, now)))
        throw new AppError('EMAIL_CHANGE_CODE_INVALID', { field: 'code' })
      const account = await findAccount(trx, accountId)
      if (account === null || account.disabledAt !== null)
        throw new AppError('EMAIL_CHANGE_CODE_INVALID', { field: 'code' })
      return applyEmailChange(trx, deps, account, match, now)
    }),
  )
}

/**
 * What a confirmation does once its request is spent, in the same
 * transaction: the account takes the new email, verified now; a candidate's
 * record takes it too (audited with the old value); the sign-in mails still
 * live for the old address and the account's other email changes stop
 * working; the old address is told. Sessions stay. Another account holding
 * the address by now is ACCOUNT_EMAIL_TAKEN, and nothing changes.
 */
async function applyEmailChange(
  trx: Kysely<DB>,
  deps: Pick<AppDeps, 'mail'>,
  account: StoredAccount,
  request: StoredEmailChange,
  now: Instant,
): Promise<EmailChanged> {
  const taken = () =>
    new AppError('ACCOUNT_EMAIL_TAKEN', { field: 'email', email: request.newEmail })
  const holder = await findAccountByEmail(trx, request.newEmail)
  if (holder !== null && holder.id !== account.id) throw taken()
  const previousEmail = account.email
  const actor = ownActor(account)
  await changeAccountEmail(trx, account.id, request.newEmail, now)
  await auditAction(trx, actor, now, {
    candidateId: account.candidateId,
    subjectType: 'account',
    subjectId: account.id,
    action: 'email-changed',
    detail: { requestId: request.id, from: previousEmail, to: request.newEmail },
  })
  const record = account.candidateId === null ? null : await findCandidate(trx, account.candidateId)
  if (record !== null && record.email !== request.newEmail) {
    await updateCandidateEmail(trx, record, request.newEmail)
    await auditAction(trx, actor, now, {
      candidateId: record.id,
      subjectType: 'candidate',
      subjectId: record.id,
      action: 'profile-changed',
      detail: { email: { from: record.email, to: request.newEmail } },
    })
  }
  await expireMailedCodeRequests(trx, 'sign_in_requests', account.id, now)
  await expireMailedCodeRequests(trx, 'email_change_requests', account.id, now)
  await notifyAccountChange(trx, deps.mail, {
    account,
    change: {
      kind: 'email-changed',
      from: previousEmail,
      to: request.newEmail,
      byAdministrator: request.requestedBy !== account.id,
    },
    subjectId: request.id,
    at: now,
    recipient: previousEmail,
  })
  const { signUp: _signUp, ...rest } = account
  return {
    account: { ...rest, email: request.newEmail, emailVerifiedAt: now },
    previousEmail,
  }
}

/**
 * Runs a confirmation; another account that took the address at the same
 * moment (the unique index decided) is ACCOUNT_EMAIL_TAKEN. `confirm` is
 * handed where to say which address it was confirming.
 */
async function confirmingOnce(
  confirm: (confirming: { email: string }) => Promise<EmailChanged>,
): Promise<EmailChanged> {
  const confirming = { email: '' }
  try {
    return await confirm(confirming)
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('ACCOUNT_EMAIL_TAKEN', { field: 'email', email: confirming.email })
    throw error
  }
}
