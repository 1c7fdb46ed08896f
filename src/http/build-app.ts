import { readFileSync } from 'node:fs'
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyPluginAsync,
  type FastifyServerOptions,
  LogController,
} from 'fastify'
import type { SessionHolder } from '../app/accounts/authenticate-session.js'
import type { OperationsReader } from '../app/operations/read-operations.js'
import type { OperationPolicy } from '../domain/access-policy.js'
import type { Principal } from '../domain/principal.js'
import type { TrustProxy } from '../trust-proxy.js'
import { DEFAULT_BODY_LIMIT } from './body-limits.js'
import { createClientErrorHandler } from './client-error.js'
import { useJsonBodyParser } from './json-body-parser.js'
import { authPlugin } from './plugins/auth.js'
import { codeMaskingPlugin } from './plugins/code-masking.js'
import { docsPlugin } from './plugins/docs.js'
import { httpMetrics } from './plugins/metrics.js'
import { handleFrameworkError, problemDetailsPlugin } from './plugins/problem-details.js'
import { rememberedSerializers, rememberedValidatorCompiler } from './remembered-compilers.js'
import { computeRequestId } from './request-id.js'
import { requestLines } from './request-log.js'
import { lazyRequestLogger } from './request-logger.js'
import { observeResponses } from './response-observers.js'
import { healthRoutes } from './routes/health.js'
import { homeRoutes } from './routes/home.js'
import { requestLineWriterOf } from './server-log.js'
import { readSessionSecret, SECURE_SESSION_COOKIE, type SessionCookie } from './session-cookie.js'
import { refuseUnstorableText } from './unstorable-text.js'
import { webAppRoutes } from './web-app.js'

/** What the HTTP shell needs from the rest of examdesk. */
export interface HttpDeps {
  /** The principal a bearer token stands for, or null when no live token matches; at once when known. */
  authenticate(token: string): Principal | null | Promise<Principal | null>
  /** The session a cookie's secret opens, or null; without it, only bearer tokens are admitted. */
  authenticateSession?(secret: string): Promise<SessionHolder | null>
  /** The session cookie's name and whether it is Secure; default `__Host-examdesk-session`, Secure. */
  readonly sessionCookie?: SessionCookie
  /** Who may call each operation under `/v1`, by operationId (`operationPolicy`); a route without one is not mounted. */
  readonly policyOf: (operationId: string) => OperationPolicy | null
  /** Resolves when the service can work (database reachable); rejects otherwise. */
  checkHealth(): Promise<void>
  /** Resource route plugins, mounted under `/v1` behind authentication (but for routes marked `anonymous`). */
  readonly routes?: readonly FastifyPluginAsync[]
  /** Pages outside `/v1`, open to anyone (the sign-in link's page). */
  readonly pages?: readonly FastifyPluginAsync[]
  /** What `/metrics` reports of the outbox, payments and the database, read at each scrape. */
  readonly operations?: OperationsReader
}

export interface BuildAppOptions {
  /** Logging options for Fastify's own logger; default: none. */
  readonly logger?: FastifyServerOptions['logger']
  /** A logger made beforehand (`openServerLog`), instead of `logger`. */
  readonly loggerInstance?: FastifyBaseLogger
  /** Largest request body in bytes; default 64 KiB (routes taking lists of candidates allow BULK_BODY_LIMIT). */
  readonly bodyLimit?: number
  /** The version in the OpenAPI document; default: package.json's. */
  readonly version?: string
  /** Proxies whose X-Forwarded-For gives `request.ip` (see `parseTrustProxy`); default none. */
  readonly trustProxy?: TrustProxy
  /** A built web app's folder, served at `/` (`BUILT_WEB_APP`); without one, `/` is a page pointing at the API reference. */
  readonly webApp?: string
}

/** Node's default, named so that the 431 problem can say it: a bearer token and a few headers fit many times over. */
const MAX_HEADER_SIZE = 16 * 1024

