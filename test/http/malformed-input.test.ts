import fc from 'fast-check'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, buildTestApp, readProblem, validExam } from './test-app.js'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

interface Sent {
  readonly contentType?: string
  readonly payload: string
}

const json = (value: unknown): Sent => ({
  contentType: 'application/json',
  payload: JSON.stringify(value) ?? 'null',
})

// A value of the wrong kind for any field.
const wrongValue = fc.oneof(
  fc.jsonValue(),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
)

// The valid exam with fields dropped, replaced by wrong values, or extra ones added.
const brokenExam = fc
  .record(
    {
      name: fc.oneof(wrongValue, fc.string({ maxLength: 100 })),
      kind: fc.oneof(wrongValue, fc.constantFrom('standard', 'beta', 'alpha', '')),
      seats: fc.oneof(wrongValue, fc.integer({ min: -5, max: 50 })),
      betaPeriod: fc.oneof(
        wrongValue,
        fc.record(
          { start: fc.oneof(wrongValue, fc.string()), end: fc.oneof(wrongValue, fc.string()) },
          { requiredKeys: [] },
        ),
      ),
      tags: fc.oneof(wrongValue, fc.array(wrongValue, { maxLength: 3 })),
    },
    { requiredKeys: [] },
  )
  .chain((exam) =>
    fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue(), { maxKeys: 2 }).map((extra) => ({
      ...extra,
      ...exam,
    })),
  )

const rawText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('{', '[1,', '{"a":}', 'nul', '"', '\u0000', '{"__proto__":{}}', '1e999999'),
)

const sent: fc.Arbitrary<Sent> = fc.oneof(
  fc.jsonValue().map(json),
  brokenExam.map(json),
  rawText.map((payload) => ({ contentType: 'application/json', payload })),
  fc
    .tuple(
      fc.constantFrom(
        'application/json; charset=utf-8',
        'application/JSON',
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        ';;;',
        'application/',
      ),
      rawText,
    )
    .map(([contentType, payload]) => ({ contentType, payload })),
  rawText.map((payload) => ({ payload })),
)

describe('malformed bodies sent to a route with a TypeBox schema', () => {
  it('never get a 5xx; every refusal is problem+json with a catalogue code', async () => {
    await fc.assert(
      fc.asyncProperty(sent, fc.boolean(), async ({ contentType, payload }, dryRun) => {
        const response = await app.inject({
          method: 'POST',
          url: `/v1/exams?dryRun=${dryRun}`,
          headers: {
            ...bearer('admin-token'),
            ...(contentType === undefined ? {} : { 'content-type': contentType }),
          },
          payload,
        })
        expect(response.statusCode).toBeLessThan(500)
        if (response.statusCode === 201) {
          // Only a body that really is a valid exam gets through.
          expect(Object.keys(response.json())).toEqual(['name', 'createdBy'])
          return
        }
        const problem = readProblem(response)
        expect(problem.code).toMatch(/^[A-Z_]+$/)
        expect([400, 413, 415]).toContain(problem.status)
      }),
      { numRuns: 400 },
    )
  })

  it('sanity: the generator does reach the validator, not only the parser', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/exams',
      headers: { ...bearer('admin-token'), 'content-type': 'application/json' },
      payload: JSON.stringify({ ...validExam, seats: 0 }),
    })
    expect(readProblem(response)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'seats' })
  })
})
