import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import type { Kysely } from 'kysely'
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest'
import { type Clock, fixedClock } from '../../src/app/clock.js'
import { ERROR_CATALOGUE, type ErrorCode } from '../../src/app/errors.js'
import type { Database } from '../../src/db/engine/database.js'
import type { DB } from '../../src/db/engine/schema.js'
import { type Instant, parseInstant } from '../../src/domain/instant.js'
import { buildExamdeskApp } from '../../src/http/examdesk-app.js'
import { preparedTokens, type TestDatabase } from '../support/databases.js'
import {
  OTHER_PROVIDER,
  PREPARED_AT_TEXT,
  type PreparedCaller as Role,
} from '../support/prepared-databases.js'

/**
 * API tests: the whole examdesk app (`buildExamdeskApp`) on a fresh migrated
 * database with the programme and the demo loaded at a fixed "now", a real
 * token per role, and `inject()` helpers that read like HTTP.
 */

/** The "now" of every API test: Monday 15 June 2026, 12:00 UTC. */
export const NOW_TEXT = PREPARED_AT_TEXT
export const NOW: Instant = instant(NOW_TEXT)

export function instant(text: string): Instant {
  const parsed = parseInstant(text)
  if (parsed === null) throw new Error(`not an instant: ${text}`)
  return parsed
}

export interface ApiWorld {
  readonly app: FastifyInstance
  readonly db: Kysely<DB>
  readonly clock: Clock & { set(at: Instant): void }
  /**
   * A live token of each role, made through the real token store; the
   * provider's bound to `PREPARED_PROVIDER` (prometric), and `otherProvider`
   * bound to `OTHER_PROVIDER` (pearson-vue).
   */
  readonly tokens: Readonly<Record<Role, string>>
}

export interface UseApiOptions {
  /** Load the demo catalogue and candidates as well as the programme (default true). */
  readonly demo?: boolean
  /** One world per test (default) or one for the whole suite (read-only or order-free suites). */
  readonly per?: 'test' | 'suite'
  /** The address people open examdesk at (`EXAMDESK_PUBLIC_URL`); the default one unless given. */
  readonly publicUrl?: string
}

