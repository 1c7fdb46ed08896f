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
    expect(create?.security).toEqual([{ bearer: [] }])
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
    expect(document.paths['/v1/exams/{examId}']?.get?.security).toEqual([{ bearer: [] }])
    expect(document.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    })
  })

  it('documents the problem+json answers as one shared component', async () => {
    const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json<Document>()
    expect(document.components.schemas.ProblemDetails).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['type', 'title', 'status', 'code', 'detail', 'requestId']),
    })
    const problem = { $ref: '#/components/responses/Problem' }
    const responses = document.paths['/v1/exams']?.post?.responses
    expect(responses).toMatchObject({ 400: problem, 401: problem, 403: problem, default: problem })
    // The route's own 400 schema is not what the API answers; the shared problem is.
    const health = document.paths['/healthz']?.get
    expect(health?.security).toBeUndefined()
    expect(health?.responses.default).toEqual(problem)
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
    expect(page.body).toMatch(/<html/i)
  })
})
