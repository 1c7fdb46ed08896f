import { describe, expect, it } from 'vitest'
import {
  at,
  BETA,
  betaExam,
  decide,
  fail,
  GENERAL,
  liveExam,
  POLICIES,
  pass,
  pending,
  waiver,
} from '../../test/factories/retake.js'
import { decideRetake } from './decide-retake.js'
import { DAY_MS, formatInstant, HOUR_MS } from './instant.js'
import { retakeReason } from './retake-reasons.js'

const iso = (instant: number | null) => (instant === null ? null : formatInstant(instant))

describe('general policy', () => {
  const exam = liveExam('70-620')

  it('lets a candidate without history sit at once', () => {
    const decision = decide(exam, [], '2026-12-01T09:00:00Z')
    expect(decision).toMatchObject({ eligible: true, code: 'ELIGIBLE', attemptNumber: 1 })
    expect(decision.policy).toEqual({ id: 'general', version: 1, name: GENERAL.name })
  })

  it('asks for 24 hours after a first failure, the boundary instant allowed', () => {
    const history = [fail(exam, '2026-12-01T09:00:00Z')]
    const early = decide(exam, history, '2026-12-02T08:59:59.999Z')
    expect(early).toMatchObject({ eligible: false, code: 'RETAKE_TOO_SOON' })
    expect(iso(early.earliestAt)).toBe('2026-12-02T09:00:00.000Z')
    expect(retakeReason(early)).toContain('24 hours')
    expect(decide(exam, history, '2026-12-02T09:00:00Z')).toMatchObject({
      eligible: true,
      attemptNumber: 2,
    })
  })

  it('decides plain values: a copy says the same, its sentence included', () => {
    const history = [fail(exam, '2026-12-01T09:00:00Z')]
    const refused = decide(exam, history, '2026-12-01T10:00:00Z')
    const allowed = decide(exam, history, '2026-12-03T10:00:00Z')
    for (const decision of [refused, allowed]) {
      const copy = { ...decision }
      expect(copy).toEqual(decision)
      expect(retakeReason(copy)).toBe(retakeReason(decision))
    }
    expect(retakeReason({ ...refused })).toContain('24 hours')
    expect(retakeReason({ ...allowed })).toContain('2nd attempt')
  })

  it('asks for 14 days after a second failure', () => {
    const history = [fail(exam, '2026-12-01T09:00:00Z'), fail(exam, '2026-12-02T09:00:00Z')]
    const decision = decide(exam, history, '2026-12-10T00:00:00Z')
    expect(decision.code).toBe('RETAKE_TOO_SOON')
    expect(iso(decision.earliestAt)).toBe('2026-12-16T09:00:00.000Z')
    expect(retakeReason(decision)).toContain('14 days')
    expect(decide(exam, history, '2026-12-16T09:00:00Z').eligible).toBe(true)
  })

  it('asks for 14 days between the 3rd and 4th and the 4th and 5th attempts', () => {
    const history = [
      fail(exam, '2026-01-01T09:00:00Z'),
      fail(exam, '2026-01-02T09:00:00Z'),
      fail(exam, '2026-01-16T09:00:00Z'),
    ]
    expect(iso(decide(exam, history, '2026-01-16T10:00:00Z').earliestAt)).toBe(
      '2026-01-30T09:00:00.000Z',
    )
    history.push(fail(exam, '2026-01-30T09:00:00Z'))
    expect(iso(decide(exam, history, '2026-01-30T10:00:00Z').earliestAt)).toBe(
      '2026-02-13T09:00:00.000Z',
    )
  })

  it('allows 5 attempts in the 12 months from the first, then waits for the period to end', () => {
    const history = [
      fail(exam, '2026-01-10T09:00:00Z'),
      fail(exam, '2026-01-11T09:00:00Z'),
      fail(exam, '2026-03-01T09:00:00Z'),
      fail(exam, '2026-05-01T09:00:00Z'),
      fail(exam, '2026-07-01T09:00:00Z'),
    ]
    const decision = decide(exam, history, '2026-08-01T00:00:00Z')
    expect(decision).toMatchObject({
      eligible: false,
      code: 'ANNUAL_LIMIT_REACHED',
      attemptNumber: 6,
    })
    expect(iso(decision.earliestAt)).toBe('2027-01-10T09:00:00.000Z')
    expect(retakeReason(decision)).toContain('allows 5')
    expect(decide(exam, history, '2027-01-10T08:59:59.999Z').eligible).toBe(false)
    expect(decide(exam, history, '2027-01-10T09:00:00Z').eligible).toBe(true)
  })

  it('counts 12 calendar months with the constrain rule: 29 Feb + 12 months = 28 Feb', () => {
    const history = [
      fail(exam, '2028-02-29T12:00:00Z'),
      fail(exam, '2028-03-01T12:00:00Z'),
      fail(exam, '2028-04-01T12:00:00Z'),
      fail(exam, '2028-05-01T12:00:00Z'),
      fail(exam, '2028-06-01T12:00:00Z'),
    ]
    expect(iso(decide(exam, history, '2028-07-01T00:00:00Z').earliestAt)).toBe(
      '2029-02-28T12:00:00.000Z',
    )
  })

  it('starts a new period at the first attempt after the old one ends', () => {
    const firstYear = ['2026-01-10', '2026-01-11', '2026-01-25', '2026-02-08', '2026-02-22'].map(
      (day) => fail(exam, `${day}T09:00:00Z`),
    )
    // The sixth attempt, in June 2027, opens a period that runs to June 2028.
    const secondYear = ['2027-06-01', '2027-06-15', '2027-06-29', '2027-07-13', '2027-07-27'].map(
      (day) => fail(exam, `${day}T09:00:00Z`),
    )
    const decision = decide(exam, [...firstYear, ...secondYear], '2027-09-01T00:00:00Z')
    expect(decision.code).toBe('ANNUAL_LIMIT_REACHED')
    expect(iso(decision.earliestAt)).toBe('2028-06-01T09:00:00.000Z')
  })

  it('judges a retake on the history at every provider', () => {
    const history = [fail(exam, '2026-12-01T09:00:00Z', 'prometric')]
    const atOtherProvider = decide(exam, history, '2026-12-01T18:00:00Z')
    expect(atOtherProvider.code).toBe('RETAKE_TOO_SOON')
  })

  it('does not let a passed exam be taken again', () => {
    const decision = decide(exam, [pass(exam, '2026-06-01T09:00:00Z')], '2026-12-01T09:00:00Z')
    expect(decision).toMatchObject({ eligible: false, code: 'ALREADY_PASSED', earliestAt: null })
  })

  it('lets a passed exam be taken again once its certification has expired', () => {
    const passed = pass(exam, '2024-06-01T09:00:00Z')
    const certification = {
      certificationId: 'mcts',
      name: 'MCTS',
      exams: [exam.number],
      earnedAt: passed.takenAt,
      expiresAt: at('2026-06-01T09:00:00Z'),
    }
    const before = decide(exam, [passed], '2026-05-01T00:00:00Z', {
      certifications: [certification],
    })
    expect(before.code).toBe('ALREADY_PASSED')
    expect(iso(before.earliestAt)).toBe('2026-06-01T09:00:00.000Z')
    const after = decide(exam, [passed], '2026-06-01T09:00:00Z', {
      certifications: [certification],
    })
    expect(after.eligible).toBe(true)
  })

  it('holds the next attempt while the latest result is pending', () => {
    const decision = decide(exam, [pending(exam, '2026-11-20T09:00:00Z')], '2026-12-20T09:00:00Z')
    expect(decision).toMatchObject({ eligible: false, code: 'RESULT_PENDING', earliestAt: null })
  })

  it('refuses a retired exam', () => {
    const retired = liveExam('70-270', 'general', 'retired')
    expect(decide(retired, [], '2026-12-01T09:00:00Z')).toMatchObject({
      code: 'EXAM_NOT_AVAILABLE',
      earliestAt: null,
    })
  })
})

