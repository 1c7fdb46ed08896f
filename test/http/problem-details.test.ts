import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, buildTestApp, readProblem, validExam } from './test-app.js'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

const admin = bearer('admin-token')
const json = { ...admin, 'content-type': 'application/json' }

describe('framework errors are problem+json with a catalogue code', () => {
  it('answers an unknown route, on GET and on POST, 404 ROUTE_NOT_FOUND', async () => {
    const get = readProblem(await app.inject({ method: 'GET', url: '/nowhere?x=1' }))
    expect(get).toMatchObject({
      status: 404,
      code: 'ROUTE_NOT_FOUND',
      method: 'GET',
      path: '/nowhere',
    })
    expect(get.detail).toBe('There is no GET /nowhere in this API.')
    const post = readProblem(
      await app.inject({ method: 'POST', url: '/v1/nowhere', payload: { a: 1 } }),
    )
    expect(post).toMatchObject({ status: 404, code: 'ROUTE_NOT_FOUND', method: 'POST' })
  })

  it('answers malformed JSON 400 MALFORMED_JSON', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/exams',
      headers: json,
      payload: '{"name": "x",',
    })
    expect(readProblem(response)).toMatchObject({ status: 400, code: 'MALFORMED_JSON' })
  })

  it('refuses prototype poisoning as MALFORMED_JSON', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/exams',
      headers: json,
      payload: '{"__proto__": {"admin": true}}',
    })
    expect(readProblem(response).code).toBe('MALFORMED_JSON')
  })

  it('answers an empty body sent as JSON 400 MALFORMED_JSON (empty is not JSON)', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/exams',
      headers: json,
      payload: '',
    })
    expect(readProblem(response)).toMatchObject({ status: 400, code: 'MALFORMED_JSON' })
  })

  it('answers a missing body 400 VALIDATION_FAILED on the body as a whole', async () => {
    const response = await app.inject({ method: 'POST', url: '/v1/exams', headers: admin })
    const problem = readProblem(response)
    expect(problem).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', location: 'body' })
    expect(problem.field).toBeUndefined()
    expect(problem.detail).toBe('The input: the body must be a JSON object.')
  })

  it.each([
    ['text/plain', 'text/plain'],
    ['application/x-www-form-urlencoded', 'application/x-www-form-urlencoded'],
    ['application/xml; charset=utf-8', 'application/xml; charset=utf-8'],
  ])('answers a %s body 415 UNSUPPORTED_MEDIA_TYPE', async (contentType, echoed) => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/exams',
      headers: { ...admin, 'content-type': contentType },
      payload: 'name=x',
    })
    expect(readProblem(response)).toMatchObject({
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      contentType: echoed,
    })
  })

  it('answers a body without Content-Type 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/exams',
      headers: admin,
      payload: Buffer.from(JSON.stringify(validExam)),
    })
    expect(readProblem(response)).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' })
  })

  it('answers a body over the limit 413 BODY_TOO_LARGE', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/exams',
      headers: json,
      payload: JSON.stringify({ ...validExam, name: 'x'.repeat(65 * 1024) }),
    })
    expect(readProblem(response)).toMatchObject({
      status: 413,
      code: 'BODY_TOO_LARGE',
      limitBytes: 64 * 1024,
    })
  })

  it.each([
    ['an incomplete escape in a path parameter', '/v1/exams/%E0%A4%A'],
    ['an escape that is not UTF-8 in a path parameter', '/v1/exams/%ff'],
    ['a non-hex escape in a static segment', '/v1/ex%zzams'],
    ['a non-hex escape in the query', '/v1/exams/70-620?limit=%zz'],
    ['an escape that is not UTF-8 in the query', '/v1/exams/70-620?limit=%c3%28'],
    ['a bad escape in the query of an unknown route', '/nowhere?q=%'],
  ])('answers %s 400 MALFORMED_URL', async (_name, url) => {
    const response = await app.inject({ method: 'GET', url, headers: admin })
    expect(readProblem(response)).toMatchObject({ status: 400, code: 'MALFORMED_URL' })
  })

  it('answers an over-long path parameter 400 MALFORMED_REQUEST', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `/v1/exams/${'7'.repeat(500)}`,
      headers: admin,
    })
    expect(readProblem(response)).toMatchObject({ status: 400, code: 'MALFORMED_REQUEST' })
  })
})

