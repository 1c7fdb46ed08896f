import * as oidc from 'openid-client'
import type { OidcSettings } from '../../domain/outside-identity.js'
import { AppError } from '../errors.js'

/** Who the issuer says signed in: its identifier and the subject, the one claim an identity is known by. */
export interface IssuedIdentity {
  readonly issuer: string
  readonly subject: string
}

/** The issuer as examdesk speaks to it: an authorization request out, an authorization code back in. */
export interface OidcClient {
  readonly settings: OidcSettings
  /** Where to send the browser: the authorization-code request, with PKCE (S256), state and nonce. */
  authorizationUrl(input: {
    readonly redirectUri: string
    readonly state: string
    readonly nonce: string
    readonly codeVerifier: string
  }): Promise<string>
  /**
   * Redeems the code of the issuer's answer at its token endpoint and checks
   * the ID token (signature, issuer, audience, expiry, nonce): the identity
   * it names. OIDC_CALLBACK_INVALID when the answer does not pass.
   */
  identify(input: {
    readonly callbackUrl: URL
    readonly state: string
    readonly nonce: string
    readonly codeVerifier: string
  }): Promise<IssuedIdentity>
}

/**
 * An OpenID Connect client on openid-client. The issuer's discovery document
 * is read at the first use and kept for the process; a failed read is tried
 * again at the next use, so a server starts whether or not the issuer
 * answers. The client secret goes to the token endpoint only (HTTP Basic).
 */
export function openIdClient(settings: OidcSettings): OidcClient {
  let discovered: Promise<oidc.Configuration> | null = null
  const configuration = (): Promise<oidc.Configuration> => {
    if (discovered === null) {
      discovered = oidc
        .discovery(
          new URL(settings.issuer),
          settings.clientId,
          settings.clientSecret,
          undefined,
          // Plain http is allowed by the settings only for an issuer on this machine.
          settings.issuer.startsWith('http:') ? { execute: [oidc.allowInsecureRequests] } : {},
        )
        .catch(() => {
          discovered = null
          throw new AppError('OIDC_PROVIDER_UNAVAILABLE')
        })
    }
    return discovered
  }
  return {
    settings,
    async authorizationUrl(input) {
      const config = await configuration()
      return oidc.buildAuthorizationUrl(config, {
        redirect_uri: input.redirectUri,
        // The subject is all examdesk reads: no email, no profile is asked for.
        scope: 'openid',
        response_type: 'code',
        code_challenge: await oidc.calculatePKCECodeChallenge(input.codeVerifier),
        code_challenge_method: 'S256',
        state: input.state,
        nonce: input.nonce,
      }).href
    },
    async identify(input) {
      const config = await configuration()
      let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>
      try {
        tokens = await oidc.authorizationCodeGrant(config, input.callbackUrl, {
          pkceCodeVerifier: input.codeVerifier,
          expectedState: input.state,
          expectedNonce: input.nonce,
          idTokenExpected: true,
        })
      } catch (error) {
        throw answerRefused(error)
      }
      const claims = tokens.claims()
      if (claims === undefined)
        throw new AppError('OIDC_CALLBACK_INVALID', { problem: 'unverified' })
      return { issuer: claims.iss, subject: claims.sub }
    },
  }
}

/** What a failed code exchange means to the person: the issuer said no, the answer did not pass, or the issuer was not there. */
function answerRefused(error: unknown): AppError {
  if (error instanceof oidc.AuthorizationResponseError)
    return new AppError('OIDC_CALLBACK_INVALID', { problem: 'refused' })
  if (error instanceof oidc.ResponseBodyError && error.status < 500)
    return new AppError('OIDC_CALLBACK_INVALID', { problem: 'unverified' })
  if (error instanceof oidc.ClientError || error instanceof oidc.WWWAuthenticateChallengeError)
    return new AppError('OIDC_CALLBACK_INVALID', { problem: 'unverified' })
  return new AppError('OIDC_PROVIDER_UNAVAILABLE')
}
