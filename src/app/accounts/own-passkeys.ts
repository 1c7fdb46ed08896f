import { findAccount } from '../../db/accounts/accounts.js'
import {
  deletePasskey,
  findPasskeyOfAccount,
  listPasskeysOfAccount,
} from '../../db/accounts/passkeys.js'
import type { Passkey } from '../../domain/passkey.js'
import type { Principal } from '../../domain/principal.js'
import type { AppDeps } from '../app-deps.js'
import { auditAction } from '../audit-action.js'
import { AppError } from '../errors.js'
import { runCommand } from '../run-command.js'
import { toPasskey } from './add-passkey.js'
import { requireAccount } from './end-sessions.js'
import { notifyAccountChange } from './notify-account-change.js'
import { requireRecentSignIn } from './recent-sign-in.js'
import { selfActor } from './self-actor.js'

/** The signed-in person's passkeys, oldest first: name, when added, when last used. */
export async function listOwnPasskeys(
  deps: Pick<AppDeps, 'db'>,
  principal: Principal,
): Promise<Passkey[]> {
  const { accountId } = requireAccount(principal)
  return (await listPasskeysOfAccount(deps.db, accountId)).map(toPasskey)
}

/**
 * Removes one of the signed-in person's passkeys: it signs in nowhere from
 * now on, on every process (each sign-in reads it from the database).
 * PASSKEY_NOT_FOUND for one that is not theirs, as for one that never was.
 * Audited on the account, and told to its person by mail; a sign-in
 * within the last minutes is needed (REAUTHENTICATION_REQUIRED). Sessions it
 * started are left alone: ending them is a step of its own
 * (`/v1/me/sessions/{id}/end`).
 */
export function removeOwnPasskey(
  deps: Pick<AppDeps, 'db' | 'clock' | 'mail' | 'recentSignInMs'>,
  principal: Principal,
  passkeyId: string,
): Promise<Passkey> {
  const { accountId } = requireAccount(principal)
  const now = deps.clock.now()
  requireRecentSignIn(deps, principal, now)
  return runCommand(deps, {}, async (trx) => {
    const passkey = await findPasskeyOfAccount(trx, accountId, passkeyId)
    if (passkey === null || !(await deletePasskey(trx, accountId, passkeyId)))
      throw new AppError('PASSKEY_NOT_FOUND', { passkeyId })
    await auditAction(trx, selfActor(principal, accountId), now, {
      candidateId: principal.candidateId,
      subjectType: 'account',
      subjectId: accountId,
      action: 'passkey-removed',
      detail: { passkeyId, name: passkey.name },
    })
    const account = await findAccount(trx, accountId)
    if (account !== null)
      await notifyAccountChange(trx, deps.mail, {
        account,
        change: { kind: 'passkey-removed', passkeyName: passkey.name },
        subjectId: passkeyId,
        at: now,
      })
    return toPasskey(passkey)
  })
}