describe('validation errors name the field, where it was, and what is wrong', () => {
  const post = (payload: unknown, url = '/v1/exams') =>
    app.inject({ method: 'POST', url, headers: json, payload: JSON.stringify(payload) })

  it('names a missing nested field in dot notation', async () => {
    const { betaPeriod, ...rest } = validExam
    const problem = readProblem(await post({ ...rest, betaPeriod: { start: betaPeriod.start } }))
    expect(problem).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      field: 'betaPeriod.end',
      location: 'body',
    })
    expect(problem.detail).toBe('betaPeriod.end: is required (body).')
  })

  it('says what a nested value must look like', async () => {
    const problem = readProblem(
      await post({ ...validExam, betaPeriod: { ...validExam.betaPeriod, start: 'soon' } }),
    )
    expect(problem.field).toBe('betaPeriod.start')
    expect(problem.detail).toMatch(/^betaPeriod\.start: must be an RFC 3339 date-time/)
  })

  it('lists every problem for a form to show, first one on top', async () => {
    const problem = readProblem(await post({ name: '', kind: 'alpha', seats: '20', extra: true }))
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { field: 'name', problem: 'must not be empty' },
        { field: 'kind', problem: 'must be one of "standard", "beta"' },
        { field: 'seats', problem: 'must be an integer' },
        { field: 'betaPeriod', problem: 'is required' },
        { field: 'extra', problem: 'is not a known field' },
      ]),
    )
  })

  it('names array items by index', async () => {
    const problem = readProblem(await post({ ...validExam, tags: ['ok', 7] }))
    expect(problem).toMatchObject({ field: 'tags.1', detail: 'tags.1: must be a string (body).' })
  })

  it('answers a bad query type with the query field', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/v1/exams/70-620?limit=many',
      headers: admin,
    })
    expect(readProblem(response)).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      field: 'limit',
      location: 'query',
      detail: 'limit: must be an integer (query string).',
    })
  })

  it('converts a well-formed query value instead of refusing it', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/v1/exams/70-620?limit=5',
      headers: admin,
    })
    expect(response.statusCode).toBe(200)
  })

  it('answers a bad path parameter with the path field', async () => {
    const response = await app.inject({ method: 'GET', url: '/v1/exams/seventy', headers: admin })
    expect(readProblem(response)).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'examId',
      location: 'path',
    })
  })

  it('does not coerce body types: "20" is not an integer', async () => {
    const problem = readProblem(await post({ ...validExam, seats: '20' }))
    expect(problem).toMatchObject({ field: 'seats', code: 'VALIDATION_FAILED' })
  })

  it('accepts the valid body', async () => {
    const response = await post(validExam)
    expect(response.statusCode).toBe(201)
    expect(response.json()).toEqual({ name: validExam.name, createdBy: 'tok-admin' })
  })
})

describe('errors the application throws', () => {
  it('answers an AppError with its status, code, sentence and facts', async () => {
    const response = await app.inject({ method: 'POST', url: '/v1/refusals', headers: admin })
    const problem = readProblem(response)
    expect(problem).toMatchObject({
      type: 'urn:examdesk:problem:RETAKE_TOO_SOON',
      title: 'Retake too soon',
      status: 409,
      code: 'RETAKE_TOO_SOON',
      detail: 'You can retake 70-620 from 1 December 2026.',
      earliestAt: '2026-12-01T00:00:00Z',
    })
  })

  it('answers a bug 500 INTERNAL_ERROR without internals, and logs it with the request id', async () => {
    const lines: string[] = []
    const logged = await buildTestApp(
      {},
      { logger: { level: 'error', stream: { write: (line: string) => lines.push(line) } } },
    )
    try {
      const response = await logged.inject({ method: 'GET', url: '/v1/bugs', headers: admin })
      const problem = readProblem(response)
      expect(problem).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' })
      expect(problem.detail).toContain(problem.requestId)
      expect(response.body).not.toContain('postgres')
      expect(response.body).not.toContain('stack')
      const entry = lines.map((line) => JSON.parse(line)).find((l) => l.msg === 'unexpected error')
      expect(entry).toMatchObject({ requestId: problem.requestId })
      expect(entry.err.message).toContain('postgres')
    } finally {
      await logged.close()
    }
  })
})

describe('request ids', () => {
  it('honours a sane X-Request-Id and echoes it', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/nowhere',
      headers: { 'x-request-id': 'edge-7f3a:01' },
    })
    expect(response.headers['x-request-id']).toBe('edge-7f3a:01')
    expect(readProblem(response).requestId).toBe('edge-7f3a:01')
  })

  it.each([['has spaces'], ['x'.repeat(300)], ['{"inject":1}'], ['N95RXK-VNF7BN-8VUGYP']])(
    'replaces an X-Request-Id like %j with its own',
    async (given) => {
      const response = await app.inject({
        method: 'GET',
        url: '/healthz',
        headers: { 'x-request-id': given },
      })
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    },
  )

  it('gives every request its own id, on success and on error alike', async () => {
    const ok = await app.inject({ method: 'GET', url: '/healthz' })
    const bad = await app.inject({ method: 'GET', url: '/v1/ex%zzams' })
    expect(ok.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    expect(ok.headers['x-request-id']).not.toBe(bad.headers['x-request-id'])
  })
})
