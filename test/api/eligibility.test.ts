import { describe, expect, it } from 'vitest'
import { testDatabases } from '../support/databases.js'
import { call, expectOk, expectProblem, NOW_TEXT, useApi } from './api-harness.js'

interface Eligibility {
  readonly candidateId: string
  readonly exam: string
  readonly at: string
  readonly eligible: boolean
  readonly earliestAt: string | null
  readonly earliestAtLocal: string | null
  readonly timeZone: string
  readonly code: string
  readonly reason: string
  readonly policy: { readonly id: string; readonly version: number; readonly name: string } | null
  readonly attemptNumber: number
  readonly waiverId: string | null
  readonly wait: {
    readonly policy: { readonly id: string; readonly version: number; readonly name: string }
    readonly hours: number
    readonly afterFailures: number
    readonly lastAttemptAt: string
    readonly lastAttemptAtLocal: string
  } | null
  readonly annualLimit: {
    readonly policy: { readonly id: string }
    readonly attempts: number
    readonly taken: number
    readonly periodMonths: number
    readonly periodStart: string
    readonly periodStartLocal: string
  } | null
  readonly unavailable: string | null
}

interface Timeline {
  readonly candidateId: string
  readonly exam: string
  readonly from: string
  readonly timeZone: string
  readonly steps: readonly {
    readonly attemptNumber: number
    readonly earliestAt: string | null
    readonly earliestAtLocal: string | null
    readonly code: string
    readonly reason: string
    readonly policy: { readonly id: string; readonly version: number } | null
    readonly wait: Eligibility['wait']
    readonly annualLimit: Eligibility['annualLimit']
    readonly unavailable: string | null
    readonly usesWaiver: boolean
  }[]
}

const HOUR = 3_600_000

