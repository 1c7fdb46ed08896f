import { describe, expect, it } from 'vitest'
import { operatorPrincipal } from '../../src/app/actor.js'
import { createCandidate } from '../../src/app/candidates/create-candidate.js'
import { listEarnedCertifications } from '../../src/app/candidates/list-earned-certifications.js'
import { createExam } from '../../src/app/catalogue/create-exam.js'
import { loadDemo } from '../../src/app/operations/load-demo.js'
import { decideEligibility } from '../../src/app/retakes/decide-eligibility.js'
import { recordAttempt } from '../../src/app/retakes/record-attempt.js'
import { setAttemptOutcome } from '../../src/app/retakes/set-attempt-outcome.js'
import { insertCertification } from '../../src/db/candidates/certifications.js'
import { findAttempt } from '../../src/db/retakes/attempts.js'
import type { AttemptOutcome } from '../../src/domain/attempt.js'
import { testDatabases } from '../support/databases.js'
import { days, iso, NOW, refusalOf, useApp } from './scenario.js'

/**
 * 070-990 is live; its beta 071-990 ran from 40 to 10 days before NOW. Passing
 * 070-990 (or its beta) earns "MCTS: Nine Ninety"; 070-991 counts towards
 * "MCITP: Pair" only together with 070-992.
 */
