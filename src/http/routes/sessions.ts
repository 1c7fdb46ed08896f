import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import {
  endCandidateSessions,
  endOwnSession,
  requireAccount,
  signOut,
} from '../../app/accounts/end-sessions.js'
import { listOwnSessions } from '../../app/accounts/list-sessions.js'
import { getAccount } from '../../app/accounts/staff-accounts.js'
import type { AppDeps } from '../../app/app-deps.js'
import { AppError } from '../../app/errors.js'
import { sessionCsrfToken } from '../plugins/auth.js'
import { MeOut, SessionOut, toAccountOut, toSessionOut } from '../schemas/account.js'
import { clearSessionCookie, type SessionCookie } from '../session-cookie.js'
import { actorOf } from './registrations.js'

const SessionParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })
const CandidateParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })

/**
 * A signed-in person's own account and sessions (`/v1/me…`, `/v1/sign-out`),
 * and support ending a candidate's sessions. Every session is read from the
 * database on each request, so an ended one stops working at once everywhere.
 */
export function sessionRoutes(deps: AppDeps, cookie: SessionCookie): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

    app.get(
      '/me',
      {
        schema: {
          operationId: 'getMe',
          summary:
            "Who is signed in: the account, its role, candidate record, name and email, and the session's CSRF token",
          tags: ['accounts'],
          'x-problems': ['ACCOUNT_REQUIRED'],
          response: { 200: MeOut },
        },
      },
      async (request, reply) => {
        const { accountId, sessionId } = requireAccount(request.principal)
        const csrfToken = sessionCsrfToken(request)
        if (sessionId === null || csrfToken === null) throw new AppError('ACCOUNT_REQUIRED')
        const account = await getAccount(deps, accountId)
        reply.header('cache-control', 'no-store')
        return { account: toAccountOut(account), sessionId, csrfToken }
      },
    )

    app.post(
      '/sign-out',
      {
        schema: {
          operationId: 'signOut',
          summary: 'End the session this request came with, on every process at once',
          tags: ['accounts'],
          'x-problems': ['ACCOUNT_REQUIRED'],
          response: { 204: Type.Null({ description: 'Signed out; the cookie is cleared' }) },
        },
      },
      async (request, reply) => {
        await signOut(deps, request.principal)
        clearSessionCookie(reply, cookie)
        return reply.code(204).send(null)
      },
    )

    app.get(
      '/me/sessions',
      {
        schema: {
          operationId: 'listMySessions',
          summary: 'My sessions, newest first: open and ended, where and when each began',
          tags: ['accounts'],
          'x-problems': ['ACCOUNT_REQUIRED'],
          response: { 200: Type.Object({ items: Type.Array(SessionOut) }) },
        },
      },
      async (request) => {
        const sessions = await listOwnSessions(deps, request.principal)
        return {
          items: sessions.map((session) => toSessionOut(session, request.principal.sessionId)),
        }
      },
    )

    app.post(
      '/me/sessions/:id/end',
      {
        schema: {
          operationId: 'endMySession',
          summary:
            'End one of my sessions (another device, say), at once everywhere (again: no change)',
          tags: ['accounts'],
          'x-problems': ['ACCOUNT_REQUIRED', 'REAUTHENTICATION_REQUIRED', 'SESSION_NOT_FOUND'],
          params: SessionParams,
          response: { 200: SessionOut },
        },
      },
      async (request) => {
        const session = await endOwnSession(deps, request.principal, request.params.id)
        return toSessionOut(session, request.principal.sessionId)
      },
    )

    app.post(
      '/candidates/:id/sessions/end',
      {
        schema: {
          operationId: 'endCandidateSessions',
          summary: "End every open session of a candidate's account, at once everywhere",
          tags: ['accounts'],
          'x-problems': ['CANDIDATE_NOT_FOUND'],
          params: CandidateParams,
          response: {
            200: Type.Object({
              ended: Type.Integer({ description: 'How many sessions were open and are now ended' }),
            }),
          },
        },
      },
      async (request) => endCandidateSessions(deps, actorOf(request, 'api'), request.params.id),
    )
  }
}
