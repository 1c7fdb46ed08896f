import { findAccount, setAccountDisabled } from '../../db/accounts/accounts.js'
import { endSessionsOfAccount } from '../../db/accounts/sessions.js'
import type { Account } from '../../domain/account.js'
import type { Actor } from '../actor.js'
import type { AppDeps } from '../app-deps.js'
import { auditAction } from '../audit-action.js'
import { AppError } from '../errors.js'
import { runCommand } from '../run-command.js'
import { requireRecentSignIn } from './recent-sign-in.js'
import { withoutSignUp } from './staff-accounts.js'

/**
 * An admin disables a support agent's or an admin's account, with a reason
 * (`actor.reason`): every session it holds ends in the same transaction, so
 * its next request is refused on every process, and it signs in no way
 * until enabled again. Audited on the account with who and why. Disabling
 * a disabled account changes nothing. ACCOUNT_NOT_FOUND, ACCOUNT_NOT_STAFF
 * for a candidate's, ACCOUNT_DISABLE_OWN for the admin's own account (an
 * admin who locks themself out needs another to let them back in);
 * REAUTHENTICATION_REQUIRED for an admin's session signed in too long ago.
 */
export function disableStaffAccount(
  deps: Pick<AppDeps, 'db' | 'clock' | 'recentSignInMs'>,
  actor: Actor,
  accountId: string,
): Promise<Account> {
  const now = deps.clock.now()
  requireRecentSignIn(deps, actor.principal, now)
  return runCommand(deps, {}, async (trx) => {
    const account = await requireStaffAccount(trx, accountId, 'disable')
    if (account.id === actor.accountId) throw new AppError('ACCOUNT_DISABLE_OWN', { accountId })
    if (!(await setAccountDisabled(trx, account.id, now))) return account
    const ended = await endSessionsOfAccount(trx, account.id, now, 'ended')
    await auditAction(trx, actor, now, {
      candidateId: null,
      subjectType: 'account',
      subjectId: account.id,
      action: 'account-disabled',
      detail: { role: account.role, displayName: account.displayName, sessionsEnded: ended },
    })
    return { ...account, disabledAt: now }
  })
}

/**
 * An admin enables a disabled staff account again, with a reason: it signs
 * in afresh (its old sessions stay ended). Enabling an enabled account
 * changes nothing.
 */
export function enableStaffAccount(
  deps: Pick<AppDeps, 'db' | 'clock' | 'recentSignInMs'>,
  actor: Actor,
  accountId: string,
): Promise<Account> {
  const now = deps.clock.now()
  requireRecentSignIn(deps, actor.principal, now)
  return runCommand(deps, {}, async (trx) => {
    const account = await requireStaffAccount(trx, accountId, 'enable')
    if (!(await setAccountDisabled(trx, account.id, null))) return account
    await auditAction(trx, actor, now, {
      candidateId: null,
      subjectType: 'account',
      subjectId: account.id,
      action: 'account-enabled',
      detail: { role: account.role, displayName: account.displayName },
    })
    return { ...account, disabledAt: null }
  })
}

async function requireStaffAccount(
  db: Parameters<typeof findAccount>[0],
  accountId: string,
  asked: 'disable' | 'enable',
): Promise<Account> {
  const found = await findAccount(db, accountId)
  if (found === null) throw new AppError('ACCOUNT_NOT_FOUND', { field: 'id', accountId })
  if (found.role === 'candidate') throw new AppError('ACCOUNT_NOT_STAFF', { accountId, asked })
  return withoutSignUp(found)
}
