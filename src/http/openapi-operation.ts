import type { FastifySchema, RouteOptions } from 'fastify'
import type { ErrorCode } from '../app/errors.js'
import { ROLES } from '../domain/principal.js'
import { composeOperationDescription } from './operation-description.js'
import { computeOperationProblems } from './operation-problems.js'
import { computeProblemResponses } from './problem-responses.js'

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const
const GENERIC_PROBLEM = { $ref: '#/components/responses/Problem' } as const

/** True for the routes behind bearer authentication. */
export function isApiUrl(url: string): boolean {
  return url === '/v1' || url.startsWith('/v1/')
}

/**
 * @fastify/swagger's `transform`: gives a route's operation its security
 * (a bearer token or a session cookie under `/v1`, none elsewhere or where
 * the policy opens it to anyone), the roles its access policy names
 * (`x-roles`), its description (what it does, who may call it and which of
 * its objects they reach, what it refuses) and every
 * problem code it can answer (kept in `x-problems` for `completeOperations`).
 * The route's own schema is left as it is.
 */
export function transformOperation({
  schema,
  url,
  route,
}: {
  readonly schema: FastifySchema | undefined
  readonly url: string
  readonly route: RouteOptions
}): { schema: FastifySchema; url: string } {
  const own = schema?.['x-problems'] ?? []
  const policy = route.config?.policy
  const secured = isApiUrl(url) && policy?.anonymous !== true
  const roles = policy?.roles
  const methods = [route.method].flat().map((method) => method.toUpperCase())
  const problems = computeOperationProblems(own, {
    secured,
    changes: methods.some((method) => !['GET', 'HEAD', 'OPTIONS'].includes(method)),
    restricted: roles !== undefined && ROLES.some((role) => !roles.includes(role)),
    body: schema?.body !== undefined,
    parameters: [schema?.params, schema?.querystring, schema?.headers].some((s) => s !== undefined),
  })
  const operation: Record<string, unknown> = {
    ...schema,
    description: composeOperationDescription({
      ...(schema?.description === undefined ? {} : { own: schema.description }),
      secured,
      ...(policy === undefined ? {} : { policy }),
      refusals: own,
    }),
    // An empty list says the route is open on purpose, not that its security was forgotten.
    security: secured ? [{ bearer: [] }, { session: [] }] : [],
    ...(roles === undefined ? {} : { 'x-roles': roles }),
    'x-problems': problems,
  }
  return { schema: operation as FastifySchema, url }
}

/**
 * Completes every operation of the document from its `x-problems`: a
 * response per status with its problem codes (replacing whatever 4xx or 5xx
 * a route declared: error answers always come from the problem-details
 * plugin), a `default` for the unexpected, and the `Idempotency-Key` header
 * marked required where its absence is refused.
 */
export function completeOperations(paths: Readonly<Record<string, unknown>>): void {
  for (const item of Object.values(paths)) {
    if (typeof item !== 'object' || item === null) continue
    for (const method of METHODS) {
      const operation = (item as Record<string, unknown>)[method]
      if (typeof operation !== 'object' || operation === null) continue
      completeOperation(operation as Record<string, unknown>)
    }
  }
}

function completeOperation(operation: Record<string, unknown>): void {
  const problems = (operation['x-problems'] ?? []) as ErrorCode[]
  delete operation['x-problems']
  const responses = { ...((operation.responses ?? {}) as Record<string, unknown>) }
  for (const status of Object.keys(responses)) {
    if (/^[45]/.test(status)) responses[status] = GENERIC_PROBLEM
  }
  Object.assign(responses, computeProblemResponses(problems), { default: GENERIC_PROBLEM })
  operation.responses = responses

  const parameters = (operation.parameters ?? []) as Record<string, unknown>[]
  for (const parameter of parameters) {
    if (parameter.in !== 'header' || parameter.name !== 'idempotency-key') continue
    parameter.name = 'Idempotency-Key'
    parameter.required = problems.includes('IDEMPOTENCY_KEY_REQUIRED')
  }
}
