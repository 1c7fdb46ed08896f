import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BULK_BODY_LIMIT } from '../../src/http/body-limits.js'
import { MAX_JSON_DEPTH } from '../../src/http/json-body-parser.js'
import { bearer, buildTestApp, readProblem, validExam } from './test-app.js'

/**
 * Input refused from its bytes, before it is decoded or parsed. No
 * database is involved: these run on the HTTP shell alone.
 */
let app: FastifyInstance
beforeAll(async () => {
  // As large as the routes that take lists allow: a deep body of that size must still be cheap.
  app = await buildTestApp({}, { bodyLimit: BULK_BODY_LIMIT })
})
afterAll(() => app.close())

function post(payload: Buffer | string) {
  return app.inject({
    method: 'POST',
    url: '/v1/exams',
    headers: { ...bearer('admin-token'), 'content-type': 'application/json' },
    payload,
  })
}

/** The valid exam as bytes, with `bytes` spliced into the name. */
function examWithNameBytes(bytes: readonly number[]): Buffer {
  const [before, after] = JSON.stringify({ ...validExam, name: 'Net@@works' }).split('@@')
  return Buffer.concat([Buffer.from(before!), Buffer.from(bytes), Buffer.from(after!)])
}

/** `depth` arrays inside one another around `inner`. */
const nested = (depth: number, inner = '1') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`

describe('a body that is not UTF-8', () => {
  it.each([
    ['a lone continuation byte', [0x80]],
    ['a truncated two-byte sequence', [0xc3]],
    ['an overlong encoding of "/"', [0xc0, 0xaf]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['Latin-1 "é"', [0xe9]],
  ])('is refused, naming the field: %s', async (_, bytes) => {
    const response = await post(examWithNameBytes(bytes))
    expect(response.statusCode).toBe(400)
    expect(readProblem(response)).toMatchObject({
      code: 'BODY_ENCODING_INVALID',
      field: 'name',
      location: 'body',
    })
  })

  it('names a nested field, and the body alone when a real U+FFFD makes the field uncertain', async () => {
    const nestedBad = Buffer.concat([
      Buffer.from('{"betaPeriod":{"start":"2026'),
      Buffer.from([0xff]),
      Buffer.from('"}}'),
    ])
    expect(readProblem(await post(nestedBad))).toMatchObject({
      code: 'BODY_ENCODING_INVALID',
      field: 'betaPeriod.start',
    })
    const withRealReplacement = Buffer.concat([
      Buffer.from('{"tags":["\ufffd"],"name":"x'),
      Buffer.from([0xff]),
      Buffer.from('"}'),
    ])
    const problem = readProblem(await post(withRealReplacement))
    expect(problem.code).toBe('BODY_ENCODING_INVALID')
    expect(problem.field).toBeUndefined()
  })

  it('lets valid UTF-8 through, U+FFFD sent as such included', async () => {
    const response = await post(JSON.stringify({ ...validExam, name: 'Réseaux \ufffd 😀' }))
    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({ name: 'Réseaux \ufffd 😀' })
  })
})

describe('a deeply nested body', () => {
  it('is refused before parsing, whatever its size', async () => {
    for (const body of [nested(MAX_JSON_DEPTH + 1), nested(500_000)]) {
      const response = await post(body)
      expect(response.statusCode).toBe(400)
      expect(readProblem(response)).toMatchObject({
        code: 'BODY_TOO_DEEP',
        maxDepth: MAX_JSON_DEPTH,
      })
    }
    const objects = `${'{"a":'.repeat(MAX_JSON_DEPTH + 1)}1${'}'.repeat(MAX_JSON_DEPTH + 1)}`
    expect(readProblem(await post(objects)).code).toBe('BODY_TOO_DEEP')
  })

  it('is parsed up to the limit, and brackets inside strings do not count', async () => {
    // Within the limit the body reaches the schema, which refuses it for what it is.
    const deepEnough = await post(
      JSON.stringify({ ...validExam, tags: JSON.parse(nested(MAX_JSON_DEPTH - 1)) }),
    )
    expect(readProblem(deepEnough)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'tags.0' })
    const bracketsInText = await post(
      JSON.stringify({ ...validExam, name: `[[[[\\"${'['.repeat(60)}` }),
    )
    expect(bracketsInText.statusCode).toBe(201)
  })
})

describe('a URL whose percent-escapes are not UTF-8', () => {
  it.each([
    '/v1/exams/%E9',
    '/v1/exams/%C3%28',
    '/v1/exams/%ED%A0%80',
    '/v1/exams/70-620?limit=%E9',
    '/v1/exams/70-620?limit=1&x=%C0%AF',
  ])('is refused 400 MALFORMED_URL: %s', async (url) => {
    const response = await app.inject({ method: 'GET', url, headers: bearer('admin-token') })
    expect(response.statusCode).toBe(400)
    expect(readProblem(response).code).toBe('MALFORMED_URL')
  })
})
