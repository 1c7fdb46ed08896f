import { v7 as uuidv7 } from 'uuid'
import { findAccount } from '../../db/accounts/accounts.js'
import { findOidcFlowByState, spendOidcFlow } from '../../db/accounts/oidc-flows.js'
import {
  findOutsideIdentity,
  insertOutsideIdentity,
  touchOutsideIdentity,
} from '../../db/accounts/outside-identities.js'
import { isUniqueViolation } from '../../db/engine/unique-violation.js'
import { UNNAMED } from '../../domain/acted-by.js'
import { mayUseOidc, type OutsideIdentity } from '../../domain/outside-identity.js'
import type { Actor } from '../actor.js'
import type { AppDeps } from '../app-deps.js'
import { auditAction } from '../audit-action.js'
import { AppError } from '../errors.js'
import { runCommand } from '../run-command.js'
import { authenticateSession } from './authenticate-session.js'
import { completeSignIn, type SignedIn } from './complete-sign-in.js'
import { notifyAccountChange } from './notify-account-change.js'
import { requireRecentSignIn } from './recent-sign-in.js'
import { hashSecret, sameHash } from './secrets.js'
import type { SignInClient } from './sign-in-client.js'
import { oidcRedirectUri, requireOidc } from './start-oidc.js'

/** What the browser brought back: the callback's query (code and state), and its cookies' secrets. */
export interface OidcCallback {
  /** The callback's query: `code`, `state`, `iss`, or the issuer's `error`. */
  readonly query: URLSearchParams
  /** The secret of the flow's cookie, set when the flow started. */
  readonly browserSecret: string | undefined
  /** The session cookie's secret: a link is finished by the account that started it, still signed in. */
  readonly sessionSecret: string | undefined
}

export type OidcOutcome =
  | { readonly mode: 'sign-in'; readonly signedIn: SignedIn }
  | { readonly mode: 'link'; readonly identity: OutsideIdentity }

/**
 * Finishes a flow at the issuer's answer. The flow is found by its state,
 * checked against the browser's secret and spent (one statement: a callback
 * replayed, here or on another process, finds nothing) before the code is
 * redeemed; then openid-client checks the code with the PKCE verifier and
 * the ID token with the nonce.
 *
 * - sign-in: the identity's link names the account, which gets a new session
 *   as a mail's code would give it; no link is OIDC_IDENTITY_NOT_LINKED and
 *   no session. The email the issuer may assert is never looked at.
 * - link: the identity is linked to the account that started the flow
 *   (audited, and told to its person by mail); already linked to it,
 *   nothing changes; linked to another, OIDC_IDENTITY_TAKEN.
 */
