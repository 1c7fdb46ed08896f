import swagger from '@fastify/swagger'
import scalar from '@scalar/fastify-api-reference'
import type { FastifySchema } from 'fastify'
import { ProblemDetailsSchema } from '../problem-schema.js'
import { sharedPlugin } from '../shared-plugin.js'

export interface DocsOptions {
  /** The API version in the document's `info`. */
  readonly version: string
}

const PROBLEM_RESPONSE = { $ref: '#/components/responses/Problem' } as const
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const

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
        description:
          'Every error answer is application/problem+json (RFC 9457) with a stable `code`.',
      },
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API token: `Authorization: Bearer <token>`.',
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
    transform: ({ schema, url, route }) => {
      if (!isApiUrl(url)) return { schema, url }
      // Marks the operation secured, and which roles it wants, without touching the route's own schema.
      const roles = route.config?.roles
      const secured: Record<string, unknown> = {
        ...schema,
        security: [{ bearer: [] }],
        ...(roles === undefined ? {} : { 'x-roles': roles }),
      }
      return { schema: secured as FastifySchema, url }
    },
    transformObject: (document) => {
      if (!('openapiObject' in document)) return document.swaggerObject
      addProblemResponses(document.openapiObject.paths ?? {})
      return document.openapiObject
    },
  })

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())

  await app.register(scalar, {
    routePrefix: '/docs',
    configuration: { url: '/openapi.json', title: 'examdesk API' },
  })
})

function isApiUrl(url: string): boolean {
  return url === '/v1' || url.startsWith('/v1/')
}

/** Lists the problem answers every operation can give, so clients generate types for them. */
function addProblemResponses(paths: Readonly<Record<string, unknown>>): void {
  for (const item of Object.values(paths)) {
    if (typeof item !== 'object' || item === null) continue
    for (const method of METHODS) {
      const operation = (item as Record<string, unknown>)[method]
      if (typeof operation !== 'object' || operation === null) continue
      const op = operation as Record<string, unknown>
      const responses = (op.responses ?? {}) as Record<string, unknown>
      // Error answers always come from the problem-details plugin, whatever a route declared.
      for (const status of Object.keys(responses)) {
        if (/^[45]/.test(status)) responses[status] = PROBLEM_RESPONSE
      }
      if (op.requestBody !== undefined || op.parameters !== undefined) {
        responses['400'] ??= PROBLEM_RESPONSE
      }
      if (op.security !== undefined) responses['401'] ??= PROBLEM_RESPONSE
      if (op['x-roles'] !== undefined) responses['403'] ??= PROBLEM_RESPONSE
      responses.default ??= PROBLEM_RESPONSE
      op.responses = responses
    }
  }
}
