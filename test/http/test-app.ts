import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance, FastifyPluginAsync, LightMyRequestResponse } from 'fastify'
import { Type } from 'typebox'
import { AppError } from '../../src/app/errors.js'
import type { OperationPolicy } from '../../src/domain/access-policy.js'
import { type Principal, tokenPrincipal } from '../../src/domain/principal.js'
import { type BuildAppOptions, buildApp, type HttpDeps } from '../../src/http/build-app.js'

/** Tokens the stub `authenticate` knows; the real token store is not part of these tests. */
export const TOKENS: Readonly<Record<string, Principal>> = {
  'admin-token': tokenPrincipal({ id: 'tok-admin', role: 'admin', providerId: null }),
  'support-token': tokenPrincipal({ id: 'tok-support', role: 'support', providerId: null }),
  'provider-token': tokenPrincipal({ id: 'tok-provider', role: 'provider', providerId: 'prov-1' }),
  'unbound-provider-token': tokenPrincipal({
    id: 'tok-unbound',
    role: 'provider',
    providerId: null,
  }),
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

export const ExamBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 80 }),
    kind: Type.Union([Type.Literal('standard'), Type.Literal('beta')]),
    seats: Type.Integer({ minimum: 1 }),
    betaPeriod: Type.Object({
      start: Type.String({ format: 'date-time' }),
      end: Type.String({ format: 'date-time' }),
    }),
    tags: Type.Optional(Type.Array(Type.String())),
  },
  { additionalProperties: false },
)

export const validExam = {
  name: 'Networking basics',
  kind: 'beta',
  seats: 20,
  betaPeriod: { start: '2026-12-01T09:00:00Z', end: '2027-01-01T09:00:00Z' },
} as const

/** A resource route file in miniature: schemas, roles, and what routes throw. */
export const testRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  app.post(
    '/exams',
    {
      schema: {
        operationId: 'addTestExam',
        summary: 'Add an exam (test route)',
        body: ExamBody,
        querystring: Type.Object({ dryRun: Type.Optional(Type.Boolean()) }),
        response: {
          201: Type.Object({ name: Type.String(), createdBy: Type.String() }),
          // A route's own 4xx schema must not reshape the problem body.
          400: Type.Object({ message: Type.String() }),
        },
      },
    },
    async (request, reply) => {
      reply.code(201)
      return { name: request.body.name, createdBy: request.principal.id }
    },
  )
  app.get(
    '/exams/:examId',
    {
      schema: {
        operationId: 'getTestExam',
        params: Type.Object({ examId: Type.String({ pattern: '^[0-9]{2,3}-[0-9]{3}$' }) }),
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1 })) }),
      },
    },
    async (request) => ({ examId: request.params.examId, role: request.principal.role }),
  )
  app.post('/refusals', { schema: { operationId: 'refuse' } }, async () => {
    const facts = {
      reason: 'You can retake 70-620 from 1 December 2026.',
      earliestAt: '2026-12-01T00:00:00Z',
      policy: null,
      status: 999, // a fact may not overwrite a problem member
    }
    throw new AppError('RETAKE_TOO_SOON', facts)
  })
  app.get('/bugs', { schema: { operationId: 'fail' } }, async () => {
    throw new Error('secret connection string postgres://u:p@db')
  })
}

/** The test routes' access policy: what ACCESS_POLICY is to the real API. */
export const TEST_POLICIES: Readonly<Record<string, OperationPolicy>> = {
  addTestExam: { roles: ['admin'], objects: 'none' },
  getTestExam: { roles: ['admin', 'support', 'provider', 'candidate'], objects: 'none' },
  refuse: { roles: ['admin', 'support', 'provider', 'candidate'], objects: 'none' },
  fail: { roles: ['admin', 'support', 'provider', 'candidate'], objects: 'none' },
}

export function buildTestApp(
  overrides: Partial<HttpDeps> = {},
  options: BuildAppOptions = {},
): Promise<FastifyInstance> {
  return buildApp(
    {
      authenticate: async (token) => TOKENS[token] ?? null,
      policyOf: (operationId) => TEST_POLICIES[operationId] ?? null,
      checkHealth: async () => {},
      routes: [testRoutes],
      ...overrides,
    },
    options,
  )
}

export interface ProblemBody {
  readonly type: string
  readonly title: string
  readonly status: number
  readonly code: string
  readonly detail: string
  readonly field?: string
  readonly requestId: string
  readonly [fact: string]: unknown
}

/** Asserts-by-parsing that a response is problem+json, and returns its body. */
export function readProblem(response: LightMyRequestResponse): ProblemBody {
  const type = response.headers['content-type']
  if (typeof type !== 'string' || !type.startsWith('application/problem+json')) {
    throw new Error(`expected problem+json, got ${String(type)}: ${response.body.slice(0, 200)}`)
  }
  const body = response.json<ProblemBody>()
  if (body.status !== response.statusCode) {
    throw new Error(`body status ${body.status} differs from ${response.statusCode}`)
  }
  if (body.requestId !== response.headers['x-request-id']) {
    throw new Error('body requestId differs from the X-Request-Id header')
  }
  return body
}
