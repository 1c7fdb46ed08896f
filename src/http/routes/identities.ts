import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import { listOwnIdentities, removeOwnIdentity } from '../../app/accounts/outside-identities.js'
import { startOidc } from '../../app/accounts/start-oidc.js'
import type { AppDeps } from '../../app/app-deps.js'
import { setOidcCookie } from '../oidc-cookie.js'
import {
  OidcStartedOut,
  OutsideIdentityOut,
  toOutsideIdentityOut,
} from '../schemas/outside-identity.js'
import type { SessionCookie } from '../session-cookie.js'

const IdentityParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })

/**
 * A signed-in person's outside identities (`/v1/me/identities…`): linking
 * one at the OpenID Connect issuer, listing them, removing one. Linking is
 * the one way an identity comes to sign in to an account.
 */
export function identityRoutes(deps: AppDeps, cookie: SessionCookie): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

    app.post(
      '/me/identities/oidc/link',
      {
        schema: {
          operationId: 'startOidcLink',
          summary:
            'Start linking my identity at the identity provider: open the answered address in this browser',
          description:
            'The provider sends the browser back to /sign-in/oidc/callback, which links the identity to the account still signed in there (audited); from then on it signs in to this account. Sets a short-lived cookie that ties the link to this browser.',
          tags: ['accounts'],
          'x-problems': [
            'ACCOUNT_REQUIRED',
            'REAUTHENTICATION_REQUIRED',
            'OIDC_NOT_ENABLED',
            'OIDC_ROLE_NOT_ALLOWED',
            'OIDC_PROVIDER_UNAVAILABLE',
            'DATABASE_UNAVAILABLE',
          ],
          response: { 200: OidcStartedOut },
        },
      },
      async (request, reply) => {
        const started = await startOidc(deps, { mode: 'link', principal: request.principal })
        setOidcCookie(reply, cookie, started.browserSecret)
        return { authorizationUrl: started.authorizationUrl }
      },
    )

    app.get(
      '/me/identities',
      {
        schema: {
          operationId: 'listMyIdentities',
          summary: 'My linked identities at the identity provider, oldest first',
          tags: ['accounts'],
          'x-problems': ['ACCOUNT_REQUIRED'],
          response: { 200: Type.Object({ items: Type.Array(OutsideIdentityOut) }) },
        },
      },
      async (request) => ({
        items: (await listOwnIdentities(deps, request.principal)).map(toOutsideIdentityOut),
      }),
    )

    app.delete(
      '/me/identities/:id',
      {
        schema: {
          operationId: 'removeMyIdentity',
          summary: 'Unlink one of my identities: it signs nobody in from now on',
          tags: ['accounts'],
          'x-problems': [
            'ACCOUNT_REQUIRED',
            'REAUTHENTICATION_REQUIRED',
            'OUTSIDE_IDENTITY_NOT_FOUND',
            'DATABASE_UNAVAILABLE',
          ],
          params: IdentityParams,
          response: { 204: Type.Null({ description: 'Unlinked' }) },
        },
      },
      async (request, reply) => {
        await removeOwnIdentity(deps, request.principal, request.params.id)
        return reply.code(204).send(null)
      },
    )
  }
}
