import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { endReplacedSession } from '../../app/accounts/end-sessions.js'
import { finishOidc } from '../../app/accounts/finish-oidc.js'
import { startOidc } from '../../app/accounts/start-oidc.js'
import type { AppDeps } from '../../app/app-deps.js'
import { escapeHtml } from '../../mail/escape-html.js'
import { clearOidcCookie, readOidcCookie, setOidcCookie } from '../oidc-cookie.js'
import { page, pageHeaders, sendProblemPage } from '../problem-page.js'
import { readSessionSecret, type SessionCookie, setSessionCookie } from '../session-cookie.js'
import { signInClientOf } from '../sign-in-client.js'
import { cookieLifetime } from './sign-in.js'

const HTML_PAGE = {
  description: 'An HTML page saying what went wrong, its code, and the way back to signing in',
  content: { 'text/html': { schema: { type: 'string' } } },
}

/**
 * The browser's side of OpenID Connect: `/sign-in/oidc` sends the browser to
 * the identity provider, which sends it back to `/sign-in/oidc/callback`.
 * A browser follows these, so every refusal is a small HTML page (its status
 * and code as the API would answer), never problem+json.
 */
export function oidcPageRoutes(deps: AppDeps, cookie: SessionCookie): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

    app.get(
      '/sign-in/oidc',
      {
        schema: {
          operationId: 'startOidcSignIn',
          summary: 'Sign in with the identity provider: goes there, with PKCE, state and nonce',
          tags: ['accounts'],
          'x-problems': ['OIDC_NOT_ENABLED', 'OIDC_PROVIDER_UNAVAILABLE', 'DATABASE_UNAVAILABLE'],
          response: {
            303: { description: "Go to the identity provider's sign-in" },
            404: HTML_PAGE,
            503: HTML_PAGE,
          },
        },
      },
      async (_request, reply) => {
        try {
          const started = await startOidc(deps, { mode: 'sign-in' })
          setOidcCookie(reply, cookie, started.browserSecret)
          return pageHeaders(reply).code(303).header('location', started.authorizationUrl).send()
        } catch (error) {
          return sendProblemPage(reply, error)
        }
      },
    )

    app.get(
      '/sign-in/oidc/callback',
      {
        schema: {
          operationId: 'finishOidc',
          summary:
            "The identity provider's answer: a linked identity signs in (the cookie, then /); a link started by a signed-in person is made",
          description:
            'An identity linked to no account signs nobody in (OIDC_IDENTITY_NOT_LINKED): sign in by email, then link it with POST /v1/me/identities/oidc/link.',
          tags: ['accounts'],
          'x-problems': [
            'OIDC_NOT_ENABLED',
            'OIDC_CALLBACK_INVALID',
            'OIDC_IDENTITY_NOT_LINKED',
            'OIDC_ROLE_NOT_ALLOWED',
            'OIDC_IDENTITY_TAKEN',
            'OIDC_PROVIDER_UNAVAILABLE',
            'DATABASE_UNAVAILABLE',
          ],
          response: {
            200: {
              description: 'The identity is linked: a page that says so',
              content: { 'text/html': { schema: { type: 'string' } } },
            },
            303: { description: 'Signed in: the session cookie is set; go to /' },
            400: HTML_PAGE,
            403: HTML_PAGE,
            404: HTML_PAGE,
            409: HTML_PAGE,
            503: HTML_PAGE,
          },
        },
      },
      async (request, reply) => {
        // Finished or refused, the flow is over for this browser.
        clearOidcCookie(reply, cookie)
        try {
          const outcome = await finishOidc(
            deps,
            {
              query: new URL(request.url, 'http://callback.invalid').searchParams,
              browserSecret: readOidcCookie(request, cookie),
              sessionSecret: readSessionSecret(request, cookie),
            },
            signInClientOf(request),
          )
          if (outcome.mode === 'link')
            return pageHeaders(reply)
              .type('text/html; charset=utf-8')
              .send(
                page(
                  'Identity linked',
                  `<p>Your identity at ${escapeHtml(outcome.identity.issuer)} now signs in to your examdesk account.</p>
<p><a href="/">Continue</a></p>`,
                ),
              )
          const previous = readSessionSecret(request, cookie)
          if (previous !== undefined) await endReplacedSession(deps, previous)
          setSessionCookie(reply, cookie, outcome.signedIn.session.secret, cookieLifetime(deps))
          return pageHeaders(reply).code(303).header('location', '/').send()
        } catch (error) {
          return sendProblemPage(reply, error)
        }
      },
    )
  }
}
