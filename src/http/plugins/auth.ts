import type {
  FastifyReply,
  FastifyRequest,
  HookHandlerDoneFunction,
  onRequestHookHandler,
} from 'fastify'
import { AppError } from '../../app/errors.js'
import type { Principal, Role } from '../../domain/principal.js'
import { sharedPlugin } from '../shared-plugin.js'

const kPrincipal: unique symbol = Symbol('examdesk.principal')

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The roles that may call this route; absent: any authenticated caller. */
    readonly roles?: readonly Role[]
  }
  interface FastifyRequest {
    /** Who is calling; set by the auth plugin on every route it guards. */
    readonly principal: Principal
    [kPrincipal]: Principal | null
  }
}

/** The role of whoever a request was admitted for; null when it was not (a public route, a refusal). */
export function callerRole(request: FastifyRequest): Role | null {
  return request[kPrincipal]?.role ?? null
}

export interface AuthOptions {
  /** The principal a bearer token stands for, or null when no live token matches; at once when known. */
  readonly authenticate: (token: string) => Principal | null | Promise<Principal | null>
}

// RFC 6750 b64token; the scheme name is case-insensitive (RFC 9110).
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i

/**
 * Guards every route of the context that registers it: a bearer token is
 * required (401 otherwise) and, where a route's `config.roles` names roles,
 * the token's role must be one of them (403 otherwise). The caller is then
 * `request.principal`. Runs on `onRequest`, before the body is read, as a
 * hook of each route registered after it.
 */
export const authPlugin = sharedPlugin<AuthOptions>('examdesk-auth', async (app, options) => {
  const { authenticate } = options
  app.decorateRequest(kPrincipal, null)
  app.decorateRequest('principal', {
    getter(this: FastifyRequest): Principal {
      const principal = this[kPrincipal]
      // Only a route outside the auth plugin's context can get here: a wiring bug.
      if (principal === null) throw new Error('request.principal read on an unauthenticated route')
      return principal
    },
  })

  // Each route gets its own guard, which knows the route's roles: nothing is looked up per request.
  app.addHook('onRoute', (route) => {
    route.onRequest = [...[route.onRequest ?? []].flat(), guard(route.config?.roles)]
  })

  // A callback hook, not an async one: a known token is admitted without a trip through the microtask queue.
  function guard(roles: readonly Role[] | undefined): onRequestHookHandler {
    return (request, reply, done) => {
      const token = BEARER.exec(request.headers.authorization ?? '')?.[1]
      if (token === undefined) {
        reply.header('www-authenticate', 'Bearer realm="examdesk"')
        done(new AppError('UNAUTHENTICATED'))
        return
      }
      const principal = authenticate(token)
      if (principal instanceof Promise) {
        principal.then((found) => admit(request, reply, roles, found, done), done)
      } else {
        admit(request, reply, roles, principal, done)
      }
    }
  }

  function admit(
    request: FastifyRequest,
    reply: FastifyReply,
    roles: readonly Role[] | undefined,
    principal: Principal | null,
    done: HookHandlerDoneFunction,
  ): void {
    if (principal === null) {
      reply.header('www-authenticate', 'Bearer realm="examdesk", error="invalid_token"')
      done(new AppError('UNAUTHENTICATED'))
      return
    }
    if (roles !== undefined && !roles.includes(principal.role)) {
      done(new AppError('FORBIDDEN', { role: principal.role, requiredRoles: roles }))
      return
    }
    request[kPrincipal] = principal
    done()
  }
})
