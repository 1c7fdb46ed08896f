import { describe, expect, it } from 'vitest'
import { createToken } from '../../src/app/access/api-tokens.js'
import { revokeToken } from '../../src/db/access/api-tokens.js'
import { TOKEN_ROLES as ROLES, type Role } from '../../src/domain/principal.js'
import { testDatabases } from '../support/databases.js'
import { call, expectProblem, NOW, useApi } from './api-harness.js'

type Method = 'GET' | 'POST' | 'PATCH'

/**
 * Who may call what, by role (per object: access-matrix.test.ts). Requests
 * carry a body the schema refuses, so a permitted role gets a 4xx other than
 * 401/403 and nothing is written.
 */
const EVERYONE: readonly Role[] = ['admin', 'support', 'provider', 'candidate']
const STAFF_AND_CANDIDATE: readonly Role[] = ['admin', 'support', 'candidate']

const MATRIX: readonly {
  readonly method: Method
  readonly url: string
  readonly openapiPath: string
  readonly roles: readonly Role[]
}[] = [
  { method: 'POST', url: '/v1/exams', openapiPath: '/v1/exams', roles: ['admin'] },
  { method: 'GET', url: '/v1/exams', openapiPath: '/v1/exams', roles: EVERYONE },
  { method: 'GET', url: '/v1/exams/70-620', openapiPath: '/v1/exams/{number}', roles: EVERYONE },
  {
    method: 'POST',
    url: '/v1/candidates',
    openapiPath: '/v1/candidates',
    roles: ['admin', 'support'],
  },
  {
    method: 'GET',
    url: '/v1/candidates/cand-ana',
    openapiPath: '/v1/candidates/{id}',
    roles: STAFF_AND_CANDIDATE,
  },
  {
    method: 'POST',
    url: '/v1/attempts',
    openapiPath: '/v1/attempts',
    roles: ['admin', 'provider'],
  },
  {
    method: 'PATCH',
    url: '/v1/attempts/att-ana-1',
    openapiPath: '/v1/attempts/{id}',
    roles: ['admin', 'provider'],
  },
  {
    method: 'GET',
    url: '/v1/candidates/cand-ana/attempts',
    openapiPath: '/v1/candidates/{id}/attempts',
    roles: STAFF_AND_CANDIDATE,
  },
  {
    method: 'GET',
    url: '/v1/candidates/cand-ana/eligibility?exam=70-620',
    openapiPath: '/v1/candidates/{id}/eligibility',
    roles: EVERYONE,
  },
  {
    method: 'GET',
    url: '/v1/candidates/cand-ana/timeline?exam=70-620',
    openapiPath: '/v1/candidates/{id}/timeline',
    roles: STAFF_AND_CANDIDATE,
  },
]

const CASES = MATRIX.flatMap((route) =>
  ROLES.map((role) => ({
    ...route,
    role,
    allowed: route.roles.includes(role),
  })),
)

interface OpenApiOperation {
  readonly security?: unknown
  readonly 'x-roles'?: readonly string[]
}

describe.each(testDatabases())(
  'authentication and roles on the real routes ($name)',
  ({ open }) => {
    const world = useApi(open, { per: 'suite' })

    // A body the schema refuses: a permitted caller gets 400, not a write.
    const probeBody = (method: Method) => (method === 'GET' ? undefined : { notAField: true })

    it.each(CASES)(
      '$method $url as $role: allowed $allowed',
      async ({ method, url, role, allowed }) => {
        const response = await call(world(), method, url, probeBody(method), role)
        if (allowed) {
          expect([401, 403]).not.toContain(response.statusCode)
          expect(response.statusCode).toBeLessThan(500)
        } else {
          const problem = expectProblem(response, 403, 'FORBIDDEN')
          expect(problem.detail).toContain(role)
          expect(problem.role).toBe(role)
        }
      },
    )

    it('documents the same roles in the OpenAPI document (x-roles), and every /v1 operation as secured', async () => {
      const document = (await call(world(), 'GET', '/openapi.json', undefined, null)).json<{
        paths: Record<string, Record<string, OpenApiOperation>>
      }>()
      for (const route of MATRIX) {
        const operation = document.paths[route.openapiPath]?.[route.method.toLowerCase()]
        expect(operation, `${route.method} ${route.openapiPath}`).toBeDefined()
        expect(operation?.['x-roles'] ?? null).toEqual(route.roles)
      }
      // Making an account and signing in are the only /v1 operations open to anyone.
      const anonymous = [
        'post /v1/accounts',
        'post /v1/sign-in/email',
        'post /v1/sign-in/code',
        'post /v1/sign-in/passkey/options',
        'post /v1/sign-in/passkey',
      ]
      for (const [path, item] of Object.entries(document.paths)) {
        if (!path.startsWith('/v1/')) continue
        for (const [method, operation] of Object.entries(item)) {
          const name = `${method} ${path}`
          expect(operation.security, name).toEqual(
            anonymous.includes(name) ? [] : [{ bearer: [] }, { session: [] }],
          )
        }
      }
    })

    it.each(MATRIX)(
      '$method $url without a token: 401 with a challenge',
      async ({ method, url }) => {
        const response = await call(world(), method, url, probeBody(method), null)
        expectProblem(response, 401, 'UNAUTHENTICATED')
        expect(response.headers['www-authenticate']).toMatch(/^Bearer realm="examdesk"/)
      },
    )

    it.each([
      ['an unknown token', 'Bearer exd_not-a-real-token'],
      ['another scheme', 'Basic YWRtaW46YWRtaW4='],
      ['a bare token', 'exd_just-the-token'],
      ['an empty bearer', 'Bearer '],
    ])('refuses %s with 401', async (_, authorization) => {
      const response = await call(world(), 'GET', '/v1/exams', undefined, null, { authorization })
      expectProblem(response, 401, 'UNAUTHENTICATED')
    })

    it('accepts a token as soon as it is created, and refuses it once revoked', async () => {
      const { db, clock } = world()
      const created = await createToken({ db, clock }, { role: 'support', label: 'to revoke' })
      const bearer = { authorization: `Bearer ${created.token}` }
      expect((await call(world(), 'GET', '/v1/exams', undefined, null, bearer)).statusCode).toBe(
        200,
      )
      expect(await revokeToken(db, created.id, NOW)).toBe(true)
      // The app may remember a token for a few seconds (src/app/token-cache.ts); a minute is enough.
      clock.set(NOW + 60_000)
      try {
        expectProblem(
          await call(world(), 'GET', '/v1/exams', undefined, null, bearer),
          401,
          'UNAUTHENTICATED',
        )
      } finally {
        clock.set(NOW)
      }
    })

    it('refuses a provider token made before tokens were bound, on every route, saying how to make a bound one', async () => {
      const { db, clock } = world()
      const unbound = await createToken({ db, clock }, { role: 'provider', label: 'from before' })
      const bearer = { authorization: `Bearer ${unbound.token}` }
      for (const url of ['/v1/exams', '/v1/candidates/cand-ana/eligibility?exam=70-620']) {
        const problem = expectProblem(
          await call(world(), 'GET', url, undefined, null, bearer),
          403,
          'PROVIDER_TOKEN_UNBOUND',
        )
        expect(problem.detail, url).toContain('examdesk token create --role provider --provider')
      }
    })

    it('keeps /healthz, /metrics, /openapi.json and /docs/ open', async () => {
      for (const url of ['/healthz', '/metrics', '/openapi.json', '/docs/']) {
        const response = await call(world(), 'GET', url, undefined, null)
        expect(response.statusCode, url).toBe(200)
      }
    })
  },
)