export async function finishOidc(
  deps: Pick<
    AppDeps,
    'db' | 'clock' | 'oidc' | 'sessionTimeouts' | 'publicUrl' | 'mail' | 'recentSignInMs'
  >,
  callback: OidcCallback,
  client: SignInClient,
): Promise<OidcOutcome> {
  const oidc = requireOidc(deps)
  const now = deps.clock.now()
  const state = callback.query.get('state') ?? ''
  const flow = state === '' ? null : await findOidcFlowByState(deps.db, hashSecret(state))
  if (flow === null || flow.spentAt !== null)
    throw new AppError('OIDC_CALLBACK_INVALID', { problem: 'unknown-state' })
  if (now >= flow.expiresAt) throw new AppError('OIDC_CALLBACK_INVALID', { problem: 'expired' })
  if (
    callback.browserSecret === undefined ||
    !sameHash(flow.browserHash, hashSecret(callback.browserSecret))
  )
    throw new AppError('OIDC_CALLBACK_INVALID', { problem: 'other-browser' })
  if (flow.mode === 'link') {
    const holder =
      callback.sessionSecret === undefined
        ? null
        : await authenticateSession(deps, callback.sessionSecret)
    if (holder === null || holder.principal.accountId !== flow.accountId)
      throw new AppError('OIDC_CALLBACK_INVALID', { problem: 'signed-out' })
    // Linking is the change: its sign-in must still be recent when the browser comes back.
    requireRecentSignIn(deps, holder.principal, now)
  }
  if (!(await runCommand(deps, {}, (trx) => spendOidcFlow(trx, flow.id, now))))
    throw new AppError('OIDC_CALLBACK_INVALID', { problem: 'unknown-state' })
  // Outside any transaction: a call to the issuer holds no database connection.
  const issued = await oidc.identify({
    // The address the issuer was asked to send the browser to: the token request names it again.
    callbackUrl: new URL(`${oidcRedirectUri(deps)}?${callback.query}`),
    state,
    nonce: flow.nonce,
    codeVerifier: flow.codeVerifier,
  })
  if (flow.mode === 'sign-in') {
    const signedIn = await runCommand(deps, {}, async (trx) => {
      const link = await findOutsideIdentity(trx, issued.issuer, issued.subject)
      const account = link === null ? null : await findAccount(trx, link.accountId)
      // A disabled account signs in no way at all: its link is as good as none.
      if (link === null || account === null || account.disabledAt !== null)
        throw new AppError('OIDC_IDENTITY_NOT_LINKED')
      if (!mayUseOidc(account.role, oidc.settings))
        throw new AppError('OIDC_ROLE_NOT_ALLOWED', {
          role: account.role,
          allowedRoles: oidc.settings.roles,
        })
      await touchOutsideIdentity(trx, link.id, now)
      return completeSignIn(trx, account, { signUp: null }, now, client, 'oidc')
    })
    return { mode: 'sign-in', signedIn }
  }
  const accountId = flow.accountId!
  try {
    const identity = await runCommand(deps, {}, async (trx) => {
      const account = await findAccount(trx, accountId)
      if (account === null || account.disabledAt !== null)
        throw new AppError('OIDC_CALLBACK_INVALID', { problem: 'signed-out' })
      if (!mayUseOidc(account.role, oidc.settings))
        throw new AppError('OIDC_ROLE_NOT_ALLOWED', {
          role: account.role,
          allowedRoles: oidc.settings.roles,
        })
      const existing = await findOutsideIdentity(trx, issued.issuer, issued.subject)
      if (existing !== null) {
        if (existing.accountId === accountId) return existing
        throw new AppError('OIDC_IDENTITY_TAKEN')
      }
      const identity: OutsideIdentity = {
        id: uuidv7(),
        issuer: issued.issuer,
        subject: issued.subject,
        accountId,
        linkedAt: now,
        lastUsedAt: null,
      }
      await insertOutsideIdentity(trx, identity)
      await auditAction(trx, ownActor(account), now, {
        candidateId: account.candidateId,
        subjectType: 'account',
        subjectId: accountId,
        action: 'identity-linked',
        detail: { identityId: identity.id, issuer: identity.issuer, subject: identity.subject },
      })
      await notifyAccountChange(trx, deps.mail, {
        account,
        change: { kind: 'identity-linked', issuer: identity.issuer },
        subjectId: identity.id,
        at: now,
      })
      return identity
    })
    return { mode: 'link', identity }
  } catch (error) {
    // Linked at the same moment by another account's flow: the unique index decided.
    if (isUniqueViolation(error)) throw new AppError('OIDC_IDENTITY_TAKEN')
    throw error
  }
}

/** A person acting on their own account, on the web. */
export function ownActor(account: {
  readonly id: string
  readonly role: Actor['role']
  readonly displayName: string
}): Actor {
  return {
    principalId: account.id,
    role: account.role,
    channel: 'web',
    ...UNNAMED,
    accountId: account.id,
    displayName: account.displayName,
    // Only the person's own account and its identities are touched: no candidate's object is reached.
    principal: {
      id: account.id,
      role: account.role,
      tokenId: null,
      tokenLabel: null,
      accountId: account.id,
      sessionId: null,
      signedInAt: null,
      displayName: account.displayName,
      providerId: null,
      candidateId: null,
    },
  }
}
