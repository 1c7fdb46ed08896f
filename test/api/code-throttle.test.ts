import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import type { Database } from '../../src/db/engine/database.js'
import { buildExamdeskApp } from '../../src/http/examdesk-app.js'
import { createSlot } from '../factories/appointments.js'
import { createCandidate } from '../factories/catalogue.js'
import { openAnotherConnection } from '../support/another-connection.js'
import { testDatabases } from '../support/databases.js'
import {
  type ApiWorld,
  book,
  expectOk,
  expectProblem,
  instant,
  registerCandidate,
  useApi,
} from './api-harness.js'
import { enrol, guessedCode, preview, world } from './voucher-world.js'

/** `count` candidates, written straight to the database. */
async function candidates(w: ApiWorld, count: number): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < count; i++) ids.push((await createCandidate(w.db)).id)
  return ids
}

const codesOf = (responses: readonly LightMyRequestResponse[]) =>
  responses.map((response) => response.json<{ code: string }>().code)

describe.each(testDatabases())('throttling wrong codes on $name', ({ open }) => {
  const get = useApi(open, { demo: false })
  const others: { app: FastifyInstance; database: Database }[] = []
  afterEach(async () => {
    for (const { app, database } of others.splice(0)) {
      await app.close()
      await database.close()
    }
  })

  it("does not lock a sixth candidate's genuine code after a helpdesk mistyped 20 codes for five others", async () => {
    const { w, centre } = await world(get)
    const slot = await createSlot(w.db, centre, instant('2026-10-01T09:00:00Z'))
    const five = await candidates(w, 5)
    for (const candidateId of five) {
      for (let i = 0; i < 4; i++) {
        expectProblem(
          await preview(w, guessedCode(), candidateId, slot, '', 'support'),
          404,
          'CODE_NOT_FOUND',
        )
      }
    }
    const sixth = await registerCandidate(w, { email: 'sixth@example.com' })
    const code = await enrol(w, sixth)
    expectOk(await preview(w, code, sixth, slot, '', 'support'))
    expectOk(
      await book(w, { candidateId: sixth, slotId: slot, voucherCode: code }, 'sixth', 'support'),
      201,
    )
    // Each of the five is one wrong code from their own lock, no nearer.
    expectProblem(
      await preview(w, guessedCode(), five[0]!, slot, '', 'support'),
      404,
      'CODE_NOT_FOUND',
    )
    expectProblem(
      await preview(w, guessedCode(), five[0]!, slot, '', 'support'),
      429,
      'TOO_MANY_ATTEMPTS',
    )
  })

  it('locks one candidate after five wrong codes, says for how long in Retry-After, and leaves the others open', async () => {
    const { w, centre } = await world(get)
    const slot = await createSlot(w.db, centre, instant('2026-10-01T09:00:00Z'))
    const [lea, tom] = await candidates(w, 2)
    for (let i = 0; i < 5; i++) {
      expectProblem(await preview(w, guessedCode(), lea!, slot), 404, 'CODE_NOT_FOUND')
    }
    const locked = await preview(w, guessedCode(), lea!, slot)
    const problem = expectProblem(locked, 429, 'TOO_MANY_ATTEMPTS', 'voucherCode')
    expect(locked.headers['retry-after']).toBe('1800')
    expect(problem).toMatchObject({
      lockedFor: 'candidate',
      retryAfter: 1800,
      retryAt: '2026-09-10T12:30:00.000Z',
    })
    expect(problem.detail).toContain('for this candidate')
    // Ten minutes on, the wait is ten minutes shorter; a registration says the same.
    w.clock.set(instant('2026-09-10T12:10:00Z'))
    const code = await enrol(w, lea!)
    const refused = await book(w, { candidateId: lea!, slotId: slot, voucherCode: code }, 'k1')
    expectProblem(refused, 429, 'TOO_MANY_ATTEMPTS')
    expect(refused.headers['retry-after']).toBe('1200')
    // The same token is not locked for anyone else.
    expectProblem(await preview(w, guessedCode(), tom!, slot), 404, 'CODE_NOT_FOUND')
  })

  it('stops a token that guesses across candidates after 50 wrong codes, and only that token', async () => {
    const { w, centre } = await world(get)
    const slot = await createSlot(w.db, centre, instant('2026-10-01T09:00:00Z'))
    const many = await candidates(w, 13)
    const answers: LightMyRequestResponse[] = []
    for (const candidateId of many) {
      for (let i = 0; i < 4; i++) answers.push(await preview(w, guessedCode(), candidateId, slot))
    }
    expect(codesOf(answers.slice(0, 50))).toEqual(Array(50).fill('CODE_NOT_FOUND'))
    expect(codesOf(answers.slice(50))).toEqual(['TOO_MANY_ATTEMPTS', 'TOO_MANY_ATTEMPTS'])
    const problem = expectProblem(answers[51]!, 429, 'TOO_MANY_ATTEMPTS')
    expect(problem).toMatchObject({ lockedFor: 'caller', retryAfter: 3600 })
    expect(answers[51]!.headers['retry-after']).toBe('3600')

    // The locked token waits even with a genuine code; a helpdesk's token does not.
    const fresh = await registerCandidate(w, { email: 'fresh@example.com' })
    const code = await enrol(w, fresh)
    expectProblem(await preview(w, code, fresh, slot), 429, 'TOO_MANY_ATTEMPTS')
    expectOk(await preview(w, code, fresh, slot, '', 'support'))
  })

  /** Two more app instances, each with connections of its own to the same database: three processes. */
  async function threeProcesses(w: ApiWorld): Promise<ApiWorld[]> {
    const worlds = [w]
    for (let i = 0; i < 2; i++) {
      const database = await openAnotherConnection(w.db)
      const app = await buildExamdeskApp({ db: database.db, clock: w.clock })
      others.push({ app, database })
      worlds.push({ ...w, app, db: database.db })
    }
    return worlds
  }

  it('answers no more wrong codes than the limit when a burst is spread over three processes', async () => {
    const { w, centre } = await world(get)
    const slot = await createSlot(w.db, centre, instant('2026-10-01T09:00:00Z'))
    const lea = await registerCandidate(w)
    const processes = await threeProcesses(w)
    const burst = await Promise.all(
      Array.from({ length: 150 }, (_, i) => preview(processes[i % 3]!, guessedCode(), lea, slot)),
    )
    const judged = burst.filter((response) => response.statusCode !== 429)
    expect(codesOf(judged)).toEqual(Array(5).fill('CODE_NOT_FOUND'))
    for (const refused of burst.filter((response) => response.statusCode === 429)) {
      expectProblem(refused, 429, 'TOO_MANY_ATTEMPTS')
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
    }
  })

  it("holds a token's limit too when its burst across candidates is spread over three processes", async () => {
    const { w, centre } = await world(get)
    const slot = await createSlot(w.db, centre, instant('2026-10-01T09:00:00Z'))
    const thirty = await candidates(w, 30)
    const processes = await threeProcesses(w)
    // Three wrong codes for each candidate, under their own limit: 90 against the token's 50.
    const burst = await Promise.all(
      Array.from({ length: 90 }, (_, i) =>
        preview(processes[i % 3]!, guessedCode(), thirty[i % 30]!, slot),
      ),
    )
    const judged = burst.filter((response) => response.statusCode !== 429)
    expect(codesOf(judged)).toEqual(Array(50).fill('CODE_NOT_FOUND'))
    expect(new Set(codesOf(burst.filter((r) => r.statusCode === 429)))).toEqual(
      new Set(['TOO_MANY_ATTEMPTS']),
    )
  })
})