/**
 * The examdesk HTTP app, ready for `inject()` or `listen()`: problem+json
 * errors, request ids, metrics, docs, `/healthz`, a start page at `/`, and
 * `deps.routes` under `/v1` behind bearer authentication and each
 * operation's access policy.
 *
 * @example
 * const app = await buildApp({ authenticate, policyOf: operationPolicy, checkHealth, routes: [examRoutes(deps)] })
 * await app.listen({ port: 3000 })
 */
export async function buildApp(
  deps: HttpDeps,
  options: BuildAppOptions = {},
): Promise<FastifyInstance> {
  // Set once the observers are made, before the app serves anything.
  let observeUnmatched: ReturnType<typeof observeResponses> = () => {}
  const app = Fastify({
    ...(options.loggerInstance === undefined
      ? { logger: options.logger ?? false }
      : { loggerInstance: options.loggerInstance }),
    // One line per request (requestLines) instead of Fastify's two.
    logController: new LogController({
      requestIdLogLabel: 'requestId',
      disableRequestLogging: true,
    }),
    requestIdHeader: false, // computeRequestId reads X-Request-Id, and only trusts a sane one
    genReqId: computeRequestId,
    childLoggerFactory: lazyRequestLogger,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // A copy: Fastify's type asks for an array it may change.
    trustProxy: options.trustProxy ? [...options.trustProxy] : false,
    frameworkErrors: (error, request, reply) => {
      observeUnmatched(request, reply)
      handleFrameworkError(error, request, reply)
    },
    return503OnClosing: false, // the problem-details plugin answers 503 itself, as a problem
    http: { maxHeaderSize: MAX_HEADER_SIZE },
    clientErrorHandler: createClientErrorHandler(MAX_HEADER_SIZE),
    schemaController: { compilersFactory: { buildSerializer: rememberedSerializers } },
  })
  // TypeBox checks bodies strictly (no "5" for 5) and converts only query, path and headers.
  app.setValidatorCompiler(rememberedValidatorCompiler)
  // The API speaks JSON only: a text/plain body is a 415, not a string to validate.
  app.removeContentTypeParser('text/plain')
  useJsonBodyParser(app)

  const metrics = httpMetrics(deps.operations)
  // Before any route: only routes added after this are observed.
  observeUnmatched = observeResponses(app, [
    metrics.recording,
    requestLines(app, requestLineWriterOf(options.loggerInstance)),
  ])
  await app.register(problemDetailsPlugin, { observeUnmatched })
  await app.register(codeMaskingPlugin)
  await app.register(docsPlugin, { version: options.version ?? readPackageVersion() })
  await app.register(metrics.exposition)
  await app.register(healthRoutes(deps))
  const sessionCookie = deps.sessionCookie ?? SECURE_SESSION_COOKIE
  await app.register(
    options.webApp === undefined
      ? homeRoutes
      : webAppRoutes(options.webApp, async (request) => {
          const secret = readSessionSecret(request, sessionCookie)
          if (secret === undefined || deps.authenticateSession === undefined) return null
          return (await deps.authenticateSession(secret))?.principal.candidateId ?? null
        }),
  )
  for (const plugin of deps.pages ?? []) await app.register(plugin)
  await app.register(
    async (api) => {
      await api.register(authPlugin, {
        authenticate: (token) => deps.authenticate(token),
        ...(deps.authenticateSession === undefined
          ? {}
          : { authenticateSession: (secret: string) => deps.authenticateSession!(secret) }),
        sessionCookie,
        policyOf: deps.policyOf,
      })
      api.addHook('preHandler', refuseUnstorableText)
      for (const plugin of deps.routes ?? []) await api.register(plugin)
    },
    { prefix: '/v1' },
  )
  return app
}

/** package.json sits two levels above both src/http/ and dist/http/. */
function readPackageVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8')
  const version: unknown = JSON.parse(text).version
  return typeof version === 'string' ? version : '0.0.0'
}
