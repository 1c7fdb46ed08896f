import { describe, expect, it } from 'vitest'
import { BULK_BODY_LIMIT, DEFAULT_BODY_LIMIT } from '../../src/http/body-limits.js'
import { testDatabases } from '../support/databases.js'
import { call, expectProblem, LEA, useApi } from './api-harness.js'

describe.each(testDatabases())('body limits ($name)', ({ open }) => {
  const world = useApi(open, { demo: false, per: 'suite' })

  it('refuses a body over 64 KiB on an ordinary route, saying the limit', async () => {
    const problem = expectProblem(
      await call(world(), 'POST', '/v1/candidates', { ...LEA, lastName: 'x'.repeat(70_000) }),
      413,
      'BODY_TOO_LARGE',
    )
    expect(problem.limitBytes).toBe(DEFAULT_BODY_LIMIT)
  })

  it('reads a roster of candidates larger than that, up to 1 MiB', async () => {
    const candidateIds = Array.from(
      { length: 4000 },
      (_, i) => `cand-${String(i).padStart(30, '0')}`,
    )
    const body = { candidateIds }
    expect(JSON.stringify(body).length).toBeGreaterThan(DEFAULT_BODY_LIMIT)
    const response = await call(world(), 'POST', '/v1/exams/71-621/beta-programme/roster', body)
    // Whatever the roster route then says about the exam, the body was read.
    expect(response.statusCode).not.toBe(413)
    expect(response.statusCode).toBeLessThan(500)
    const tooLarge = {
      candidateIds: Array.from({ length: 16_000 }, (_, i) => `cand-${String(i).padStart(60, '0')}`),
    }
    expect(JSON.stringify(tooLarge).length).toBeGreaterThan(BULK_BODY_LIMIT)
    expectProblem(
      await call(world(), 'POST', '/v1/exams/71-621/beta-programme/roster', tooLarge),
      413,
      'BODY_TOO_LARGE',
    )
  })
})
