import { describe, expect, it } from 'vitest'
import { testDatabases } from '../support/databases.js'
import {
  call,
  expectOk,
  expectProblem,
  type NewAttempt,
  recordAttempt,
  registerCandidate,
  useApi,
} from './api-harness.js'

interface AttemptOut {
  readonly id: string
  readonly candidateId: string
  readonly exam: string
  readonly creditFor: string
  readonly provider: string
  readonly takenAt: string
  readonly takenAtLocal: string
  readonly outcome: string
}

describe.each(testDatabases())('attempts over HTTP ($name)', ({ open }) => {
  // Tests make their own candidates and exam numbers: one world for the suite.
  const world = useApi(open, { per: 'suite' })

  const sitting = (candidateId: string, change: Partial<NewAttempt> = {}): NewAttempt => ({
    candidateId,
    exam: '70-620',
    takenAt: '2026-06-10T07:00:00Z',
    outcome: 'fail',
    provider: 'prometric',
    ...change,
  })

  describe('POST /v1/attempts', () => {
    it('records a sitting with its local time in the candidate’s zone', async () => {
      const lea = await registerCandidate(world())
      const response = await call(world(), 'POST', '/v1/attempts', sitting(lea), 'provider')
      expect(expectOk<AttemptOut>(response, 201)).toEqual({
        id: expect.any(String),
        candidateId: lea,
        exam: '070-620',
        creditFor: '070-620',
        provider: 'prometric',
        takenAt: '2026-06-10T07:00:00.000Z',
        takenAtLocal: '2026-06-10T09:00 Europe/Paris',
        outcome: 'fail',
      })
    })

    it('credits a beta sitting to its live exam', async () => {
      const lea = await registerCandidate(world())
      const attempt = await recordAttempt(
        world(),
        sitting(lea, { exam: '71-621', takenAt: '2026-06-12T10:00:00Z', outcome: 'pending' }),
      )
      expect(attempt).toMatchObject({ exam: '071-621', creditFor: '070-621', outcome: 'pending' })
    })

    it('keeps one history across providers, oldest first', async () => {
      const lea = await registerCandidate(world())
      await recordAttempt(
        world(),
        sitting(lea, { takenAt: '2026-06-12T07:00:00Z', provider: 'pearson-vue' }),
      )
      await recordAttempt(world(), sitting(lea, { takenAt: '2026-06-10T07:00:00Z' }))
      const history = expectOk<{ items: AttemptOut[] }>(
        await call(world(), 'GET', `/v1/candidates/${lea}/attempts`, undefined, 'support'),
      )
      expect(history.items.map((a) => [a.provider, a.takenAt])).toEqual([
        ['prometric', '2026-06-10T07:00:00.000Z'],
        ['pearson-vue', '2026-06-12T07:00:00.000Z'],
      ])
    })

    it('lists the demo histories too, and 404s for an unknown candidate', async () => {
      const ana = expectOk<{ items: AttemptOut[] }>(
        await call(world(), 'GET', '/v1/candidates/cand-ana/attempts'),
      )
      expect(ana.items.map((a) => [a.exam, a.provider, a.outcome])).toEqual([
        ['070-620', 'prometric', 'fail'],
        ['070-620', 'pearson-vue', 'fail'],
      ])
      expect(ana.items[0]?.takenAtLocal).toMatch(/ Pacific\/Auckland$/)
      expectProblem(
        await call(world(), 'GET', '/v1/candidates/cand-nobody/attempts'),
        404,
        'CANDIDATE_NOT_FOUND',
        'id',
      )
    })

    it.each([
      ['takenAt not an instant', { takenAt: 'yesterday' }, 400, 'INSTANT_INVALID', 'takenAt'],
      [
        'takenAt without an offset',
        { takenAt: '2026-06-10T09:00:00' },
        400,
        'INSTANT_INVALID',
        'takenAt',
      ],
      [
        'takenAt beyond year 9999',
        { takenAt: '+275760-09-13T00:00:00Z' },
        400,
        'INSTANT_INVALID',
        'takenAt',
      ],
      [
        'takenAt before year 1',
        { takenAt: '-271821-04-20T00:00:00Z' },
        400,
        'INSTANT_INVALID',
        'takenAt',
      ],
      [
        'takenAt in the future',
        { takenAt: '2026-06-16T09:00:00Z' },
        422,
        'ATTEMPT_IN_FUTURE',
        'takenAt',
      ],
      ['a retired exam', { exam: '70-210' }, 422, 'EXAM_RETIRED', 'exam'],
      ['an unknown exam', { exam: '70-999' }, 404, 'EXAM_NOT_FOUND', 'exam'],
      ['a malformed exam number', { exam: '7O-620' }, 400, 'EXAM_NUMBER_MALFORMED', 'exam'],
      ['an unknown provider', { provider: 'certiport' }, 422, 'PROVIDER_UNKNOWN', 'provider'],
      ['an unknown outcome', { outcome: 'maybe' }, 400, 'VALIDATION_FAILED', 'outcome'],
      [
        'an unknown candidate',
        { candidateId: 'cand-nobody' },
        404,
        'CANDIDATE_NOT_FOUND',
        'candidateId',
      ],
    ] as const)(
      'refuses %s with a stable code and the field',
      async (_, change, status, code, field) => {
        const lea = await registerCandidate(world())
        const problem = expectProblem(
          await call(world(), 'POST', '/v1/attempts', { ...sitting(lea), ...change }, 'provider'),
          status,
          code,
          field,
        )
        expect(problem.detail.length).toBeGreaterThan(10)
        // Nothing was stored.
        const history = expectOk<{ items: unknown[] }>(
          await call(world(), 'GET', `/v1/candidates/${lea}/attempts`),
        )
        expect(history.items).toEqual([])
      },
    )

    it('says which exam is retired', async () => {
      const lea = await registerCandidate(world())
      const problem = expectProblem(
        await call(world(), 'POST', '/v1/attempts', sitting(lea, { exam: '070-210' })),
        422,
        'EXAM_RETIRED',
        'exam',
      )
      expect(problem.detail).toContain('070-210')
    })

    // A historical attempt, before the first policy version, is still recorded.
    it('records an attempt taken before the first policy version (1999)', async () => {
      const lea = await registerCandidate(world())
      const response = await call(
        world(),
        'POST',
        '/v1/attempts',
        sitting(lea, { takenAt: '1999-06-01T09:00:00Z' }),
      )
      expect(response.statusCode).toBe(201)
    })
  })

  describe('PATCH /v1/attempts/{id}', () => {
    it('sets the outcome of a pending result', async () => {
      const lea = await registerCandidate(world())
      const pending = await recordAttempt(world(), sitting(lea, { outcome: 'pending' }))
      const updated = expectOk<AttemptOut>(
        await call(world(), 'PATCH', `/v1/attempts/${pending.id}`, { outcome: 'pass' }, 'provider'),
      )
      expect(updated).toMatchObject({ id: pending.id, outcome: 'pass', exam: '070-620' })
      const history = expectOk<{ items: AttemptOut[] }>(
        await call(world(), 'GET', `/v1/candidates/${lea}/attempts`),
      )
      expect(history.items.map((a) => a.outcome)).toEqual(['pass'])
    })

    it('refuses to turn a pass into a fail once it earned a certification', async () => {
      // Chloe passed 070-620 (MCTS: Windows Vista, Configuration) in the demo.
      const problem = expectProblem(
        await call(world(), 'PATCH', '/v1/attempts/att-chloe-1', { outcome: 'fail' }),
        409,
        'OUTCOME_LOCKED',
        'outcome',
      )
      expect(problem.detail).toContain('MCTS: Windows Vista, Configuration')
      const history = expectOk<{ items: AttemptOut[] }>(
        await call(world(), 'GET', '/v1/candidates/cand-chloe/attempts'),
      )
      expect(history.items.find((a) => a.id === 'att-chloe-1')?.outcome).toBe('pass')
    })

    it('answers 404 for an unknown attempt and 400 for an unknown outcome', async () => {
      expectProblem(
        await call(world(), 'PATCH', '/v1/attempts/att-nobody', { outcome: 'fail' }),
        404,
        'ATTEMPT_NOT_FOUND',
        'id',
      )
      expectProblem(
        await call(world(), 'PATCH', '/v1/attempts/att-ana-1', { outcome: 'passed' }),
        400,
        'VALIDATION_FAILED',
        'outcome',
      )
      expectProblem(
        await call(world(), 'PATCH', '/v1/attempts/att-ana-1', {}),
        400,
        'VALIDATION_FAILED',
        'outcome',
      )
    })
  })
})