describe('MTA and MCE policy', () => {
  const mta = liveExam('98-349', 'mta-mce')
  const mce = liveExam('62-193', 'mta-mce')

  it('asks for 24 hours, then 7 days between every later attempt', () => {
    const history = [fail(mta, '2026-03-01T09:00:00Z')]
    expect(iso(decide(mta, history, '2026-03-01T10:00:00Z').earliestAt)).toBe(
      '2026-03-02T09:00:00.000Z',
    )
    history.push(fail(mta, '2026-03-02T09:00:00Z'))
    expect(iso(decide(mta, history, '2026-03-02T10:00:00Z').earliestAt)).toBe(
      '2026-03-09T09:00:00.000Z',
    )
    history.push(fail(mta, '2026-03-09T09:00:00Z'))
    const third = decide(mta, history, '2026-03-09T10:00:00Z')
    expect(iso(third.earliestAt)).toBe('2026-03-16T09:00:00.000Z')
    expect(retakeReason(third)).toContain('7 days')
  })

  it('allows 5 attempts in 12 months and refuses a passed exam', () => {
    const days = ['2026-03-01', '2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23']
    const history = days.map((day) => fail(mce, `${day}T09:00:00Z`))
    const decision = decide(mce, history, '2026-04-01T00:00:00Z')
    expect(decision.code).toBe('ANNUAL_LIMIT_REACHED')
    expect(iso(decision.earliestAt)).toBe('2027-03-01T09:00:00.000Z')
    expect(decide(mta, [pass(mta, '2026-03-01T09:00:00Z')], '2026-04-01T00:00:00Z').code).toBe(
      'ALREADY_PASSED',
    )
  })
})

