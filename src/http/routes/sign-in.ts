import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { endReplacedSession } from '../../app/accounts/end-sessions.js'
import { requestSignIn } from '../../app/accounts/request-sign-in.js'
import { csrfTokenOf } from '../../app/accounts/secrets.js'
import { signInWithCode } from '../../app/accounts/sign-in-with-code.js'
import { signUp } from '../../app/accounts/sign-up.js'
import type { AppDeps } from '../../app/app-deps.js'
import { DEFAULT_SESSION_TIMEOUTS } from '../../domain/session.js'
import {
  MailSentOut,
  SignedInOut,
  SignInCodeBody,
  SignInEmailBody,
  SignUpBody,
  toAccountOut,
} from '../schemas/account.js'
import { readSessionSecret, type SessionCookie, setSessionCookie } from '../session-cookie.js'
import { signInClientOf } from '../sign-in-client.js'

const MAIL_SENT = {
  message:
    'If this email can sign in, a mail with a sign-in link and a code is on its way; both work once, for 15 minutes.',
}

/**
 * The `/v1` routes open to anyone: making a candidate's account, asking for
 * a sign-in mail, and signing in with its code. Asking answers the same
 * whether or not the email has an account.
 */
export function signInRoutes(deps: AppDeps, cookie: SessionCookie): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

    app.post(
      '/accounts',
      {
        schema: {
          operationId: 'signUp',
          summary:
            "Make a candidate's own account: a mail confirms the email (the same answer when it has an account)",
          description:
            "The mail's link or code signs in, which verifies the email; only then is the candidate record with that email claimed (or a new one made), so nothing can be booked before. An email that has an account gets a mail that signs into it instead.",
          tags: ['accounts'],
          'x-problems': [
            'EMAIL_INVALID',
            'COUNTRY_INVALID',
            'TIME_ZONE_INVALID',
            'SIGN_IN_THROTTLED',
            'DATABASE_UNAVAILABLE',
          ],
          body: SignUpBody,
          response: { 202: MailSentOut },
        },
      },
      async (request, reply) => {
        await signUp(deps, request.body, signInClientOf(request))
        return reply.code(202).send(MAIL_SENT)
      },
    )

    app.post(
      '/sign-in/email',
      {
        schema: {
          operationId: 'requestSignIn',
          summary:
            'Ask for a sign-in mail: a link and a code, each good once for 15 minutes (the same answer for any email)',
          tags: ['accounts'],
          'x-problems': ['EMAIL_INVALID', 'SIGN_IN_THROTTLED', 'DATABASE_UNAVAILABLE'],
          body: SignInEmailBody,
          response: { 202: MailSentOut },
        },
      },
      async (request, reply) => {
        await requestSignIn(deps, request.body, signInClientOf(request))
        return reply.code(202).send(MAIL_SENT)
      },
    )

    app.post(
      '/sign-in/code',
      {
        schema: {
          operationId: 'signInWithCode',
          summary:
            "Sign in with the mail's code: starts a session (the cookie) and answers its CSRF token",
          tags: ['accounts'],
          'x-problems': ['SIGN_IN_CODE_INVALID', 'TOO_MANY_ATTEMPTS', 'DATABASE_UNAVAILABLE'],
          body: SignInCodeBody,
          response: { 200: SignedInOut },
        },
      },
      async (request, reply) => {
        const signedIn = await signInWithCode(deps, request.body, signInClientOf(request))
        const previous = readSessionSecret(request, cookie)
        if (previous !== undefined) await endReplacedSession(deps, previous)
        setSessionCookie(reply, cookie, signedIn.session.secret, cookieLifetime(deps))
        return {
          account: toAccountOut(signedIn.account),
          csrfToken: csrfTokenOf(signedIn.session.secret),
        }
      },
    )
  }
}

/** The cookie lives as long as a session may: the browser drops it when the session is over anyway. */
export function cookieLifetime(deps: Pick<AppDeps, 'sessionTimeouts'>): number {
  return Math.floor((deps.sessionTimeouts ?? DEFAULT_SESSION_TIMEOUTS).absoluteMs / 1000)
}
