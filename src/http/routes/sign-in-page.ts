import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import { Type } from 'typebox'
import { endReplacedSession } from '../../app/accounts/end-sessions.js'
import { signInWithLink } from '../../app/accounts/sign-in-with-link.js'
import type { AppDeps } from '../../app/app-deps.js'
import { AppError } from '../../app/errors.js'
import { acceptButtonForm } from '../button-form.js'
import { prefersHtml } from '../prefers-html.js'
import { sendProblemPage } from '../problem-page.js'
import { readSessionSecret, type SessionCookie, setSessionCookie } from '../session-cookie.js'
import { signInClientOf } from '../sign-in-client.js'
import { cookieLifetime } from './sign-in.js'

const LinkParams = Type.Object({
  secret: Type.String({ minLength: 1, maxLength: 128, description: "The sign-in mail's link" }),
})

// The form posts to the page's own address: the secret is in the URL only, never in the page.
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Sign in to examdesk</title>
<style>
body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 32rem; margin: 3rem auto; padding: 0 1rem; }
button { font: inherit; padding: 0.6rem 1.4rem; }
</style>
</head>
<body>
<main>
<h1>Sign in to examdesk</h1>
<p>Press the button to sign in on this device. The link works once, within 15 minutes of the mail.</p>
<form method="post">
<button type="submit">Sign in</button>
</form>
<p>If you did not ask to sign in, close this page: nothing has happened.</p>
</main>
</body>
</html>
`

/** Where a refused link sends a person: a new one, asked for on the sign-in page. */
const SIGN_IN_NEXT_STEP =
  '<p><a href="/sign-in">Ask for a new sign-in link</a>. It comes by mail with a code you can type instead; both work once, within 15 minutes.</p>'

/**
 * `/sign-in/{secret}`, the sign-in mail's link. Opening it (GET) shows a
 * page with a button and spends nothing: mail scanners and link previews
 * open links. Pressing the button (a form POST to the same address) spends
 * the link, starts a session and goes to the start page with the cookie;
 * a press that a browser says came from another site is refused. A refusal
 * is a page for a browser and problem+json for a client asking for JSON.
 */
export function signInPageRoutes(deps: AppDeps, cookie: SessionCookie): FastifyPluginAsync {
  return async (fastify) => {
    acceptButtonForm(fastify)
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

    app.get(
      '/sign-in/:secret',
      {
        schema: {
          operationId: 'showSignInPage',
          summary: "The sign-in mail's link: a page with a button; opening it spends nothing",
          tags: ['accounts'],
          params: LinkParams,
          response: {
            200: {
              description: 'An HTML page with a sign-in button',
              content: { 'text/html': { schema: { type: 'string' } } },
            },
          },
        },
      },
      async (_request, reply) => guarded(reply).type('text/html; charset=utf-8').send(PAGE),
    )

    app.post(
      '/sign-in/:secret',
      {
        schema: {
          operationId: 'signInWithLink',
          summary:
            "The sign-in page's button: spends the link, starts a session (the cookie) and goes to /",
          description:
            'A refusal is answered as a page saying what happened and where to ask for a new link when the request prefers HTML (a browser pressing the button), with the same status; otherwise as problem+json.',
          tags: ['accounts'],
          'x-problems': ['SIGN_IN_LINK_INVALID', 'SIGN_IN_CROSS_SITE', 'DATABASE_UNAVAILABLE'],
          params: LinkParams,
          response: {
            303: { description: 'Signed in: the session cookie is set; go to /' },
          },
        },
      },
      async (request, reply) => {
        try {
          // Another site's page posting someone else's link would sign the visitor into that
          // account (login CSRF). Browsers say where a request came from; other clients say nothing.
          const site = request.headers['sec-fetch-site']
          if (site === 'cross-site' || site === 'same-site')
            throw new AppError('SIGN_IN_CROSS_SITE')
          const signedIn = await signInWithLink(
            deps,
            request.params.secret,
            signInClientOf(request),
          )
          const previous = readSessionSecret(request, cookie)
          if (previous !== undefined) await endReplacedSession(deps, previous)
          setSessionCookie(reply, cookie, signedIn.session.secret, cookieLifetime(deps))
          return guarded(reply).code(303).header('location', '/').send()
        } catch (error) {
          // A person pressed the button: they read a page, not JSON. A client asking for JSON gets the problem.
          if (!prefersHtml(request.headers.accept)) throw error
          return sendProblemPage(reply, error, SIGN_IN_NEXT_STEP)
        }
      },
    )
  }
}

/** A page under a secret address: never cached, never framed, and its address never sent on as a referrer. */
function guarded(reply: FastifyReply): FastifyReply {
  return reply
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-frame-options', 'DENY')
    .header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
    )
}
