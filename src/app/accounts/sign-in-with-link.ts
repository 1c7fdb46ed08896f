import { findAccount } from '../../db/accounts/accounts.js'
import { spendMailedCodeRequest } from '../../db/accounts/mailed-code-requests.js'
import { findSignInRequestByLink } from '../../db/accounts/sign-in-requests.js'
import { isUniqueViolation } from '../../db/engine/unique-violation.js'
import { isSignInLive } from '../../domain/sign-in-request.js'
import type { AppDeps } from '../app-deps.js'
import { AppError } from '../errors.js'
import { runCommand } from '../run-command.js'
import { completeSignIn, type SignedIn } from './complete-sign-in.js'
import { hashSecret } from './secrets.js'
import type { SignInClient } from './sign-in-client.js'

/**
 * Spends a sign-in link and starts a session: once, within its 15 minutes,
 * from any browser or address. An unknown, spent, expired or killed link is
 * SIGN_IN_LINK_INVALID, and nothing changes.
 */
export async function signInWithLink(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  linkSecret: string,
  client: SignInClient,
): Promise<SignedIn> {
  const now = deps.clock.now()
  const attempt = () =>
    runCommand(deps, {}, async (trx) => {
      const request = await findSignInRequestByLink(trx, hashSecret(linkSecret))
      if (request === null || !isSignInLive(request, now))
        throw new AppError('SIGN_IN_LINK_INVALID')
      const account = await findAccount(trx, request.accountId)
      if (account === null || account.disabledAt !== null)
        throw new AppError('SIGN_IN_LINK_INVALID')
      // The one statement that decides: of two presses at once, one signs in.
      if (!(await spendMailedCodeRequest(trx, 'sign_in_requests', request.id, now)))
        throw new AppError('SIGN_IN_LINK_INVALID')
      return completeSignIn(trx, account, request, now, client, 'link')
    })
  return retryOnClaimRace(attempt)
}

/**
 * Two first sign-ins of accounts with one email claiming the same record at
 * once: the loser runs again and, the record taken, gets one of its own.
 */
export async function retryOnClaimRace<T>(attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt()
  } catch (error) {
    if (!isUniqueViolation(error)) throw error
    return attempt()
  }
}
