import { findAccount } from '../../db/accounts/accounts.js'
import {
  deleteOutsideIdentity,
  listOutsideIdentitiesOfAccount,
} from '../../db/accounts/outside-identities.js'
import type { OutsideIdentity } from '../../domain/outside-identity.js'
import type { Principal } from '../../domain/principal.js'
import type { AppDeps } from '../app-deps.js'
import { auditAction } from '../audit-action.js'
import { AppError } from '../errors.js'
import { runCommand } from '../run-command.js'
import { requireAccount } from './end-sessions.js'
import { ownActor } from './finish-oidc.js'
import { notifyAccountChange } from './notify-account-change.js'
import { requireRecentSignIn } from './recent-sign-in.js'

/** The outside identities linked to the signed-in person's account, oldest first. */
export async function listOwnIdentities(
  deps: Pick<AppDeps, 'db'>,
  principal: Principal,
): Promise<OutsideIdentity[]> {
  const { accountId } = requireAccount(principal)
  return listOutsideIdentitiesOfAccount(deps.db, accountId)
}

/**
 * Unlinks one of the signed-in person's identities (audited, and told to
 * them by mail): it signs in nobody from now on, and may be linked again,
 * to this account or another. OUTSIDE_IDENTITY_NOT_FOUND for one that is
 * not theirs; REAUTHENTICATION_REQUIRED without a recent sign-in.
 */
export function removeOwnIdentity(
  deps: Pick<AppDeps, 'db' | 'clock' | 'mail' | 'recentSignInMs'>,
  principal: Principal,
  identityId: string,
): Promise<OutsideIdentity> {
  const { accountId } = requireAccount(principal)
  const now = deps.clock.now()
  requireRecentSignIn(deps, principal, now)
  return runCommand(deps, {}, async (trx) => {
    const removed = await deleteOutsideIdentity(trx, accountId, identityId)
    const account = await findAccount(trx, accountId)
    if (removed === null || account === null)
      throw new AppError('OUTSIDE_IDENTITY_NOT_FOUND', { identityId })
    await auditAction(trx, ownActor(account), now, {
      candidateId: account.candidateId,
      subjectType: 'account',
      subjectId: accountId,
      action: 'identity-unlinked',
      detail: { identityId, issuer: removed.issuer, subject: removed.subject },
    })
    await notifyAccountChange(trx, deps.mail, {
      account,
      change: { kind: 'identity-unlinked', issuer: removed.issuer },
      subjectId: identityId,
      at: now,
    })
    return removed
  })
}
