import { v7 as uuidv7 } from 'uuid'
import { findAccount } from '../../db/accounts/accounts.js'
import { insertOidcFlow, purgeOidcFlows } from '../../db/accounts/oidc-flows.js'
import { mayUseOidc, OIDC_FLOW_LIFETIME_MS } from '../../domain/outside-identity.js'
import type { Principal } from '../../domain/principal.js'
import type { AppDeps } from '../app-deps.js'
import { AppError } from '../errors.js'
import { runCommand } from '../run-command.js'
import { requireAccount } from './end-sessions.js'
import type { OidcClient } from './oidc-client.js'
import { requireRecentSignIn } from './recent-sign-in.js'
import { hashSecret, newSecret } from './secrets.js'
import { publicAddressOf } from './sign-in-client.js'

const FORGET_AFTER_MS = 24 * 60 * 60_000

/** Where the issuer sends the browser back: the public address's `/sign-in/oidc/callback`. */
export function oidcRedirectUri(deps: Pick<AppDeps, 'publicUrl'>): string {
  return `${publicAddressOf(deps)}/sign-in/oidc/callback`
}

/** A started flow: the issuer's address to send the browser to, and the secret the browser keeps in a cookie until it comes back. */
export interface StartedOidc {
  readonly authorizationUrl: string
  readonly browserSecret: string
}

/** The switched-on client; OIDC_NOT_ENABLED when an operator has not set an issuer. */
export function requireOidc(deps: Pick<AppDeps, 'oidc'>): OidcClient {
  if (deps.oidc === undefined || deps.oidc === null) throw new AppError('OIDC_NOT_ENABLED')
  return deps.oidc
}

/**
 * Starts an authorization-code flow: a sign-in by anyone, or a link by a
 * signed-in person whose role may use OpenID Connect. State, nonce and the
 * PKCE verifier are new and random; the flow is kept in the database for 10
 * minutes (every process can finish it, once) with the hash of a secret that
 * only the starting browser holds, so that nobody can finish it from
 * another browser (a victim sent the callback address of an attacker's flow).
 */
export async function startOidc(
  deps: Pick<AppDeps, 'db' | 'clock' | 'oidc' | 'publicUrl' | 'recentSignInMs'>,
  start: { readonly mode: 'sign-in' } | { readonly mode: 'link'; readonly principal: Principal },
): Promise<StartedOidc> {
  const client = requireOidc(deps)
  let accountId: string | null = null
  if (start.mode === 'link') {
    accountId = requireAccount(start.principal).accountId
    // Asked at the start too, so that nobody is sent to the identity provider for nothing.
    requireRecentSignIn(deps, start.principal, deps.clock.now())
    const account = await findAccount(deps.db, accountId)
    if (account === null || !mayUseOidc(account.role, client.settings))
      throw new AppError('OIDC_ROLE_NOT_ALLOWED', {
        role: account?.role ?? start.principal.role,
        allowedRoles: client.settings.roles,
      })
  }
  const state = newSecret()
  const nonce = newSecret()
  const codeVerifier = newSecret()
  const browserSecret = newSecret()
  // Asked first: an issuer that cannot be reached leaves no flow behind.
  const authorizationUrl = await client.authorizationUrl({
    redirectUri: oidcRedirectUri(deps),
    state,
    nonce,
    codeVerifier,
  })
  const now = deps.clock.now()
  await runCommand(deps, {}, async (trx) => {
    // Flows a day past their end are forgotten here: the table holds the last day's at most.
    await purgeOidcFlows(trx, now - FORGET_AFTER_MS)
    await insertOidcFlow(trx, {
      id: uuidv7(),
      stateHash: hashSecret(state),
      browserHash: hashSecret(browserSecret),
      codeVerifier,
      nonce,
      mode: start.mode,
      accountId,
      createdAt: now,
      expiresAt: now + OIDC_FLOW_LIFETIME_MS,
      spentAt: null,
    })
  })
  return { authorizationUrl, browserSecret }
}
