import { findAccount, findAccountByEmail } from '../../db/accounts/accounts.js'
import {
  countWrongMailedCode,
  spendMailedCodeRequest,
} from '../../db/accounts/mailed-code-requests.js'
import { findLiveSignInRequests } from '../../db/accounts/sign-in-requests.js'
import { runInTransaction } from '../../db/engine/group-commit.js'
import { parseEmail } from '../../domain/email.js'
import { normalizeSignInCode } from '../../domain/sign-in-code.js'
import type { AppDeps } from '../app-deps.js'
import { AppError } from '../errors.js'
import { runCommand } from '../run-command.js'
import { completeSignIn, type SignedIn } from './complete-sign-in.js'
import { hashSignInCode, sameHash } from './secrets.js'
import type { SignInClient } from './sign-in-client.js'
import { countWrongSignInCodeFrom, requireSignInCodeEntryOpen } from './sign-in-throttle.js'
import { retryOnClaimRace } from './sign-in-with-link.js'

/**
 * Signs in with the code of a sign-in mail, typed with its email: the code
 * of any live request of that account's, matched whatever its case and
 * dashes. A wrong code counts against every live request of the account
 * (the fifth kills them) and against the caller's address (TOO_MANY_ATTEMPTS
 * past its limit, with Retry-After). A wrong code, an expired or used one
 * and an email without an account all answer SIGN_IN_CODE_INVALID alike.
 */
export async function signInWithCode(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  input: { readonly email: string; readonly code: string },
  client: SignInClient,
): Promise<SignedIn> {
  const now = deps.clock.now()
  await requireSignInCodeEntryOpen(deps.db, client.address, now)
  const email = parseEmail(input.email)
  const code = normalizeSignInCode(input.code)
  const account = email === null ? null : await findAccountByEmail(deps.db, email)
  const live =
    account === null || code === null ? [] : await findLiveSignInRequests(deps.db, account.id, now)
  const match = live.find((request) =>
    sameHash(request.codeHash, hashSignInCode(request.id, code ?? '')),
  )
  if (account === null || match === undefined || account.disabledAt !== null) {
    if (account !== null)
      await runInTransaction(deps.db, (trx) =>
        countWrongMailedCode(trx, 'sign_in_requests', account.id, now),
      )
    throw (
      (await countWrongSignInCodeFrom(deps.db, client.address, now)) ??
      new AppError('SIGN_IN_CODE_INVALID', { field: 'code' })
    )
  }
  return retryOnClaimRace(() =>
    runCommand(deps, {}, async (trx) => {
      // Spent, expired or killed since it was read (by another process, too): refused like any other.
      if (!(await spendMailedCodeRequest(trx, 'sign_in_requests', match.id, now)))
        throw new AppError('SIGN_IN_CODE_INVALID', { field: 'code' })
      const current = await findAccount(trx, account.id)
      if (current === null) throw new AppError('SIGN_IN_CODE_INVALID', { field: 'code' })
      return completeSignIn(trx, current, match, now, client, 'code')
    }),
  )
}
