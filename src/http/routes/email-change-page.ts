import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import { confirmEmailChangeWithLink } from '../../app/accounts/confirm-email-change.js'
import type { AppDeps } from '../../app/app-deps.js'
import { escapeHtml } from '../../mail/escape-html.js'
import { acceptButtonForm } from '../button-form.js'
import { prefersHtml } from '../prefers-html.js'
import { page, pageHeaders, sendProblemPage } from '../problem-page.js'

const LinkParams = Type.Object({
  secret: Type.String({
    minLength: 1,
    maxLength: 128,
    description: "The email confirmation mail's link",
  }),
})

// The form posts to the page's own address: the secret is in the URL only, never in the page.
const CONFIRM_PAGE = page(
  'Confirm your new email',
  `<p>Press the button to make this address the email of your examdesk account. The link works once, within 15 minutes of the mail.</p>
<form method="post">
<button type="submit" style="font: inherit; padding: 0.6rem 1.4rem">Confirm this email</button>
</form>
<p>If you did not ask for this, close this page: nothing has changed.</p>`,
)

/** Where a refused confirmation sends a person: asking again, signed in. */
const ASK_AGAIN =
  '<p>Sign in to examdesk and ask again for the change: a new mail brings a new link and code, which work once, within 15 minutes.</p>'

/**
 * `/confirm-email/{secret}`, the link mailed to a new email. Opening it
 * (GET) shows a page with a button and changes nothing: mail scanners open
 * links. Pressing it (a form POST to the same address) confirms the
 * address: the account's email changes, and a page says so. A refusal is a
 * page for a browser and problem+json for a client asking for JSON. No
 * other site's page is refused, unlike a sign-in link's: confirming starts
 * no session, so a page that holds someone's link can do with it only what
 * its holder could.
 */
export function emailChangePageRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (fastify) => {
    acceptButtonForm(fastify)
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

    app.get(
      '/confirm-email/:secret',
      {
        schema: {
          operationId: 'showEmailConfirmationPage',
          summary:
            "The email confirmation mail's link: a page with a button; opening it changes nothing",
          tags: ['accounts'],
          params: LinkParams,
          response: {
            200: {
              description: 'An HTML page with a confirm button',
              content: { 'text/html': { schema: { type: 'string' } } },
            },
          },
        },
      },
      async (_request, reply) =>
        pageHeaders(reply).type('text/html; charset=utf-8').send(CONFIRM_PAGE),
    )

    app.post(
      '/confirm-email/:secret',
      {
        schema: {
          operationId: 'confirmEmailWithLink',
          summary:
            "The confirmation page's button: spends the link and changes the account's email (and a candidate's record's)",
          description:
            'A refusal is answered as a page saying what happened when the request prefers HTML (a browser pressing the button), with the same status; otherwise as problem+json.',
          tags: ['accounts'],
          'x-problems': [
            'EMAIL_CHANGE_LINK_INVALID',
            'ACCOUNT_EMAIL_TAKEN',
            'DATABASE_UNAVAILABLE',
          ],
          params: LinkParams,
          response: {
            200: {
              description: 'The email is changed: a page that says so',
              content: { 'text/html': { schema: { type: 'string' } } },
            },
          },
        },
      },
      async (request, reply) => {
        try {
          const changed = await confirmEmailChangeWithLink(deps, request.params.secret)
          return pageHeaders(reply)
            .type('text/html; charset=utf-8')
            .send(
              page(
                'Email changed',
                `<p>The email of your examdesk account is now ${escapeHtml(changed.account.email)}. Sign-in mail and every mail about your account go there from now on; the address it had was told of the change.</p>
<p><a href="/">Continue to examdesk</a></p>`,
              ),
            )
        } catch (error) {
          if (!prefersHtml(request.headers.accept)) throw error
          return sendProblemPage(reply, error, ASK_AGAIN)
        }
      },
    )
  }
}