describe('MOS policy', () => {
  const mos = liveExam('77-727', 'mos')

  it('asks for 24 hours, then 2 days (48 hours) between later attempts', () => {
    const history = [fail(mos, '2026-03-01T09:00:00Z'), fail(mos, '2026-03-02T09:00:00Z')]
    const decision = decide(mos, history, '2026-03-03T09:00:00Z')
    expect(iso(decision.earliestAt)).toBe('2026-03-04T09:00:00.000Z')
    expect(retakeReason(decision)).toContain('2 days (48 hours)')
  })

  it('has no limit on attempts in a year', () => {
    const history = Array.from({ length: 12 }, (_, i) =>
      fail(mos, formatInstant(at('2026-01-01T09:00:00Z') + i * 3 * DAY_MS)),
    )
    expect(decide(mos, history, '2026-03-01T00:00:00Z').eligible).toBe(true)
  })

  it('lets a passed exam be taken again', () => {
    const decision = decide(
      mos,
      [fail(mos, '2026-03-01T09:00:00Z'), pass(mos, '2026-03-02T09:00:00Z')],
      '2026-03-02T12:00:00Z',
    )
    expect(decision).toMatchObject({ eligible: true, attemptNumber: 3 })
  })
})

describe('beta policy', () => {
  const live = liveExam('70-621', 'general', 'beta')
  const beta = betaExam('71-621', '70-621', '2026-11-01T00:00:00Z', '2026-12-20T00:00:00Z')
  const liveNow = liveExam('70-621')

  it('lets a candidate take the beta once during the beta period', () => {
    expect(decide(beta, [], '2026-11-10T09:00:00Z')).toMatchObject({ eligible: true })
    expect(decide(beta, [], '2026-11-10T09:00:00Z').policy?.id).toBe(BETA.policyId)
    const taken = decide(beta, [pending(beta, '2026-11-05T09:00:00Z')], '2026-11-10T09:00:00Z')
    expect(taken).toMatchObject({ eligible: false, code: 'BETA_ALREADY_TAKEN', earliestAt: null })
    const failed = decide(beta, [fail(beta, '2026-11-05T09:00:00Z')], '2026-12-10T09:00:00Z')
    expect(failed.code).toBe('BETA_ALREADY_TAKEN')
    expect(retakeReason(failed)).toContain('070-621 once it is live')
  })

  it('is not available before or after its beta period', () => {
    const before = decide(beta, [], '2026-10-01T00:00:00Z')
    expect(before.code).toBe('EXAM_NOT_AVAILABLE')
    expect(iso(before.earliestAt)).toBe('2026-11-01T00:00:00.000Z')
    expect(decide(beta, [], '2026-12-20T00:00:00Z')).toMatchObject({
      code: 'EXAM_NOT_AVAILABLE',
      earliestAt: null,
    })
  })

  it('keeps the live exam closed while it is not live', () => {
    expect(decide(live, [], '2026-11-10T09:00:00Z')).toMatchObject({
      code: 'EXAM_NOT_AVAILABLE',
      earliestAt: null,
    })
  })

  it('lets a failed beta be retaken as soon as the exam is live, then applies the general policy', () => {
    const betaFail = fail(beta, '2026-11-05T09:00:00Z')
    const first = decide(liveNow, [betaFail], '2027-01-10T09:00:00Z')
    expect(first).toMatchObject({ eligible: true, attemptNumber: 1, policy: { id: 'general' } })
    const liveFail = fail(liveNow, '2027-01-10T09:00:00Z')
    const second = decide(liveNow, [betaFail, liveFail], '2027-01-10T12:00:00Z')
    expect(iso(second.earliestAt)).toBe('2027-01-11T09:00:00.000Z')
  })

  it('counts a beta pass as a pass of the live exam', () => {
    const decision = decide(liveNow, [pass(beta, '2026-11-05T09:00:00Z')], '2027-01-10T09:00:00Z')
    expect(decision.code).toBe('ALREADY_PASSED')
    expect(retakeReason(decision)).toContain('beta 071-621')
  })

  it('does not hold the live exam for a pending beta result', () => {
    expect(
      decide(liveNow, [pending(beta, '2026-11-05T09:00:00Z')], '2027-01-10T09:00:00Z').eligible,
    ).toBe(true)
  })
})