describe.each(testDatabases())('eligibility and timeline over HTTP ($name)', ({ open }) => {
  // Nothing here writes: one world for the suite.
  const world = useApi(open, { per: 'suite' })

  const eligibility = async (candidate: string, query: string) =>
    expectOk<Eligibility>(
      await call(
        world(),
        'GET',
        `/v1/candidates/${candidate}/eligibility?${query}`,
        undefined,
        'support',
      ),
    )

  describe('GET /v1/candidates/{id}/eligibility', () => {
    it('Ana, after two failures at two providers, waits 14 days from the second', async () => {
      const ana = await eligibility('cand-ana', 'exam=70-620')
      const attempts = expectOk<{ items: { takenAt: string }[] }>(
        await call(world(), 'GET', '/v1/candidates/cand-ana/attempts'),
      )
      const second = Date.parse(attempts.items[1]!.takenAt)
      expect(ana).toMatchObject({
        candidateId: 'cand-ana',
        exam: '070-620',
        at: new Date(NOW_TEXT).toISOString(),
        eligible: false,
        code: 'RETAKE_TOO_SOON',
        timeZone: 'Pacific/Auckland',
        policy: { id: 'general', version: 2 },
        attemptNumber: 3,
        waiverId: null,
      })
      expect(Date.parse(ana.earliestAt!) - second).toBe(14 * 24 * HOUR)
      expect(ana.earliestAtLocal).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d Pacific\/Auckland$/)
      expect(ana.reason).toContain('14 days')
      expect(ana.reason).toContain('Pacific/Auckland')
      // The rule's figures, for a page that says it in another language.
      expect(ana.wait).toEqual({
        policy: ana.policy,
        hours: 336,
        afterFailures: 2,
        lastAttemptAt: new Date(second).toISOString(),
        lastAttemptAtLocal: expect.stringMatching(/ Pacific\/Auckland$/),
      })
      expect({ annualLimit: ana.annualLimit, unavailable: ana.unavailable }).toEqual({
        annualLimit: null,
        unavailable: null,
      })
    })

    it('answers the same for either spelling of the exam number', async () => {
      const short = await eligibility('cand-ana', 'exam=70-620')
      const long = await eligibility('cand-ana', 'exam=070-620')
      expect(short).toEqual(long)
    })

    it('judges at `at` when given, and at the clock’s now otherwise', async () => {
      const ana = await eligibility('cand-ana', 'exam=70-620')
      const later = await eligibility('cand-ana', `exam=70-620&at=${ana.earliestAt}`)
      expect(later).toMatchObject({ eligible: true, code: 'ELIGIBLE', earliestAt: ana.earliestAt })
      expect(later.at).toBe(ana.earliestAt)
      const offset = await eligibility('cand-ana', 'exam=70-620&at=2026-12-01T22:00:00%2B13:00')
      expect(offset.at).toBe('2026-12-01T09:00:00.000Z')
    })

    it.each([
      ['cand-ben', '70-680', 'ANNUAL_LIMIT_REACHED', false],
      ['cand-priya', '70-685', 'ALREADY_PASSED', false],
      ['cand-jonas', '98-349', 'ELIGIBLE', true],
      ['cand-chloe', '70-622', 'ELIGIBLE', true],
      ['cand-lucas', '71-621', 'BETA_ALREADY_TAKEN', false],
      ['cand-lucas', '70-621', 'EXAM_NOT_AVAILABLE', false],
      ['cand-ana', '70-210', 'EXAM_NOT_AVAILABLE', false],
    ] as const)('%s at %s: %s', async (candidate, exam, code, eligible) => {
      const decision = await eligibility(candidate, `exam=${exam}`)
      expect({ code: decision.code, eligible: decision.eligible }).toEqual({ code, eligible })
      expect(decision.reason.length).toBeGreaterThan(20)
    })

    it('says when the annual limit lifts: 12 months after the first attempt of the period', async () => {
      const ben = await eligibility('cand-ben', 'exam=70-680')
      const history = expectOk<{ items: { takenAt: string }[] }>(
        await call(world(), 'GET', '/v1/candidates/cand-ben/attempts'),
      )
      const first = new Date(history.items[0]!.takenAt)
      const expected = new Date(first)
      expected.setUTCFullYear(first.getUTCFullYear() + 1)
      expect(ben.earliestAt).toBe(expected.toISOString())
      expect(ben.reason).toContain('5 times')
      expect(ben.annualLimit).toMatchObject({
        policy: { id: 'general' },
        attempts: 5,
        taken: 5,
        periodMonths: 12,
        periodStart: first.toISOString(),
      })
      expect(ben.wait).toBeNull()
    })

    it('says why an exam cannot be sat at all: not live yet, or retired', async () => {
      expect((await eligibility('cand-lucas', 'exam=70-621')).unavailable).toBe('not-live')
      expect((await eligibility('cand-ana', 'exam=70-210')).unavailable).toBe('retired')
      const kenji = await eligibility('cand-kenji', 'exam=70-620')
      expect([kenji.wait, kenji.annualLimit, kenji.unavailable]).toEqual([null, null, null])
    })

    it.each([
      ['no exam', '', 400, 'VALIDATION_FAILED', 'exam'],
      ['an unknown exam', 'exam=70-999', 404, 'EXAM_NOT_FOUND', 'exam'],
      ['a malformed exam number', 'exam=7O-620', 400, 'EXAM_NUMBER_MALFORMED', 'exam'],
      ['`at` not an instant', 'exam=70-620&at=tomorrow', 400, 'INSTANT_INVALID', 'at'],
      [
        '`at` beyond year 9999',
        'exam=70-620&at=%2B275760-09-13T00:00:00Z',
        400,
        'INSTANT_INVALID',
        'at',
      ],
      ['two exams', 'exam=70-620&exam=70-680', 400, 'VALIDATION_FAILED', 'exam'],
    ] as const)('refuses %s', async (_, query, status, code, field) => {
      expectProblem(
        await call(world(), 'GET', `/v1/candidates/cand-ana/eligibility?${query}`),
        status,
        code,
        field,
      )
    })

    it('answers 404 for an unknown candidate', async () => {
      expectProblem(
        await call(world(), 'GET', '/v1/candidates/cand-nobody/eligibility?exam=70-620'),
        404,
        'CANDIDATE_NOT_FOUND',
        'id',
      )
    })

    // Before a policy's first version, that first version judges.
    it('answers for an instant before the first policy version (1999)', async () => {
      const response = await call(
        world(),
        'GET',
        '/v1/candidates/cand-ana/eligibility?exam=70-620&at=1999-06-01T00:00:00Z',
      )
      expect(response.statusCode).toBe(200)
      expect(response.json()).toMatchObject({
        eligible: true,
        policy: { id: 'general', version: 1 },
      })
    })
  })

  describe('GET /v1/candidates/{id}/timeline', () => {
    it('lists the next six attempts if every one failed, from now by default', async () => {
      const timeline = expectOk<Timeline>(
        await call(world(), 'GET', '/v1/candidates/cand-ana/timeline?exam=70-620'),
      )
      const ana = await eligibility('cand-ana', 'exam=70-620')
      expect(timeline).toMatchObject({
        candidateId: 'cand-ana',
        exam: '070-620',
        from: new Date(NOW_TEXT).toISOString(),
        timeZone: 'Pacific/Auckland',
      })
      expect(timeline.steps).toHaveLength(6)
      expect(timeline.steps[0]).toMatchObject({
        attemptNumber: 3,
        earliestAt: ana.earliestAt,
        earliestAtLocal: ana.earliestAtLocal,
        code: 'RETAKE_TOO_SOON',
      })
      expect(timeline.steps.map((step) => step.attemptNumber)).toEqual([3, 4, 5, 6, 7, 8])
      // Each step names the policy and the figures of the rule that sets its date.
      expect(timeline.steps.map((step) => step.policy?.id)).toEqual(Array(6).fill('general'))
      expect(timeline.steps.slice(0, 3).map((step) => step.wait?.afterFailures)).toEqual([2, 3, 4])
      expect(timeline.steps[3]).toMatchObject({
        attemptNumber: 6,
        code: 'ANNUAL_LIMIT_REACHED',
        wait: null,
        annualLimit: { attempts: 5, taken: 5, periodMonths: 12 },
      })
      const dates = timeline.steps.map((step) => Date.parse(step.earliestAt!))
      expect([...dates].sort((a, b) => a - b)).toEqual(dates)
    })

    it('refuses a `from` that is not an instant, and a malformed exam', async () => {
      expectProblem(
        await call(world(), 'GET', '/v1/candidates/cand-ana/timeline?exam=70-620&from=soon'),
        400,
        'INSTANT_INVALID',
        'from',
      )
      expectProblem(
        await call(world(), 'GET', '/v1/candidates/cand-ana/timeline?exam=7O-620'),
        400,
        'EXAM_NUMBER_MALFORMED',
        'exam',
      )
      expectProblem(
        await call(
          world(),
          'GET',
          '/v1/candidates/cand-ana/timeline?exam=70-620&from=%2B275760-09-13T00:00:00Z',
        ),
        400,
        'INSTANT_INVALID',
        'from',
      )
    })
  })
})
