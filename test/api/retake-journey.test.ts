import { describe, expect, it } from 'vitest'
import { testDatabases } from '../support/databases.js'
import {
  type ApiWorld,
  call,
  expectOk,
  expectProblem,
  NOW_TEXT,
  recordAttempt,
  registerCandidate,
  useApi,
} from './api-harness.js'

/**
 * The product as a candidate and the programme team live it, through the API
 * only. "Now" is Monday 15 June 2026, 12:00 UTC (14:00 in Paris).
 */

interface Eligibility {
  readonly eligible: boolean
  readonly earliestAt: string | null
  readonly earliestAtLocal: string | null
  readonly timeZone: string
  readonly code: string
  readonly reason: string
  readonly policy: { readonly id: string; readonly version: number } | null
  readonly attemptNumber: number
}

interface TimelineStep {
  readonly attemptNumber: number
  readonly earliestAt: string | null
  readonly earliestAtLocal: string | null
  readonly code: string
}

async function eligibility(world: ApiWorld, candidate: string, query: string) {
  return expectOk<Eligibility>(
    await call(
      world,
      'GET',
      `/v1/candidates/${candidate}/eligibility?${query}`,
      undefined,
      'support',
    ),
  )
}

describe.each(testDatabases())('a retake journey ($name)', ({ open }) => {
  const world = useApi(open)

  it('Léa fails 70-620 at Prometric, then at Pearson VUE: 24 hours, then 14 days, then the next six dates', async () => {
    // The support desk registers Léa, who lives in Paris.
    const lea = await registerCandidate(world(), {
      firstName: 'Léa',
      lastName: 'Martin',
      email: 'lea.martin@example.fr',
      country: 'FR',
      timeZone: 'Europe/Paris',
    })

    // Prometric reports her first sitting: a fail on Wednesday 10 June, 09:00 in Paris.
    await recordAttempt(world(), {
      candidateId: lea,
      exam: '70-620',
      takenAt: '2026-06-10T07:00:00Z',
      outcome: 'fail',
      provider: 'prometric',
    })

    // The same afternoon she asks whether she can book again: not for 24 hours.
    const sameDay = await eligibility(world(), lea, 'exam=70-620&at=2026-06-10T12:00:00Z')
    expect(sameDay).toMatchObject({
      eligible: false,
      code: 'RETAKE_TOO_SOON',
      earliestAt: '2026-06-11T07:00:00.000Z',
      earliestAtLocal: '2026-06-11T09:00 Europe/Paris',
      timeZone: 'Europe/Paris',
      policy: { id: 'general', version: 2 },
      attemptNumber: 2,
    })
    expect(sameDay.reason).toContain('24 hours')
    expect(sameDay.reason).toContain('2026-06-11 09:00 Europe/Paris')

    // Today (no `at`: the clock's now) the 24 hours are over.
    const today = await eligibility(world(), lea, 'exam=070-620')
    expect(today).toMatchObject({
      eligible: true,
      code: 'ELIGIBLE',
      earliestAt: '2026-06-15T12:00:00.000Z',
    })

    // She sits it again at Pearson VUE on Friday 12 June and fails: one history across providers.
    await recordAttempt(world(), {
      candidateId: lea,
      exam: '070-620',
      takenAt: '2026-06-12T07:00:00Z',
      outcome: 'fail',
      provider: 'pearson-vue',
    })
    const afterSecond = await eligibility(world(), lea, 'exam=70-620')
    expect(afterSecond).toMatchObject({
      eligible: false,
      code: 'RETAKE_TOO_SOON',
      earliestAt: '2026-06-26T07:00:00.000Z',
      earliestAtLocal: '2026-06-26T09:00 Europe/Paris',
      attemptNumber: 3,
    })
    expect(afterSecond.reason).toContain('14 days')
    expect(afterSecond.reason).toContain('2nd failure')

    // "What if I keep failing?": six dates, 14 days apart, then the annual limit.
    const timeline = expectOk<{ from: string; steps: TimelineStep[] }>(
      await call(world(), 'GET', `/v1/candidates/${lea}/timeline?exam=70-620&from=${NOW_TEXT}`),
    )
    expect(timeline.steps.map((s) => [s.attemptNumber, s.earliestAtLocal, s.code])).toEqual([
      [3, '2026-06-26T09:00 Europe/Paris', 'RETAKE_TOO_SOON'],
      [4, '2026-07-10T09:00 Europe/Paris', 'RETAKE_TOO_SOON'],
      [5, '2026-07-24T09:00 Europe/Paris', 'RETAKE_TOO_SOON'],
      // Five attempts in the 12 months since 10 June 2026: wait until that period ends.
      [6, '2027-06-10T09:00 Europe/Paris', 'ANNUAL_LIMIT_REACHED'],
      [7, '2027-06-24T09:00 Europe/Paris', 'RETAKE_TOO_SOON'],
      [8, '2027-07-08T09:00 Europe/Paris', 'RETAKE_TOO_SOON'],
    ])
    expect(new Set(timeline.steps.map((s) => s.earliestAt)).size).toBe(6)

    // Her history, as the support desk sees it.
    const history = expectOk<{ items: { provider: string; takenAtLocal: string }[] }>(
      await call(world(), 'GET', `/v1/candidates/${lea}/attempts`, undefined, 'support'),
    )
    expect(history.items.map((a) => `${a.provider} ${a.takenAtLocal}`)).toEqual([
      'prometric 2026-06-10T09:00 Europe/Paris',
      'pearson-vue 2026-06-12T09:00 Europe/Paris',
    ])
  })

  it('Léa takes a beta once; its failure does not count against the live exam', async () => {
    const lea = await registerCandidate(world())

    // The programme team adds the live exam and its beta, open from 1 June to 15 July.
    expectOk(
      await call(world(), 'POST', '/v1/exams', {
        number: '70-951',
        title: 'TS: Examdesk Administration',
        status: 'live',
      }),
      201,
    )
    const beta = expectOk<{ betaOf: string; status: string }>(
      await call(world(), 'POST', '/v1/exams', {
        number: '71-951',
        title: 'TS: Examdesk Administration (beta)',
        betaPeriod: { start: '2026-06-01T00:00:00Z', end: '2026-07-15T00:00:00Z' },
      }),
      201,
    )
    expect(beta).toMatchObject({ betaOf: '070-951', status: 'beta' })

    // She sits the beta on 12 June; beta results come out after the beta closes.
    const sitting = await recordAttempt(world(), {
      candidateId: lea,
      exam: '71-951',
      takenAt: '2026-06-12T14:00:00Z',
      outcome: 'pending',
      provider: 'prometric',
    })
    expect(sitting).toMatchObject({ exam: '071-951', creditFor: '070-951', outcome: 'pending' })

    // A beta can be taken only once, pending or not.
    const again = await eligibility(world(), lea, 'exam=71-951')
    expect(again).toMatchObject({
      eligible: false,
      code: 'BETA_ALREADY_TAKEN',
      earliestAt: null,
      earliestAtLocal: null,
      policy: { id: 'beta', version: 1 },
    })
    expect(again.reason).toContain('070-951')

    // The result is released: a fail.
    const released = expectOk<{ outcome: string }>(
      await call(world(), 'PATCH', `/v1/attempts/${sitting.id}`, { outcome: 'fail' }, 'provider'),
    )
    expect(released.outcome).toBe('fail')
    expect((await eligibility(world(), lea, 'exam=71-951')).code).toBe('BETA_ALREADY_TAKEN')

    // The live exam is open to her as a first attempt: the beta failure does not count.
    const live = await eligibility(world(), lea, 'exam=70-951')
    expect(live).toMatchObject({
      eligible: true,
      code: 'ELIGIBLE',
      attemptNumber: 1,
      policy: { id: 'general', version: 2 },
    })

    // She fails the live exam this morning: from then on the general policy applies (24 hours).
    await recordAttempt(world(), {
      candidateId: lea,
      exam: '70-951',
      takenAt: '2026-06-15T08:00:00Z',
      outcome: 'fail',
      provider: 'pearson-vue',
    })
    expect(await eligibility(world(), lea, 'exam=70-951')).toMatchObject({
      eligible: false,
      code: 'RETAKE_TOO_SOON',
      earliestAtLocal: '2026-06-16T10:00 Europe/Paris',
      attemptNumber: 2,
    })
  })

  it('a beta whose live twin is not live yet: the live exam cannot be booked', async () => {
    const lea = await registerCandidate(world())
    expectOk(
      await call(world(), 'POST', '/v1/exams', {
        number: '70-952',
        title: 'Pro: Examdesk Design',
        status: 'beta',
      }),
      201,
    )
    expectOk(
      await call(world(), 'POST', '/v1/exams', {
        number: '71-952',
        title: 'Pro: Examdesk Design (beta)',
        betaPeriod: { start: '2026-06-01T00:00:00Z', end: '2026-07-15T00:00:00Z' },
      }),
      201,
    )
    expect((await eligibility(world(), lea, 'exam=71-952')).code).toBe('ELIGIBLE')
    const live = await eligibility(world(), lea, 'exam=70-952')
    expect(live).toMatchObject({ eligible: false, code: 'EXAM_NOT_AVAILABLE' })
    expect(live.reason).toContain('not live yet')
  })

  it('a certification locks the pass that earned it', async () => {
    const lea = await registerCandidate(world())
    const pass = await recordAttempt(world(), {
      candidateId: lea,
      exam: '70-620',
      takenAt: '2026-06-10T07:00:00Z',
      outcome: 'pass',
      provider: 'prometric',
    })
    expect((await eligibility(world(), lea, 'exam=70-620')).code).toBe('ALREADY_PASSED')
    const problem = expectProblem(
      await call(world(), 'PATCH', `/v1/attempts/${pass.id}`, { outcome: 'fail' }, 'provider'),
      409,
      'OUTCOME_LOCKED',
      'outcome',
    )
    expect(problem.detail).toContain('MCTS: Windows Vista, Configuration')
  })
})