describe.each(testDatabases())('set-attempt-outcome on $name', ({ open }) => {
  const { deps, clock } = useApp(open)

  async function scene() {
    await loadDemo(deps(), false)
    for (const number of ['70-990', '70-991', '70-992']) {
      await createExam(deps(), { number, title: `Pro: Exam ${number}` })
    }
    await createExam(deps(), {
      number: '71-990',
      title: 'Beta: Pro: Exam 70-990',
      betaPeriod: { start: iso(NOW - days(40)), end: iso(NOW - days(10)) },
    })
    await insertCertification(deps().db, {
      id: 'mcts-nine-ninety',
      name: 'MCTS: Nine Ninety',
      exams: ['070-990'],
      validityMonths: null,
    })
    await insertCertification(deps().db, {
      id: 'mcitp-pair',
      name: 'MCITP: Pair',
      exams: ['070-991', '070-992'],
      validityMonths: null,
    })
    const chloe = await createCandidate(deps(), {
      firstName: 'Chloe',
      lastName: 'Nguyen',
      email: 'chloe@example.com',
      country: 'AU',
      timeZone: 'Australia/Sydney',
    })
    return { chloe: chloe.id }
  }

  /** Chloe sat the beta 20 days ago; its result was not out while the beta ran. */
  async function betaPending(chloe: string) {
    return recordAttempt(
      deps(),
      {
        candidateId: chloe,
        exam: '071-990',
        takenAt: iso(NOW - days(20)),
        outcome: 'pending',
        provider: 'prometric',
      },
      operatorPrincipal('test'),
    )
  }

  const release = (attemptId: string, outcome: AttemptOutcome) =>
    setAttemptOutcome(deps(), { attemptId, outcome }, operatorPrincipal('test'))

  async function decision(candidateId: string, exam: string) {
    const { decision } = await decideEligibility(deps(), { candidateId, exam })
    return { code: decision.code, earliestAt: iso(decision.earliestAt) }
  }

  it('releases a pending beta result as a fail; the live exam is then open', async () => {
    const { chloe } = await scene()
    const attempt = await betaPending(chloe)
    clock.advance(days(2))
    const failed = await release(attempt.id, 'fail')
    expect(failed).toEqual({ ...attempt, outcome: 'fail', updatedAt: NOW + days(2) })
    expect(await findAttempt(deps().db, attempt.id)).toEqual(failed)
    expect(await decision(chloe, '070-990')).toEqual({
      code: 'ELIGIBLE',
      earliestAt: iso(NOW + days(2)),
    })
  })

  it('releases a pending beta result as a pass, which earns the certification of the live twin', async () => {
    const { chloe } = await scene()
    const attempt = await betaPending(chloe)
    clock.advance(days(2))
    expect(await release(attempt.id, 'pass')).toMatchObject({
      outcome: 'pass',
      creditFor: '070-990',
    })
    expect(await findAttempt(deps().db, attempt.id)).toMatchObject({ outcome: 'pass' })
    // The beta pass counts for the live 070-990, and earns its certification.
    const { earned } = await listEarnedCertifications(deps(), chloe)
    expect(earned).toEqual([
      {
        certificationId: 'mcts-nine-ninety',
        name: 'MCTS: Nine Ninety',
        exams: ['070-990'],
        earnedAt: attempt.takenAt,
        expiresAt: null,
        current: true,
      },
    ])
    // 070-990 is passed, and the certification never expires.
    expect(await decision(chloe, '70-990')).toEqual({ code: 'ALREADY_PASSED', earliestAt: null })
    // …and it earned "MCTS: Nine Ninety", so the result can no longer be taken back.
    expect(await refusalOf(release(attempt.id, 'fail'))).toMatchObject({
      code: 'OUTCOME_LOCKED',
      field: 'outcome',
      facts: { certification: 'MCTS: Nine Ninety' },
    })
    expect(await findAttempt(deps().db, attempt.id)).toMatchObject({
      outcome: 'pass',
      updatedAt: NOW + days(2),
    })
  })

  it('locks a pass that earned a certification, also against pending', async () => {
    const { chloe } = await scene()
    const pass = await recordAttempt(
      deps(),
      {
        candidateId: chloe,
        exam: '70-990',
        takenAt: iso(NOW - days(5)),
        outcome: 'pass',
        provider: 'pearson-vue',
      },
      operatorPrincipal('test'),
    )
    for (const outcome of ['fail', 'pending'] as const) {
      expect(await refusalOf(release(pass.id, outcome))).toMatchObject({
        code: 'OUTCOME_LOCKED',
        field: 'outcome',
      })
    }
    expect(await findAttempt(deps().db, pass.id)).toMatchObject({ outcome: 'pass' })
  })

  it('corrects a pass that no certification depended on', async () => {
    const { chloe } = await scene()
    // 070-991 alone does not earn "MCITP: Pair": 070-992 is missing.
    const pass = await recordAttempt(
      deps(),
      {
        candidateId: chloe,
        exam: '70-991',
        takenAt: iso(NOW - days(5)),
        outcome: 'pass',
        provider: 'pearson-vue',
      },
      operatorPrincipal('test'),
    )
    expect(await decision(chloe, '070-991')).toMatchObject({ code: 'ALREADY_PASSED' })
    expect((await listEarnedCertifications(deps(), chloe)).earned).toEqual([])
    clock.advance(days(1))
    expect(await release(pass.id, 'fail')).toMatchObject({
      outcome: 'fail',
      updatedAt: NOW + days(1),
    })
    expect(await findAttempt(deps().db, pass.id)).toMatchObject({ outcome: 'fail' })
    expect(await decision(chloe, '070-991')).toEqual({
      code: 'ELIGIBLE',
      earliestAt: iso(NOW + days(1)),
    })
  })

  it('leaves an attempt untouched when the outcome does not change', async () => {
    const { chloe } = await scene()
    const attempt = await betaPending(chloe)
    clock.advance(days(1))
    expect(await release(attempt.id, 'pending')).toEqual(attempt)
    expect(await findAttempt(deps().db, attempt.id)).toEqual(attempt)
  })

  it('refuses an unknown attempt or outcome', async () => {
    const { chloe } = await scene()
    expect(await refusalOf(release('attempt-nobody', 'fail'))).toMatchObject({
      code: 'ATTEMPT_NOT_FOUND',
      field: 'id',
      facts: { attemptId: 'attempt-nobody' },
    })
    const attempt = await betaPending(chloe)
    expect(await refusalOf(release(attempt.id, 'passed' as never))).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'outcome',
    })
  })
})
