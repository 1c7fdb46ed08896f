import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, buildTestApp, readProblem, validExam } from './test-app.js'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

const createExam = (headers: Record<string, string>) =>
  app.inject({ method: 'POST', url: '/v1/exams', headers, payload: validExam })

describe('bearer authentication on /v1', () => {
  it.each([
    ['no Authorization header', {}],
    ['another scheme', { authorization: 'Basic YWRtaW46cGFzcw==' }],
    ['a bearer without a token', { authorization: 'Bearer ' }],
    ['a token with spaces inside', { authorization: 'Bearer admin token' }],
  ])('answers %s 401 UNAUTHENTICATED with WWW-Authenticate: Bearer', async (_name, headers) => {
    const response = await createExam(headers)
    expect(readProblem(response)).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' })
    expect(response.headers['www-authenticate']).toBe('Bearer realm="examdesk"')
  })

  it('answers an unknown token 401 and says the token is invalid', async () => {
    const response = await createExam(bearer('stolen-token'))
    expect(readProblem(response)).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' })
    expect(response.headers['www-authenticate']).toContain('error="invalid_token"')
  })

  it('checks the token before reading the body', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/exams',
      headers: { 'content-type': 'application/json' },
      payload: '{not json',
    })
    expect(readProblem(response).code).toBe('UNAUTHENTICATED')
  })

  it('takes the scheme name in any case', async () => {
    const response = await createExam({ authorization: 'bearer admin-token' })
    expect(response.statusCode).toBe(201)
  })

  it('answers a valid token whose role is not allowed 403 FORBIDDEN with the roles', async () => {
    const response = await createExam(bearer('support-token'))
    const problem = readProblem(response)
    expect(problem).toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
      role: 'support',
      requiredRoles: ['admin'],
    })
    expect(problem.detail).toBe('This needs the role admin; your token has the role support.')
  })

  it('refuses a provider token bound to no provider everywhere, saying how to make a bound one', async () => {
    for (const request of [
      () => createExam(bearer('unbound-provider-token')),
      () =>
        app.inject({
          method: 'GET',
          url: '/v1/exams/70-620',
          ...{ headers: bearer('unbound-provider-token') },
        }),
    ]) {
      const problem = readProblem(await request())
      expect(problem).toMatchObject({ status: 403, code: 'PROVIDER_TOKEN_UNBOUND' })
      expect(problem.detail).toContain('examdesk token create --role provider --provider')
    }
  })

  it('lets every role its operation policy names call it, and tells it who acted', async () => {
    for (const [token, role] of [
      ['admin-token', 'admin'],
      ['support-token', 'support'],
      ['provider-token', 'provider'],
    ] as const) {
      const response = await app.inject({
        method: 'GET',
        url: '/v1/exams/70-620',
        headers: bearer(token),
      })
      expect(response.statusCode).toBe(200)
      expect(response.json()).toEqual({ examId: '70-620', role })
    }
  })

  it('leaves the operational routes public', async () => {
    for (const url of ['/healthz', '/metrics', '/openapi.json', '/docs/']) {
      const response = await app.inject({ method: 'GET', url })
      expect(response.statusCode, url).toBe(200)
    }
  })

  it('answers 500, not 401, when the token store itself fails', async () => {
    const broken = await buildTestApp({
      authenticate: async () => {
        throw new Error('token store down')
      },
    })
    try {
      const response = await broken.inject({
        method: 'GET',
        url: '/v1/exams/70-620',
        headers: bearer('x'),
      })
      expect(readProblem(response)).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' })
    } finally {
      await broken.close()
    }
  })
})

describe('wiring', () => {
  it('refuses to mount a /v1 route whose operation has no access policy, or no operationId', async () => {
    for (const schema of [{ operationId: 'nobodyDecidedThis' }, {}]) {
      const leaky = await buildTestApp({
        routes: [
          async (scope) => {
            scope.get('/unguarded', { schema }, async () => 'secret')
          },
        ],
      }).catch((error: unknown) => error)
      expect(leaky).toBeInstanceOf(Error)
      expect((leaky as Error).message).toMatch(/GET \/v1\/unguarded has no access policy/)
    }
  })
})
