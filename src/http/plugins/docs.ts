import swagger from '@fastify/swagger'
import scalar from '@scalar/fastify-api-reference'
import { OPENAPI_INTRODUCTION } from '../openapi-introduction.js'
import { completeOperations, transformOperation } from '../openapi-operation.js'
import { OPENAPI_TAGS } from '../openapi-tags.js'
import { ProblemDetailsSchema } from '../problem-schema.js'
import { sharedPlugin } from '../shared-plugin.js'

export interface DocsOptions {
  /** The API version in the document's `info`. */
  readonly version: string
}

/**
 * The OpenAPI 3.1 document at `GET /openapi.json`, built from the routes'
 * TypeBox schemas, and the Scalar reference at `/docs`. Shared, so that
 * @fastify/swagger's route hook sees every route of the app.
 */
export const docsPlugin = sharedPlugin<DocsOptions>('examdesk-docs', async (app, { version }) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'examdesk API',
        version,
        description: OPENAPI_INTRODUCTION,
      },
      // Relative: whatever address the document was read from, behind a proxy too.
      servers: [{ url: '/', description: 'This examdesk server' }],
      // The default for every operation; the open ones say `security: []`.
      security: [{ bearer: [] }],
      tags: OPENAPI_TAGS.map((tag) => ({ ...tag })),
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description:
              'An API token: `Authorization: Bearer <token>`. The first start prints one; `npx examdesk token create --role admin` makes another.',
          },
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: '__Host-examdesk-session',
            description:
              "A person signed in by mail (`POST /v1/sign-in/email`, then the link or `POST /v1/sign-in/code`) or with a passkey (`POST /v1/sign-in/passkey`). A change (not GET, HEAD or OPTIONS) made with the cookie also sends the session's CSRF token as `X-CSRF-Token` (answered by the sign-in and by `GET /v1/me`). Served over plain HTTP on a loopback address, the cookie is `examdesk-session`.",
          },
        },
        schemas: { ProblemDetails: ProblemDetailsSchema },
        responses: {
          Problem: {
            description: 'The request was refused or failed; see `code`.',
            content: {
              'application/problem+json': {
                schema: { $ref: '#/components/schemas/ProblemDetails' },
              },
            },
          },
        },
      },
    },
    transform: transformOperation,
    transformObject: (document) => {
      if (!('openapiObject' in document)) return document.swaggerObject
      completeOperations(document.openapiObject.paths ?? {})
      return document.openapiObject
    },
  })

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())

  await app.register(scalar, {
    routePrefix: '/docs',
    configuration: {
      url: '/openapi.json',
      title: 'examdesk API',
      pageTitle: 'examdesk API reference',
      // Off: each reaches a Scalar service on the internet, which a deployment need not reach
      // (the hosted API client, telemetry, the AI agent and MCP, the developer toolbar, web fonts).
      hideClientButton: true,
      telemetry: false,
      agent: { disabled: true },
      mcp: { disabled: true },
      showDeveloperTools: 'never',
      withDefaultFonts: false,
    },
  })
})
