import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { StoredAccount } from '../../db/accounts/accounts.js'
import { findClaimableCandidate, verifyAccountEmail } from '../../db/accounts/accounts.js'
import { insertSession } from '../../db/accounts/sessions.js'
import { findCandidate, insertCandidate } from '../../db/candidates/candidates.js'
import type { DB } from '../../db/engine/schema.js'
import { type Account, type CandidateSignUp, displayNameOf } from '../../domain/account.js'
import { UNNAMED } from '../../domain/acted-by.js'
import type { Instant } from '../../domain/instant.js'
import type { Actor } from '../actor.js'
import { auditAction } from '../audit-action.js'
import { hashSecret, newSecret } from './secrets.js'
import { sessionPrincipal } from './session-principal.js'
import type { SignInClient } from './sign-in-client.js'

/** A person just signed in: their account as it now stands, and the new session with its secret (for the cookie, once). */
export interface SignedIn {
  readonly account: Account
  readonly session: { readonly id: string; readonly secret: string }
}

/**
 * What every sign-in does once its link or code is spent, in the same
 * transaction: the email counts as verified from now on; a candidate's
 * account with no record yet claims the oldest unclaimed record with its
 * email (and takes its name), or gets a new one made from what the sign-up
 * of the spent request gave (else what the first sign-up gave): whoever
 * typed the email first, without owning it, chooses nothing. A new session
 * starts, with a secret of its own (never one the browser had).
 */
export async function completeSignIn(
  trx: Kysely<DB>,
  stored: StoredAccount,
  spent: { readonly signUp: CandidateSignUp | null },
  now: Instant,
  client: SignInClient,
  via: 'link' | 'code' | 'oidc' | 'passkey',
  /** What else the audit entry names: the passkey that signed in. */
  signedInWith: { readonly passkeyId?: string } = {},
): Promise<SignedIn> {
  const actor: Actor = {
    principalId: stored.id,
    role: stored.role,
    channel: 'web',
    ...UNNAMED,
    accountId: stored.id,
    displayName: stored.displayName,
    principal: sessionPrincipal(stored, 'signing-in', now),
  }
  let candidateId = stored.candidateId
  let displayName = stored.displayName
  if (stored.role === 'candidate' && candidateId === null) {
    const record = await claimOrMakeCandidate(
      trx,
      stored,
      spent.signUp ?? stored.signUp,
      now,
      actor,
    )
    if (record !== null) {
      candidateId = record.id
      displayName = record.displayName
    }
  }
  await verifyAccountEmail(
    trx,
    stored.id,
    now,
    candidateId === null || candidateId === stored.candidateId
      ? null
      : { candidateId, displayName },
  )
  const secret = newSecret()
  const session = { id: uuidv7(), secret }
  await insertSession(trx, {
    id: session.id,
    secretHash: hashSecret(secret),
    accountId: stored.id,
    createdAt: now,
    lastSeenAt: now,
    endedAt: null,
    endedReason: null,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
    address: client.address,
  })
  await auditAction(trx, actor, now, {
    candidateId,
    subjectType: 'account',
    subjectId: stored.id,
    action: 'signed-in',
    detail: { sessionId: session.id, via, ...signedInWith },
  })
  const { signUp: _signUp, ...account } = stored
  return {
    account: {
      ...account,
      candidateId,
      displayName,
      emailVerifiedAt: stored.emailVerifiedAt ?? now,
    },
    session,
  }
}

/** The record an account now speaks for, and the name it goes by; null when there is nothing to make one from. */
async function claimOrMakeCandidate(
  trx: Kysely<DB>,
  account: StoredAccount,
  signUp: CandidateSignUp | null,
  now: Instant,
  actor: Actor,
): Promise<{ readonly id: string; readonly displayName: string } | null> {
  const claimable = await findClaimableCandidate(trx, account.email)
  if (claimable !== null) {
    const record = await findCandidate(trx, claimable.id)
    await auditAction(trx, actor, now, {
      candidateId: claimable.id,
      subjectType: 'account',
      subjectId: account.id,
      action: 'candidate-claimed',
      detail: { candidateId: claimable.id },
    })
    return {
      id: claimable.id,
      displayName: record === null ? account.displayName : displayNameOf(record),
    }
  }
  if (signUp === null) return null
  const id = uuidv7()
  await insertCandidate(trx, { id, ...signUp, email: account.email, createdAt: now })
  await auditAction(trx, actor, now, {
    candidateId: id,
    subjectType: 'candidate',
    subjectId: id,
    action: 'candidate-created',
    detail: { accountId: account.id },
  })
  return { id, displayName: displayNameOf(signUp) }
}
