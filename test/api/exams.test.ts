import { describe, expect, it } from 'vitest'
import { testDatabases } from '../support/databases.js'
import { call, expectOk, expectProblem, useApi } from './api-harness.js'

interface ExamOut {
  readonly number: string
  readonly title: string
  readonly family: string
  readonly policy: string
  readonly status: string
  readonly betaOf: string | null
  readonly betaPeriod: { readonly start: string; readonly end: string } | null
}
interface ExamList {
  readonly items: readonly ExamOut[]
  readonly total: number
}

const BETA_PERIOD = { start: '2026-06-01T00:00:00Z', end: '2026-07-15T00:00:00Z' }

describe.each(testDatabases())('the exam catalogue over HTTP ($name)', ({ open }) => {
  // Tests make their own candidates and exam numbers: one world for the suite.
  const world = useApi(open, { per: 'suite' })

  describe('POST /v1/exams', () => {
    it('adds an exam under its canonical number, its family and policy from the prefix', async () => {
      const response = await call(world(), 'POST', '/v1/exams', {
        number: '70-955',
        title: 'TS: Configuring Examdesk',
      })
      expect(expectOk<ExamOut>(response, 201)).toEqual({
        number: '070-955',
        title: 'TS: Configuring Examdesk',
        family: 'general',
        policy: 'general',
        status: 'live',
        betaOf: null,
        betaPeriod: null,
      })
      expect(response.headers.location).toBe('/v1/exams/070-955')
      const fetched = expectOk<ExamOut>(
        await call(world(), 'GET', '/v1/exams/070-955', undefined, 'support'),
      )
      expect(fetched.title).toBe('TS: Configuring Examdesk')
    })

    it('adds a beta exam previewing its live twin, with its beta period', async () => {
      await call(world(), 'POST', '/v1/exams', { number: '70-956', title: 'Live', status: 'beta' })
      const beta = expectOk<ExamOut>(
        await call(world(), 'POST', '/v1/exams', {
          number: '071-956',
          title: 'Beta',
          betaPeriod: BETA_PERIOD,
        }),
        201,
      )
      expect(beta).toMatchObject({
        number: '071-956',
        family: 'beta',
        policy: 'beta',
        status: 'beta',
        betaOf: '070-956',
        betaPeriod: { start: '2026-06-01T00:00:00.000Z', end: '2026-07-15T00:00:00.000Z' },
      })
    })

    it('refuses a second exam with the same number, in either spelling', async () => {
      const problem = expectProblem(
        await call(world(), 'POST', '/v1/exams', { number: '070-620', title: 'Again' }),
        409,
        'EXAM_ALREADY_EXISTS',
        'number',
      )
      expect(problem.detail).toContain('070-620')
      expectProblem(
        await call(world(), 'POST', '/v1/exams', { number: '70-620', title: 'Again' }),
        409,
        'EXAM_ALREADY_EXISTS',
        'number',
      )
    })

    it('answers 409, never 500, when the same exam is created by concurrent requests', async () => {
      const responses = await Promise.all(
        [1, 2, 3, 4].map(() =>
          call(world(), 'POST', '/v1/exams', { number: '70-957', title: 'Raced' }),
        ),
      )
      const statuses = responses.map((response) => response.statusCode).sort()
      expect(statuses).toEqual([201, 409, 409, 409])
      for (const response of responses.filter((r) => r.statusCode === 409)) {
        expectProblem(response, 409, 'EXAM_ALREADY_EXISTS', 'number')
      }
    })

    it('refuses a malformed number, naming the field', async () => {
      const problem = expectProblem(
        await call(world(), 'POST', '/v1/exams', { number: '7O-620', title: 'Letter O' }),
        400,
        'EXAM_NUMBER_MALFORMED',
        'number',
      )
      expect(problem.detail).toContain('7O-620')
    })

    it('refuses a prefix no family claims, and an unknown family', async () => {
      expectProblem(
        await call(world(), 'POST', '/v1/exams', { number: '99-100', title: 'Nobody' }),
        422,
        'FAMILY_UNKNOWN',
        'family',
      )
      expectProblem(
        await call(world(), 'POST', '/v1/exams', {
          number: '70-958',
          title: 'Who',
          family: 'astrology',
        }),
        422,
        'FAMILY_UNKNOWN',
        'family',
      )
    })

    it('refuses a blank title', async () => {
      expectProblem(
        await call(world(), 'POST', '/v1/exams', { number: '70-959', title: '   ' }),
        400,
        'VALIDATION_FAILED',
        'title',
      )
    })

    it('refuses a beta without its live twin, without a period, or with a period ending first', async () => {
      expectProblem(
        await call(world(), 'POST', '/v1/exams', {
          number: '71-960',
          title: 'Orphan beta',
          betaPeriod: BETA_PERIOD,
        }),
        422,
        'BETA_OF_INVALID',
        'betaOf',
      )
      expectProblem(
        await call(world(), 'POST', '/v1/exams', { number: '71-620', title: 'No period' }),
        422,
        'BETA_PERIOD_INVALID',
        'betaPeriod',
      )
      expectProblem(
        await call(world(), 'POST', '/v1/exams', {
          number: '71-620',
          title: 'Backwards',
          betaPeriod: { start: BETA_PERIOD.end, end: BETA_PERIOD.start },
        }),
        422,
        'BETA_PERIOD_INVALID',
        'betaPeriod.end',
      )
      expectProblem(
        await call(world(), 'POST', '/v1/exams', {
          number: '70-961',
          title: 'Live with a period',
          betaPeriod: BETA_PERIOD,
        }),
        422,
        'BETA_OF_INVALID',
        'betaPeriod',
      )
    })

    it('refuses a beta period bound that is not an instant, naming the bound', async () => {
      expectProblem(
        await call(world(), 'POST', '/v1/exams', {
          number: '71-620',
          title: 'Bad start',
          betaPeriod: { start: 'June 1st', end: BETA_PERIOD.end },
        }),
        400,
        'INSTANT_INVALID',
        'betaPeriod.start',
      )
    })

    it('refuses instants outside years 0001–9999 (RFC 3339) as invalid, not with a 500', async () => {
      expectProblem(
        await call(world(), 'POST', '/v1/exams', {
          number: '71-620',
          title: 'Forever',
          betaPeriod: { start: '-271821-04-20T00:00:00Z', end: '+275760-09-13T00:00:00Z' },
        }),
        400,
        'INSTANT_INVALID',
        'betaPeriod.start',
      )
      expectProblem(
        await call(world(), 'POST', '/v1/exams', {
          number: '71-620',
          title: 'Year zero',
          betaPeriod: { start: '0000-01-01T00:00:00Z', end: BETA_PERIOD.end },
        }),
        400,
        'INSTANT_INVALID',
        'betaPeriod.start',
      )
    })

    it('refuses a field it does not know, and a status it does not know', async () => {
      expectProblem(
        await call(world(), 'POST', '/v1/exams', { number: '70-962', title: 'X', price: 165 }),
        400,
        'VALIDATION_FAILED',
        'price',
      )
      expectProblem(
        await call(world(), 'POST', '/v1/exams', { number: '70-962', title: 'X', status: 'draft' }),
        400,
        'VALIDATION_FAILED',
        'status',
      )
    })
  })

  describe('GET /v1/exams/{number}', () => {
    it('finds an exam by either spelling of its number', async () => {
      const short = expectOk<ExamOut>(
        await call(world(), 'GET', '/v1/exams/70-620', undefined, 'provider'),
      )
      const long = expectOk<ExamOut>(
        await call(world(), 'GET', '/v1/exams/070-620', undefined, 'provider'),
      )
      expect(short).toEqual(long)
      expect(short).toMatchObject({ number: '070-620', family: 'general', status: 'live' })
    })

    it('answers 404 EXAM_NOT_FOUND for an unknown number and 400 for a malformed one', async () => {
      const missing = expectProblem(
        await call(world(), 'GET', '/v1/exams/70-999'),
        404,
        'EXAM_NOT_FOUND',
        'number',
      )
      expect(missing.detail).toContain('070-999')
      expectProblem(
        await call(world(), 'GET', '/v1/exams/7O-620'),
        400,
        'EXAM_NUMBER_MALFORMED',
        'number',
      )
    })
  })

  describe('GET /v1/exams', () => {
    it('filters by family and status, and pages with a total', async () => {
      const mta = expectOk<ExamList>(await call(world(), 'GET', '/v1/exams?family=mta'))
      expect(mta.items.length).toBeGreaterThan(0)
      expect(mta.items.every((exam) => exam.family === 'mta' && exam.policy === 'mta-mce')).toBe(
        true,
      )
      expect(mta.total).toBe(mta.items.length)

      const retired = expectOk<ExamList>(await call(world(), 'GET', '/v1/exams?status=retired'))
      expect(retired.items.map((exam) => exam.number)).toEqual(
        expect.arrayContaining(['070-210', '070-270', '077-602']),
      )
      expect(retired.items.every((exam) => exam.status === 'retired')).toBe(true)

      const page = expectOk<ExamList>(
        await call(world(), 'GET', '/v1/exams?family=general&limit=2&offset=1'),
      )
      const all = expectOk<ExamList>(await call(world(), 'GET', '/v1/exams?family=general'))
      expect(page.items).toEqual(all.items.slice(1, 3))
      expect(page.total).toBe(all.total)
    })

    it('searches by a number in either spelling, or by words of the title', async () => {
      for (const q of ['70-620', '070-620']) {
        const found = expectOk<ExamList>(await call(world(), 'GET', `/v1/exams?q=${q}`))
        expect(found.items.map((exam) => exam.number)).toEqual(['070-620'])
      }
      const words = expectOk<ExamList>(await call(world(), 'GET', '/v1/exams?q=windows%20vista'))
      expect(words.items.length).toBeGreaterThan(1)
      expect(words.items.every((exam) => /windows vista/i.test(exam.title))).toBe(true)
    })

    it('refuses a bad status, limit or offset with the query field named', async () => {
      expectProblem(
        await call(world(), 'GET', '/v1/exams?status=draft'),
        400,
        'VALIDATION_FAILED',
        'status',
      )
      expectProblem(
        await call(world(), 'GET', '/v1/exams?limit=0'),
        400,
        'VALIDATION_FAILED',
        'limit',
      )
      expectProblem(
        await call(world(), 'GET', '/v1/exams?limit=many'),
        400,
        'VALIDATION_FAILED',
        'limit',
      )
      expectProblem(
        await call(world(), 'GET', '/v1/exams?offset=-1'),
        400,
        'VALIDATION_FAILED',
        'offset',
      )
    })

    it('refuses a NUL character in the query (PostgreSQL cannot compare text with one)', async () => {
      const problem = expectProblem(
        await call(world(), 'GET', '/v1/exams?q=70%00'),
        400,
        'VALIDATION_FAILED',
        'q',
      )
      expect(problem.location).toBe('query')
      expectProblem(
        await call(world(), 'GET', '/v1/exams?family=general%00'),
        400,
        'VALIDATION_FAILED',
        'family',
      )
    })

    it('refuses an offset beyond what a database can skip, instead of failing with a 500', async () => {
      expectProblem(
        await call(world(), 'GET', '/v1/exams?offset=99999999999999999999'),
        400,
        'VALIDATION_FAILED',
        'offset',
      )
    })
  })
})