/** Opens a world before each test (or once) of the enclosing suite and closes it after; returns a getter. */
export function useApi(open: TestDatabase['open'], options: UseApiOptions = {}): () => ApiWorld {
  let world: ApiWorld | undefined
  let database: Database | undefined
  const setUp = async () => {
    // A copy of a database prepared once per run: the programme (and the demo) at NOW, a token per role.
    database = await open({ content: (options.demo ?? true) ? 'demo' : 'programme' })
    const clock = fixedClock(NOW)
    const { publicUrl } = options
    const app = await buildExamdeskApp({
      db: database.db,
      clock,
      ...(publicUrl === undefined ? {} : { publicUrl: () => publicUrl }),
    })
    world = { app, db: database.db, clock, tokens: preparedTokens() }
  }
  const tearDown = async () => {
    try {
      await world?.app.close()
    } finally {
      await database?.close()
      world = undefined
      database = undefined
    }
  }
  if (options.per === 'suite') {
    beforeAll(setUp)
    afterAll(tearDown)
  } else {
    beforeEach(setUp)
    afterEach(tearDown)
  }
  return () => {
    if (!world) throw new Error('The API world exists only inside a test')
    return world
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

/** A request as `role` (default admin; null sends no token). */
export function call(
  world: ApiWorld,
  method: Method,
  url: string,
  body?: unknown,
  role: Role | null = 'admin',
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const request: InjectOptions = {
    method,
    url,
    headers: {
      ...(role === null ? {} : { authorization: `Bearer ${world.tokens[role]}` }),
      ...headers,
    },
    ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
  }
  return world.app.inject(request)
}

/** The JSON of a success, failing with the body when the status is not the one expected. */
export function expectOk<T = Record<string, unknown>>(
  response: LightMyRequestResponse,
  status = 200,
): T {
  if (response.statusCode !== status) {
    throw new Error(
      `expected ${status}, got ${response.statusCode}: ${response.body.slice(0, 500)}`,
    )
  }
  expect(response.headers['content-type']).toMatch(/^application\/json/)
  return response.json<T>()
}

export interface Problem {
  readonly type: string
  readonly title: string
  readonly status: number
  readonly code: ErrorCode
  readonly detail: string
  readonly field?: string
  readonly requestId: string
  readonly [fact: string]: unknown
}

/**
 * Asserts that a response is an RFC 9457 problem from the catalogue (media
 * type, code known with its catalogue status, a detail, the request id) and
 * returns its body.
 */
export function readProblem(response: LightMyRequestResponse): Problem {
  const type = response.headers['content-type']
  if (typeof type !== 'string' || !type.startsWith('application/problem+json')) {
    throw new Error(
      `expected problem+json, got ${response.statusCode} ${String(type)}: ${response.body.slice(0, 300)}`,
    )
  }
  const problem = response.json<Problem>()
  expect(Object.keys(ERROR_CATALOGUE)).toContain(problem.code)
  expect(problem.status).toBe(response.statusCode)
  expect(ERROR_CATALOGUE[problem.code].status).toBe(response.statusCode)
  expect(problem.type).toBe(`urn:examdesk:problem:${problem.code}`)
  expect(typeof problem.detail).toBe('string')
  expect(problem.detail.length).toBeGreaterThan(0)
  expect(problem.requestId).toBe(response.headers['x-request-id'])
  return problem
}

/** Asserts a refusal with this status, code and (when given) field; returns the problem. */
export function expectProblem(
  response: LightMyRequestResponse,
  status: number,
  code: ErrorCode,
  field?: string,
): Problem {
  const problem = readProblem(response)
  expect({ status: problem.status, code: problem.code }).toEqual({ status, code })
  if (field !== undefined) expect(problem.field).toBe(field)
  return problem
}

/** A candidate as the API creates one; defaults to someone in Paris. */
export interface NewCandidate {
  readonly firstName: string
  readonly lastName: string
  readonly email: string
  readonly country: string
  readonly timeZone: string
}

export const LEA: NewCandidate = {
  firstName: 'Léa',
  lastName: 'Martin',
  email: 'lea.martin@example.fr',
  country: 'FR',
  timeZone: 'Europe/Paris',
}

/** Registers a candidate through the API and returns the id it was given. */
export async function registerCandidate(
  world: ApiWorld,
  candidate: Partial<NewCandidate> = {},
): Promise<string> {
  const created = expectOk<{ id: string }>(
    await call(world, 'POST', '/v1/candidates', { ...LEA, ...candidate }),
    201,
  )
  return created.id
}

export interface NewAttempt {
  readonly candidateId: string
  readonly exam: string
  readonly takenAt: string
  readonly outcome: 'pass' | 'fail' | 'pending'
  readonly provider: string
}

/** Records an attempt through the API, as the provider that delivered it, and returns what was stored. */
export async function recordAttempt(
  world: ApiWorld,
  attempt: NewAttempt,
): Promise<NewAttempt & { id: string }> {
  const role = attempt.provider === OTHER_PROVIDER ? 'otherProvider' : 'provider'
  return expectOk(await call(world, 'POST', '/v1/attempts', attempt, role), 201)
}

/** A provider reports the result of a sitting (the clock must stand after its start). */
/** Books a seat as a provider's booking site would (or as `role`), with an Idempotency-Key; the exam defaults to 70-620. */
export function book(
  world: ApiWorld,
  body: { readonly candidateId: string; readonly slotId: string } & Record<string, unknown>,
  idempotencyKey: string,
  role: Role = 'provider',
): Promise<LightMyRequestResponse> {
  return call(world, 'POST', '/v1/registrations', { exam: '70-620', ...body }, role, {
    'idempotency-key': idempotencyKey,
  })
}

export function reportResult(
  world: ApiWorld,
  registrationId: string,
  outcome: 'pass' | 'fail' | 'pending',
): Promise<LightMyRequestResponse> {
  return call(world, 'POST', `/v1/registrations/${registrationId}/result`, { outcome }, 'provider')
}
