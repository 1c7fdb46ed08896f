import { validate } from '@scalar/openapi-parser'
import { describe, expect, it } from 'vitest'
import { testDatabases } from '../support/databases.js'
import { call, useApi } from './api-harness.js'

interface Operation {
  readonly requestBody?: { readonly content: Record<string, { readonly schema: unknown }> }
  readonly parameters?: readonly { readonly in: string; readonly name: string }[]
  readonly responses: Record<string, unknown>
}
interface Document {
  readonly openapi: string
  readonly paths: Record<string, Record<string, Operation>>
}

/** Every /v1 operation the issue promises, as OpenAPI writes it. */
const ISSUE_ROUTES = [
  'post /v1/exams',
  'get /v1/exams',
  'get /v1/exams/{number}',
  'post /v1/candidates',
  'get /v1/candidates/{id}',
  'post /v1/attempts',
  'patch /v1/attempts/{id}',
  'get /v1/candidates/{id}/attempts',
  'get /v1/candidates/{id}/eligibility',
  'get /v1/candidates/{id}/timeline',
]

describe.each(testDatabases())('operations endpoints of the real app ($name)', ({ open }) => {
  const world = useApi(open, { per: 'suite' })

  it('GET /healthz says ok when the database answers', async () => {
    const response = await call(world(), 'GET', '/healthz', undefined, null)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ status: 'ok' })
  })

  it('GET /openapi.json is a valid OpenAPI 3.1 document listing every /v1 route of the issue', async () => {
    const response = await call(world(), 'GET', '/openapi.json', undefined, null)
    expect(response.statusCode).toBe(200)
    const document = response.json<Document>()
    expect(document.openapi).toBe('3.1.0')
    const result = await validate(response.json<Record<string, unknown>>())
    expect(result.errors ?? []).toEqual([])

    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method} ${path}`),
    )
    expect(operations).toEqual(expect.arrayContaining(ISSUE_ROUTES))

    const paths = document.paths
    expect(
      paths['/v1/exams']?.post?.requestBody?.content['application/json']?.schema,
    ).toMatchObject({ required: ['number', 'title'], additionalProperties: false })
    expect(
      paths['/v1/candidates/{id}/eligibility']?.get?.parameters?.map((p) => `${p.in}:${p.name}`),
    ).toEqual(expect.arrayContaining(['query:exam', 'query:at', 'path:id']))
    for (const route of ISSUE_ROUTES) {
      const [method, path] = route.split(' ') as [string, string]
      const responses = paths[path]?.[method]?.responses ?? {}
      // A missing or dead token is documented on every /v1 operation, as a problem with its code.
      expect(responses['401'], route).toMatchObject({
        content: { 'application/problem+json': { schema: expect.anything() } },
      })
      expect(JSON.stringify(responses['401']), route).toContain('"UNAUTHENTICATED"')
    }
  })

  it('GET /docs/ is the HTML reference reading /openapi.json', async () => {
    const response = await call(world(), 'GET', '/docs/', undefined, null)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/^text\/html/)
    expect(response.body).toContain('/openapi.json')
  })

  it('GET /metrics counts requests by route pattern, not raw URL', async () => {
    await call(world(), 'GET', '/v1/exams/70-620')
    await call(world(), 'GET', '/v1/exams/070-622')
    await call(world(), 'GET', '/v1/candidates/cand-ana/eligibility?exam=70-620')
    const response = await call(world(), 'GET', '/metrics', undefined, null)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/^text\/plain/)
    expect(response.body).toContain(
      'http_request_duration_seconds_count{method="GET",route="/v1/exams/:number",status_code="200"} 2',
    )
    expect(response.body).toContain('route="/v1/candidates/:id/eligibility"')
    expect(response.body).not.toContain('070-622')
  })
})
