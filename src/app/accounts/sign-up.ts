import { v7 as uuidv7 } from 'uuid'
import { findAccountByEmail, insertAccount } from '../../db/accounts/accounts.js'
import { isUniqueViolation } from '../../db/engine/unique-violation.js'
import { type CandidateSignUp, displayNameOf } from '../../domain/account.js'
import { UNNAMED } from '../../domain/acted-by.js'
import type { Actor } from '../actor.js'
import type { AppDeps } from '../app-deps.js'
import { auditAction } from '../audit-action.js'
import { requireCountry, requireEmail, requireName, requireTimeZone } from '../input-fields.js'
import { runCommand } from '../run-command.js'
import { issueSignIn } from './issue-sign-in.js'
import { sessionPrincipal } from './session-principal.js'
import type { SignInClient } from './sign-in-client.js'
import { countSignInRequest } from './sign-in-throttle.js'

export interface SignUpInput {
  readonly firstName: string
  readonly lastName: string
  readonly email: string
  readonly country: string
  readonly timeZone: string
}

/**
 * A candidate makes their own account. A new email gets an account whose
 * email is not verified yet, and a mail whose link or code verifies it (the
 * first sign-in; only then is a candidate record claimed or made, see
 * `completeSignIn`). An email that has an account gets a mail that signs
 * into that one, and nothing else changes. Both answer the same, so nobody
 * learns whether an email has an account. Throttled like a sign-in request.
 */
export async function signUp(
  deps: Pick<AppDeps, 'db' | 'clock' | 'mail' | 'publicUrl'>,
  input: SignUpInput,
  client: SignInClient,
): Promise<void> {
  const email = requireEmail(input.email)
  const signUp: CandidateSignUp = {
    firstName: requireName(input.firstName, 'firstName'),
    lastName: requireName(input.lastName, 'lastName'),
    country: requireCountry(input.country),
    timeZone: requireTimeZone(input.timeZone),
  }
  const now = deps.clock.now()
  await countSignInRequest(deps.db, email, client.address, now)
  const attempt = () =>
    runCommand(deps, {}, async (trx) => {
      const existing = await findAccountByEmail(trx, email)
      if (existing !== null) {
        // Facts travel with the request: only the one that verifies the email makes the record.
        if (existing.disabledAt === null)
          await issueSignIn(trx, deps, existing, now, 'sign-up-existing', signUp)
        return
      }
      const account = {
        id: uuidv7(),
        role: 'candidate' as const,
        displayName: displayNameOf(signUp),
        email,
        candidateId: null,
        emailVerifiedAt: null,
        createdAt: now,
        disabledAt: null,
        signUp,
      }
      await insertAccount(trx, account)
      const self: Actor = {
        principalId: account.id,
        role: 'candidate',
        channel: 'web',
        ...UNNAMED,
        accountId: account.id,
        displayName: account.displayName,
        principal: sessionPrincipal(account, 'signing-up', now),
      }
      await auditAction(trx, self, now, {
        candidateId: null,
        subjectType: 'account',
        subjectId: account.id,
        action: 'account-created',
        detail: { role: 'candidate', displayName: account.displayName },
      })
      await issueSignIn(trx, deps, account, now, 'sign-up', signUp)
    })
  try {
    await attempt()
  } catch (error) {
    // The same email signed up at the same moment elsewhere: that account exists now; sign into it.
    if (!isUniqueViolation(error)) throw error
    await attempt()
  }
}
