import { findAccountByEmail } from '../../db/accounts/accounts.js'
import type { Account } from '../../domain/account.js'
import type { Principal } from '../../domain/principal.js'
import type { AppDeps } from '../app-deps.js'
import { requireEmail } from '../input-fields.js'

/**
 * The staff member who acts for a caller at the console, found by their
 * account's email, or why they cannot act: no account has the email, it is
 * a candidate's, or it is disabled. Expected at a console where anyone may
 * mistype an address, so answered as data for the console to say.
 */
export type StaffAgent =
  | { readonly found: true; readonly account: Account }
  | { readonly found: false; readonly problem: 'unknown' | 'not-staff' | 'disabled' }

export async function findStaffAgent(
  deps: Pick<AppDeps, 'db'>,
  email: string,
): Promise<StaffAgent> {
  const account = await findAccountByEmail(deps.db, requireEmail(email, '--agent-email'))
  if (account === null) return { found: false, problem: 'unknown' }
  if (account.role !== 'support' && account.role !== 'admin')
    return { found: false, problem: 'not-staff' }
  if (account.disabledAt !== null) return { found: false, problem: 'disabled' }
  const { signUp: _signUp, ...stored } = account
  return { found: true, account: stored }
}

/**
 * The staff member as the principal of a change made at the console: their
 * account speaks, by its id, role and name, as their session would; the
 * console's own account (`cli:<user>`) is kept as the label it came through.
 */
export function agentPrincipal(
  account: Pick<Account, 'id' | 'role' | 'displayName'>,
  via: string,
): Principal {
  return {
    id: account.id,
    role: account.role,
    tokenId: null,
    tokenLabel: via,
    accountId: account.id,
    sessionId: null,
    signedInAt: null,
    displayName: account.displayName,
    providerId: null,
    candidateId: null,
  }
}
