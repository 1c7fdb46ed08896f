import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../src/app/clock.js'
import { ERROR_CATALOGUE } from '../../src/app/errors.js'
import { type Database, openDatabase } from '../../src/db/engine/database.js'
import { buildExamdeskApp } from '../../src/http/examdesk-app.js'

/**
 * The document the real API serves at /openapi.json, held to what the
 * outside linter (`npm run lint:api`) and a client generator need, so that
 * the suite catches a regression without the network.
 */

interface Parameter {
  readonly in: string
  readonly name: string
  readonly required?: boolean
}
interface ProblemAnswer {
  readonly content?: {
    readonly 'application/problem+json'?: {
      readonly schema: {
        readonly allOf?: readonly [unknown, { properties: { code: { enum: string[] } } }]
      }
    }
  }
}
interface Operation {
  readonly operationId?: string
  readonly description?: string
  readonly tags?: readonly string[]
  readonly security?: readonly unknown[]
  readonly parameters?: readonly Parameter[]
  readonly responses: Readonly<Record<string, ProblemAnswer>>
}
interface Document {
  readonly servers?: readonly { readonly url: string }[]
  readonly tags: readonly { readonly name: string; readonly description?: string }[]
  readonly info: { readonly description: string }
  readonly paths: Readonly<Record<string, Readonly<Record<string, Operation>>>>
}

let database: Database
let app: FastifyInstance
let document: Document
beforeAll(async () => {
  // The routes only close over the database; the document is built without a query.
  database = await openDatabase('sqlite::memory:')
  app = await buildExamdeskApp({ db: database.db, clock: fixedClock(0) })
  document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json<Document>()
})
afterAll(async () => {
  await app.close()
  await database.close()
})

/** The `/v1` operations open to anyone, named here so that one opened by mistake fails. */
const ANONYMOUS = [
  'POST /v1/accounts',
  'POST /v1/sign-in/email',
  'POST /v1/sign-in/code',
  'POST /v1/sign-in/passkey/options',
  'POST /v1/sign-in/passkey',
]

function operations(): { readonly name: string; readonly path: string; readonly op: Operation }[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({
      name: `${method.toUpperCase()} ${path}`,
      path,
      op,
    })),
  )
}

/** The JSON paths of every key matching `pattern`, anywhere in `value`. */
function keysNamed(value: unknown, pattern: RegExp, at = ''): string[] {
  if (typeof value !== 'object' || value === null) return []
  return Object.entries(value).flatMap(([key, inner]) => [
    ...(pattern.test(key) ? [`${at}/${key}`] : []),
    ...keysNamed(inner, pattern, `${at}/${key}`),
  ])
}

function problemCodes(op: Operation): string[] {
  return Object.values(op.responses).flatMap(
    (answer) =>
      answer.content?.['application/problem+json']?.schema.allOf?.[1].properties.code.enum ?? [],
  )
}

describe('the served OpenAPI document', () => {
  it('gives every operation a unique operationId and a description', () => {
    const all = operations()
    expect(all.length).toBeGreaterThan(50)
    expect(all.filter(({ op }) => !op.operationId).map(({ name }) => name)).toEqual([])
    const ids = all.map(({ op }) => op.operationId)
    expect(new Set(ids).size).toBe(ids.length)
    expect(all.filter(({ op }) => !op.description?.trim()).map(({ name }) => name)).toEqual([])
  })

  it('has no TypeBox-internal key in any schema', () => {
    expect(keysNamed(document, /^~/)).toEqual([])
  })

  it('names a server, so that generated requests have an address', () => {
    expect(document.servers?.length).toBeGreaterThan(0)
  })

  it('documents at least one 4xx answer, with its problem codes, on every operation', () => {
    const without = operations().filter(
      ({ op }) => !Object.keys(op.responses).some((status) => /^4\d\d$/.test(status)),
    )
    expect(without.map(({ name }) => name)).toEqual([])
  })

  it('says who may call each operation, and leaves the open ones open on purpose', () => {
    for (const { name, path, op } of operations()) {
      const open = !path.startsWith('/v1/') || ANONYMOUS.includes(name)
      expect(op.security, name).toEqual(open ? [] : [{ bearer: [] }, { session: [] }])
      expect(op.description, name).toContain('**Who may call it:**')
    }
    const createExam = document.paths['/v1/exams']?.post
    expect(createExam?.description).toContain('the role `admin`')
    expect(document.paths['/healthz']?.get?.description).toContain('no token is needed')
  })

  it('marks Idempotency-Key required where a missing key is refused, and only there', () => {
    const keyOf = (op: Operation | undefined) =>
      op?.parameters?.find((p) => p.in === 'header' && p.name === 'Idempotency-Key')
    expect(keyOf(document.paths['/v1/registrations']?.post)?.required).toBe(true)
    expect(problemCodes(document.paths['/v1/registrations']?.post as Operation)).toContain(
      'IDEMPOTENCY_KEY_REQUIRED',
    )
    const cancel = document.paths['/v1/registrations/{id}/cancel']?.post
    expect(keyOf(cancel)?.required).toBe(false)
    expect(problemCodes(cancel as Operation)).not.toContain('IDEMPOTENCY_KEY_REQUIRED')
  })

  it('lists the sections in the order a user meets them, every operation in one of them', () => {
    const names = document.tags.map((tag) => tag.name)
    expect(names.slice(0, 4)).toEqual([
      'candidates',
      'retake policy',
      'centres and slots',
      'registrations',
    ])
    expect(names.at(-1)).toBe('operations')
    expect(document.tags.every((tag) => tag.description)).toBe(true)
    const untagged = operations().filter(({ op }) => !op.tags?.every((t) => names.includes(t)))
    expect(untagged.map(({ name }) => name)).toEqual([])
  })

  it('opens with the quick start and how to get a token', () => {
    expect(document.info.description).toContain('## Quick start')
    expect(document.info.description).toContain('"$EXAMDESK/v1/')
    expect(document.info.description).toContain('token create --role admin')
  })

  it('documents every code of the catalogue on some operation, but those answered before any route', () => {
    const documented = new Set(operations().flatMap(({ op }) => problemCodes(op)))
    const nowhere = Object.keys(ERROR_CATALOGUE).filter((code) => !documented.has(code))
    expect(nowhere.sort()).toEqual(
      [
        // Answered before a route is found, or by the `default` answer of every operation.
        'ROUTE_NOT_FOUND',
        'HEADERS_TOO_LARGE',
        'REQUEST_TIMEOUT',
        'MALFORMED_REQUEST',
        'INTERNAL_ERROR',
        // Refusals of the CLI alone.
        'IMPORT_INVALID',
        'VOUCHER_BATCH_MISMATCH',
      ].sort(),
    )
  })
})
