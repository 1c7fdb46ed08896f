import { describe, expect, it } from 'vitest'
import { decideEligibility } from '../../src/app/retakes/decide-eligibility.js'
import { toEligibilityView } from '../../src/app/retakes/eligibility-view.js'
import { formatInstant } from '../../src/domain/instant.js'
import { testDatabases } from '../support/databases.js'
import { call, expectOk, NOW, useApi } from './api-harness.js'

const DAY = 86_400_000

/**
 * The eligibility answer is written once per decision and then only has the
 * instant asked about put in (src/http/routes/eligibility-answer.ts). Every
 * demo candidate, every exam, at instants on both sides of each decision's
 * change, each asked twice: the answer is always the decision the app layer
 * makes at that instant, written out in full.
 */
describe.each(testDatabases())('eligibility answers at any instant ($name)', ({ open }) => {
  const world = useApi(open, { per: 'suite' })

  it('say at each instant what the app layer decides then, asked once or again', async () => {
    const candidates = (await world().db.selectFrom('candidates').select('id').execute()).map(
      (candidate) => candidate.id,
    )
    const exams = (await world().db.selectFrom('exams').select('number').execute()).map(
      (exam) => exam.number,
    )
    expect(candidates.length).toBeGreaterThan(5)
    expect(exams.length).toBeGreaterThan(5)

    const codes = new Set<string>()
    for (const candidateId of candidates) {
      for (const exam of exams) {
        const deps = { db: world().db, clock: world().clock }
        const now = await decideEligibility(deps, { candidateId, exam })
        const earliest = now.decision.earliestAt
        const instants = [NOW, NOW + 1, NOW + DAY, NOW + 400 * DAY]
        if (earliest !== null && earliest > NOW) instants.push(earliest - 1, earliest, earliest + 1)
        for (const at of instants) {
          const expected = toEligibilityView(
            await decideEligibility(deps, { candidateId, exam, at: formatInstant(at) }),
          )
          for (const ask of [1, 2]) {
            const url = `/v1/candidates/${candidateId}/eligibility?exam=${exam}&at=${formatInstant(at)}`
            const response = await call(world(), 'GET', url)
            expect(response.body, `ask ${ask} of ${url}`).not.toContain('\\u0000')
            expect(expectOk(response), `ask ${ask} of ${url}`).toEqual(expected)
          }
          codes.add(expected.code)
        }
      }
    }
    // The instants reach refusals of several kinds and eligible answers alike.
    expect(codes).toContain('ELIGIBLE')
    expect(codes).toContain('RETAKE_TOO_SOON')
    expect(codes.size).toBeGreaterThan(4)
  }, 120_000)
})
