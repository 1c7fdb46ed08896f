import { validate } from '@scalar/openapi-parser'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp } from './test-app.js'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp({}, { version: '9.9.9' })
})
afterAll(() => app.close())

interface Operation {
  readonly security?: unknown
  readonly 'x-roles'?: unknown
  readonly requestBody?: { readonly content: Record<string, { readonly schema: unknown }> }
  readonly responses: Record<string, unknown>
}
interface ProblemAnswer {
  readonly content: {
    readonly 'application/problem+json': {
      readonly schema: { readonly allOf: [unknown, { properties: { code: { enum: string[] } } }] }
    }
  }
}
interface Document {
  readonly openapi: string
  readonly info: { readonly title: string; readonly version: string }
  readonly paths: Record<string, Record<string, Operation>>
  readonly components: {
    readonly schemas: Record<string, unknown>
    readonly securitySchemes: Record<string, unknown>
  }
}

describe('GET /openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const response = await app.inject({ method: 'GET', url: '/openapi.json' })
    expect(response.statusCode).toBe(200)
    const document = response.json<Document>()
    expect(document.openapi).toBe('3.1.0')
    expect(document.info).toEqual(
      expect.objectContaining({ title: 'examdesk API', version: '9.9.9' }),
    )
    const result = await validate(response.json<Record<string, unknown>>())
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
  })

  it('lists the routes with their TypeBox schemas, secured by bearer with their roles', async () => {
    const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json<Document>()
    const create = document.paths['/v1/exams']?.post
    expect(create?.security).toEqual([{ bearer: [] }, { session: [] }])
    expect(create?.['x-roles']).toEqual(['admin'])
    expect(create?.requestBody?.content['application/json']?.schema).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['name', 'betaPeriod']),
      properties: {
        betaPeriod: {
          type: 'object',
          properties: { end: { type: 'string', format: 'date-time' } },
        },
      },
    })
    expect(document.paths['/v1/exams/{examId}']?.get?.security).toEqual([
      { bearer: [] },
      { session: [] },
    ])
    expect(document.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    })
  })

  it('documents each status a route can answer with its problem codes, on the shared schema', async () => {
    const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json<Document>()
    expect(document.components.schemas.ProblemDetails).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['type', 'title', 'status', 'code', 'detail', 'requestId']),
    })
    const codesOf = (response: unknown) =>
      (response as ProblemAnswer).content['application/problem+json'].schema.allOf[1].properties
        .code.enum
    const responses = document.paths['/v1/exams']?.post?.responses ?? {}
    // The route's own 400 schema is not what the API answers; the problem with its codes is.
    expect(codesOf(responses[400])).toEqual(
      expect.arrayContaining(['MALFORMED_JSON', 'VALIDATION_FAILED']),
    )
    expect(codesOf(responses[401])).toEqual(['UNAUTHENTICATED'])
    expect(codesOf(responses[403])).toEqual([
      'PROVIDER_TOKEN_UNBOUND',
      'CSRF_TOKEN_INVALID',
      'FORBIDDEN',
    ])
    expect(codesOf(responses[503])).toEqual(['UNAVAILABLE', 'DATABASE_UNAVAILABLE'])
    expect(responses.default).toEqual({ $ref: '#/components/responses/Problem' })
    const health = document.paths['/healthz']?.get
    expect(health?.security).toEqual([])
    expect(health?.responses[401]).toBeUndefined()
  })

  it('leaves its own plumbing out of the document', async () => {
    const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json<Document>()
    expect(Object.keys(document.paths)).not.toContain('/openapi.json')
    expect(Object.keys(document.paths).some((path) => path.startsWith('/docs'))).toBe(false)
  })
})

describe('GET /docs', () => {
  it('sends the browser to /docs/, which is the Scalar reference in HTML', async () => {
    const redirect = await app.inject({ method: 'GET', url: '/docs' })
    expect(redirect.statusCode).toBe(301)
    expect(redirect.headers.location).toBe('/docs/')
    const page = await app.inject({ method: 'GET', url: '/docs/' })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toMatch(/^text\/html/)
    expect(page.body).toContain('/openapi.json')
    expect(page.body).toMatch(/<title>examdesk API reference<\/title>/)
  })

  it('loads nothing from the internet and turns off what needs a Scalar service', async () => {
    const page = await app.inject({ method: 'GET', url: '/docs/' })
    expect(page.body).not.toMatch(/https?:\/\//)
    const configuration = JSON.parse(
      /createApiReference\('#app', (\{[\s\S]*?\})\)/.exec(page.body)?.[1] ?? '{}',
    )
    expect(configuration).toMatchObject({
      hideClientButton: true,
      telemetry: false,
      withDefaultFonts: false,
      agent: { disabled: true },
      mcp: { disabled: true },
      showDeveloperTools: 'never',
    })
    const script = await app.inject({ method: 'GET', url: '/docs/js/scalar.js' })
    expect(script.statusCode).toBe(200)
  })
})