describe('approved exceptions', () => {
  const exam = liveExam('70-620')
  const twoFailures = [fail(exam, '2026-12-01T09:00:00Z'), fail(exam, '2026-12-02T09:00:00Z')]
  const fiveFailures = ['2026-01-10', '2026-01-11', '2026-01-25', '2026-02-08', '2026-02-22'].map(
    (day) => fail(exam, `${day}T09:00:00Z`),
  )

  it('waives the waiting time for one attempt', () => {
    const grant = waiver(exam, { wait: true })
    const decision = decide(exam, twoFailures, '2026-12-03T09:00:00Z', { waivers: [grant] })
    expect(decision).toMatchObject({ eligible: true, waiverId: grant.id })
    expect(retakeReason(decision)).toContain('exception')
  })

  it('waives the attempt limit for one attempt', () => {
    const grant = waiver(exam, { limit: true })
    const decision = decide(exam, fiveFailures, '2026-04-01T09:00:00Z', { waivers: [grant] })
    expect(decision).toMatchObject({ eligible: true, waiverId: grant.id })
  })

  it('leaves the rules it does not waive in force', () => {
    const grant = waiver(exam, { wait: true })
    const decision = decide(exam, fiveFailures, '2026-02-23T09:00:00Z', { waivers: [grant] })
    expect(decision.code).toBe('ANNUAL_LIMIT_REACHED')
    expect(iso(decision.earliestAt)).toBe('2027-01-10T09:00:00.000Z')
  })

  it('applies only to its own exam and is not used when not needed', () => {
    const other = waiver(liveExam('70-680'), { wait: true, limit: true })
    expect(decide(exam, twoFailures, '2026-12-03T09:00:00Z', { waivers: [other] }).eligible).toBe(
      false,
    )
    const grant = waiver(exam, { wait: true })
    expect(decide(exam, [], '2026-12-03T09:00:00Z', { waivers: [grant] }).waiverId).toBeNull()
  })
})

describe('policy versions', () => {
  const exam = liveExam('70-620')
  const shorter = {
    ...GENERAL,
    version: 2,
    effectiveFrom: at('2026-12-10T00:00:00Z'),
    waitHours: [24, 120],
  }
  const policies = [...POLICIES, shorter]
  const history = [fail(exam, '2026-12-01T09:00:00Z'), fail(exam, '2026-12-02T09:00:00Z')]

  it('judges an attempt by the version in force at its instant', () => {
    expect(decide(exam, history, '2026-12-09T09:00:00Z', {}, policies).policy?.version).toBe(1)
    const later = decide(exam, history, '2026-12-10T00:00:00Z', {}, policies)
    expect(later).toMatchObject({ eligible: true, policy: { version: 2 } })
  })

  it('finds an earliest date that falls under a version not yet in force', () => {
    // Under version 1 the wait runs to 16 December; version 2 allows 10 December.
    const decision = decide(exam, history, '2026-12-03T00:00:00Z', {}, policies)
    expect(iso(decision.earliestAt)).toBe('2026-12-10T00:00:00.000Z')
    expect(decision.policy?.version).toBe(1)
  })
})

describe('time zones in the sentences', () => {
  it('shows the earliest date in the candidate zone, waits staying exact hours across DST', () => {
    const exam = liveExam('70-620')
    // New Zealand daylight time starts on 2026-09-27 at 02:00 local time.
    const history = [fail(exam, '2026-09-26T09:00:00Z')]
    const decision = decide(exam, history, '2026-09-26T10:00:00Z')
    expect(decision.earliestAt! - at('2026-09-26T09:00:00Z')).toBe(24 * HOUR_MS)
    const inAuckland = decideRetake(
      POLICIES,
      { attempts: history, certifications: [], waivers: [], timeZone: 'Pacific/Auckland' },
      exam,
      at('2026-09-26T10:00:00Z'),
    )
    // 09:00Z is 21:00 NZST on the 26th; 24 hours later it is 22:00 NZDT on the 27th.
    expect(retakeReason(inAuckland)).toContain('2026-09-27 22:00 Pacific/Auckland')
  })
})

describe('before the first policy version', () => {
  it('judges by the first version, without a gap', () => {
    const exam = liveExam('70-620')
    const decision = decide(exam, [fail(exam, '1999-05-31T09:00:00Z')], '1999-06-01T00:00:00Z')
    expect(decision).toMatchObject({
      eligible: false,
      code: 'RETAKE_TOO_SOON',
      policy: { version: 1 },
    })
    expect(iso(decision.earliestAt)).toBe('1999-06-01T09:00:00.000Z')
  })
})
