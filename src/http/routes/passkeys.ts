import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import { addPasskey, passkeyRegistrationOptions } from '../../app/accounts/add-passkey.js'
import { endReplacedSession } from '../../app/accounts/end-sessions.js'
import { listOwnPasskeys, removeOwnPasskey } from '../../app/accounts/own-passkeys.js'
import { csrfTokenOf } from '../../app/accounts/secrets.js'
import { passkeySignInOptions, signInWithPasskey } from '../../app/accounts/sign-in-with-passkey.js'
import type { AppDeps } from '../../app/app-deps.js'
import { SignedInOut, toAccountOut } from '../schemas/account.js'
import {
  AddPasskeyBody,
  PasskeyOut,
  PasskeyRegistrationOptionsOut,
  PasskeySignInBody,
  PasskeySignInOptionsOut,
  toPasskeyOut,
} from '../schemas/passkey.js'
import { readSessionSecret, type SessionCookie, setSessionCookie } from '../session-cookie.js'
import { signInClientOf } from '../sign-in-client.js'
import { cookieLifetime } from './sign-in.js'

const PasskeyParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })

/**
 * Passkeys: a signed-in person adds, lists and removes their own
 * (`/v1/me/passkeys…`, changes made with the cookie need the CSRF token like
 * any other), and anyone signs in with one (`/v1/sign-in/passkey…`).
 * Removing is `POST …/{id}/remove`, as ending a session is
 * `POST …/{id}/end`: one style for every change of this API, which a plain
 * HTML form can send too.
 */
export function passkeyRoutes(deps: AppDeps, cookie: SessionCookie): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

    app.post(
      '/me/passkeys/options',
      {
        schema: {
          operationId: 'passkeyRegistrationOptions',
          summary:
            'Options for adding a passkey to my account (navigator.credentials.create); the challenge works once, for 5 minutes',
          tags: ['accounts'],
          'x-problems': ['ACCOUNT_REQUIRED', 'REAUTHENTICATION_REQUIRED'],
          response: { 200: PasskeyRegistrationOptionsOut },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        return passkeyRegistrationOptions(deps, request.principal)
      },
    )

    app.post(
      '/me/passkeys',
      {
        schema: {
          operationId: 'addPasskey',
          summary:
            "Add a passkey to my account: the browser's answer to the options, verified, with a name to know it by",
          tags: ['accounts'],
          'x-problems': [
            'ACCOUNT_REQUIRED',
            'REAUTHENTICATION_REQUIRED',
            'PASSKEY_CHALLENGE_INVALID',
            'PASSKEY_REGISTRATION_INVALID',
            'PASSKEY_ALREADY_ADDED',
          ],
          body: AddPasskeyBody,
          response: { 201: PasskeyOut },
        },
      },
      async (request, reply) => {
        const passkey = await addPasskey(deps, request.principal, request.body)
        return reply.code(201).send(toPasskeyOut(passkey))
      },
    )

    app.get(
      '/me/passkeys',
      {
        schema: {
          operationId: 'listMyPasskeys',
          summary: 'My passkeys, oldest first: their names, when each was added and last used',
          tags: ['accounts'],
          'x-problems': ['ACCOUNT_REQUIRED'],
          response: { 200: Type.Object({ items: Type.Array(PasskeyOut) }) },
        },
      },
      async (request) => ({
        items: (await listOwnPasskeys(deps, request.principal)).map(toPasskeyOut),
      }),
    )

    app.post(
      '/me/passkeys/:id/remove',
      {
        schema: {
          operationId: 'removeMyPasskey',
          summary: 'Remove one of my passkeys: it signs in nowhere from now on',
          tags: ['accounts'],
          'x-problems': ['ACCOUNT_REQUIRED', 'REAUTHENTICATION_REQUIRED', 'PASSKEY_NOT_FOUND'],
          params: PasskeyParams,
          response: { 200: PasskeyOut },
        },
      },
      async (request) =>
        toPasskeyOut(await removeOwnPasskey(deps, request.principal, request.params.id)),
    )

    app.post(
      '/sign-in/passkey/options',
      {
        schema: {
          operationId: 'passkeySignInOptions',
          summary:
            'Options for signing in with a passkey (navigator.credentials.get): no email, the authenticator offers its passkeys for this site',
          tags: ['accounts'],
          'x-problems': ['PASSKEY_THROTTLED', 'DATABASE_UNAVAILABLE'],
          response: { 200: PasskeySignInOptionsOut },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store')
        return passkeySignInOptions(deps, signInClientOf(request))
      },
    )

    app.post(
      '/sign-in/passkey',
      {
        schema: {
          operationId: 'signInWithPasskey',
          summary:
            "Sign in with a passkey: the browser's answer to the options starts a session (the cookie) and answers its CSRF token",
          tags: ['accounts'],
          'x-problems': [
            'PASSKEY_CHALLENGE_INVALID',
            'PASSKEY_NOT_ACCEPTED',
            'ACCOUNT_DISABLED',
            'PASSKEY_THROTTLED',
            'DATABASE_UNAVAILABLE',
          ],
          body: PasskeySignInBody,
          response: { 200: SignedInOut },
        },
      },
      async (request, reply) => {
        const signedIn = await signInWithPasskey(deps, request.body, signInClientOf(request))
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
