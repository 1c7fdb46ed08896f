import type {
  FastifyReply,
  FastifyRequest,
  HookHandlerDoneFunction,
  onRequestHookHandler,
} from 'fastify'
import type { SessionHolder } from '../../app/accounts/authenticate-session.js'
import { AppError } from '../../app/errors.js'
import { decideCall, type OperationPolicy } from '../../domain/access-policy.js'
import type { Principal, Role } from '../../domain/principal.js'
import { clearSessionCookie, readSessionSecret, type SessionCookie } from '../session-cookie.js'
import { sharedPlugin } from '../shared-plugin.js'

const kPrincipal: unique symbol = Symbol('examdesk.principal')
const kCsrfToken: unique symbol = Symbol('examdesk.csrfToken')

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's access policy, set by the auth plugin from its operationId; the reference says it. */
    readonly policy?: OperationPolicy
  }
  interface FastifyRequest {
    /** Who is calling; set by the auth plugin on every route it guards. */
    readonly principal: Principal
    [kPrincipal]: Principal | null
    [kCsrfToken]: string | null
  }
}

/** The CSRF token of the session a request came with; null for a bearer token. */
export function sessionCsrfToken(request: FastifyRequest): string | null {
  return request[kCsrfToken]
}

/** The role of whoever a request was admitted for; null when it was not (a public route, a refusal). */
export function callerRole(request: FastifyRequest): Role | null {
  return request[kPrincipal]?.role ?? null
}

export interface AuthOptions {
  /** The principal a bearer token stands for, or null when no live token matches; at once when known. */
  readonly authenticate: (token: string) => Principal | null | Promise<Principal | null>
  /** The session a cookie's secret opens, or null; asked on every request that has the cookie. */
  readonly authenticateSession?: (secret: string) => Promise<SessionHolder | null>
  readonly sessionCookie?: SessionCookie
  /** Who may call an operation, by its `operationId`; null for one without a policy, which may not be mounted. */
  readonly policyOf: (operationId: string) => OperationPolicy | null
}

/** Methods that change nothing (RFC 9110 safe methods): no CSRF token is asked of them. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

// RFC 6750 b64token; the scheme name is case-insensitive (RFC 9110).
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i

/**
 * Guards every route of the context that registers it: a bearer token or a
 * session cookie is required (401 otherwise) and the caller's role must be
 * one the route's operation policy names (403 FORBIDDEN otherwise; 403
 * PROVIDER_TOKEN_UNBOUND for a provider token bound to no provider). The
 * caller is then `request.principal`, whose reach over each object the use
 * case decides. A bearer token wins over a cookie. A change (not GET, HEAD or OPTIONS) made with the cookie
 * needs the session's CSRF token in `X-CSRF-Token` (403
 * CSRF_TOKEN_INVALID otherwise): a page of another site can make a browser
 * send the cookie, never read the token. Runs on `onRequest`, before the
 * body is read, as a hook of each route registered after it; an operation
 * the policy opens to anyone (asking for a sign-in, making an account) is
 * not guarded. A route whose operation has no policy makes the app refuse
 * to build: nothing is served that nobody decided on.
 */
export const authPlugin = sharedPlugin<AuthOptions>('examdesk-auth', async (app, options) => {
  const { authenticate, authenticateSession, sessionCookie, policyOf } = options
  app.decorateRequest(kPrincipal, null)
  app.decorateRequest(kCsrfToken, null)
  app.decorateRequest('principal', {
    getter(this: FastifyRequest): Principal {
      const principal = this[kPrincipal]
      // Only a route outside the auth plugin's context can get here: a wiring bug.
      if (principal === null) throw new Error('request.principal read on an unauthenticated route')
      return principal
    },
  })

  // Each route gets its own guard, which knows the route's policy: nothing is looked up per request.
  app.addHook('onRoute', (route) => {
    // Fastify adds a HEAD route for each GET; it shares the GET's schema and so its policy.
    const operationId = route.schema?.operationId
    const policy = typeof operationId === 'string' ? policyOf(operationId) : null
    if (policy === null) {
      throw new Error(
        `${String(route.method)} ${route.url} has no access policy: give it an operationId and add that to ACCESS_POLICY (src/domain/access-policy.ts)`,
      )
    }
    route.config = { ...route.config, policy }
    if (policy.anonymous === true) return
    route.onRequest = [...[route.onRequest ?? []].flat(), guard(policy)]
  })

  // A callback hook, not an async one: a known token is admitted without a trip through the microtask queue.
  function guard(policy: OperationPolicy): onRequestHookHandler {
    return (request, reply, done) => {
      const token = BEARER.exec(request.headers.authorization ?? '')?.[1]
      const secret =
        token === undefined && sessionCookie !== undefined
          ? readSessionSecret(request, sessionCookie)
          : undefined
      if (secret !== undefined && authenticateSession !== undefined) {
        authenticateSession(secret).then(
          (holder) => admitSession(request, reply, policy, holder, done),
          done,
        )
        return
      }
      if (token === undefined) {
        reply.header('www-authenticate', 'Bearer realm="examdesk"')
        done(new AppError('UNAUTHENTICATED'))
        return
      }
      const principal = authenticate(token)
      if (principal instanceof Promise) {
        principal.then((found) => admit(request, reply, policy, found, done), done)
      } else {
        admit(request, reply, policy, principal, done)
      }
    }
  }

  function admit(
    request: FastifyRequest,
    reply: FastifyReply,
    policy: OperationPolicy,
    principal: Principal | null,
    done: HookHandlerDoneFunction,
  ): void {
    if (principal === null) {
      reply.header('www-authenticate', 'Bearer realm="examdesk", error="invalid_token"')
      done(new AppError('UNAUTHENTICATED'))
      return
    }
    const refusal = decideCall(principal, policy)
    if (refusal === 'unbound-provider') {
      done(new AppError('PROVIDER_TOKEN_UNBOUND'))
      return
    }
    if (refusal === 'role') {
      done(new AppError('FORBIDDEN', { role: principal.role, requiredRoles: policy.roles }))
      return
    }
    request[kPrincipal] = principal
    done()
  }

  function admitSession(
    request: FastifyRequest,
    reply: FastifyReply,
    policy: OperationPolicy,
    holder: SessionHolder | null,
    done: HookHandlerDoneFunction,
  ): void {
    if (holder === null) {
      // The session ended (signed out, ended elsewhere, timed out): the browser may forget its cookie.
      if (sessionCookie !== undefined) clearSessionCookie(reply, sessionCookie)
      reply.header('www-authenticate', 'Bearer realm="examdesk"')
      done(new AppError('UNAUTHENTICATED'))
      return
    }
    if (!SAFE_METHODS.has(request.method)) {
      const given = request.headers['x-csrf-token']
      if (!holder.isCsrfToken(typeof given === 'string' ? given : undefined)) {
        done(new AppError('CSRF_TOKEN_INVALID'))
        return
      }
    }
    request[kCsrfToken] = holder.csrfToken
    admit(request, reply, policy, holder.principal, done)
  }
})
