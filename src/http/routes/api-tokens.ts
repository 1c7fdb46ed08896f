import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import { issueApiToken } from '../../app/access/issue-api-token.js'
import { listApiTokens } from '../../app/access/list-api-tokens.js'
import { revokeApiToken } from '../../app/access/revoke-api-token.js'
import type { AppDeps } from '../../app/app-deps.js'
import { CreatedTokenOut, CreateTokenBody, TokenOut, toTokenOut } from '../schemas/api-token.js'
import { PageOut, PagingQuery } from '../schemas/paging.js'
import { actorOf } from './registrations.js'

const TokenParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })

/**
 * `/v1/admin/tokens`: machine clients' bearer tokens, for admins only.
 * Revoking is `POST …/{id}/revoke`, not `DELETE`: the token is not deleted
 * but stays listed as revoked, like a cancelled registration (`…/cancel`).
 */
export function apiTokenRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

    app.post(
      '/admin/tokens',
      {
        schema: {
          operationId: 'createToken',
          summary: 'Make a token for a machine client; its secret is answered this once',
          tags: ['tokens'],
          'x-problems': [
            'TOKEN_PROVIDER_REQUIRED',
            'TOKEN_PROVIDER_NOT_ALLOWED',
            'PROVIDER_UNKNOWN',
            'TOKEN_EXPIRY_INVALID',
            'INSTANT_INVALID',
          ],
          body: CreateTokenBody,
          response: { 201: CreatedTokenOut },
        },
      },
      async (request, reply) => {
        const { token, secret } = await issueApiToken(deps, actorOf(request, 'api'), request.body)
        return reply
          .code(201)
          .header('cache-control', 'no-store')
          .send({ ...toTokenOut(token, deps.clock.now()), secret })
      },
    )

    app.get(
      '/admin/tokens',
      {
        schema: {
          operationId: 'listTokens',
          summary:
            'Every token, oldest first: role, provider, expiry, last use and state, never a secret',
          tags: ['tokens'],
          querystring: PagingQuery,
          response: { 200: PageOut(TokenOut) },
        },
      },
      async (request) => {
        const { items, total } = await listApiTokens(deps, request.query)
        const now = deps.clock.now()
        return { items: items.map((token) => toTokenOut(token, now)), total }
      },
    )

    app.post(
      '/admin/tokens/:id/revoke',
      {
        schema: {
          operationId: 'revokeToken',
          summary:
            'Revoke a token from now on (again: no change); answers the token as it now stands',
          tags: ['tokens'],
          'x-problems': ['TOKEN_NOT_FOUND'],
          params: TokenParams,
          response: { 200: TokenOut },
        },
      },
      async (request) => {
        const { token } = await revokeApiToken(deps, actorOf(request, 'api'), request.params.id)
        return toTokenOut(token, deps.clock.now())
      },
    )
  }
}
