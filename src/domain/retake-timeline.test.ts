import { describe, expect, it } from 'vitest'
import {
  at,
  betaExam,
  facts,
  fail,
  liveExam,
  POLICIES,
  pending,
  waiver,
} from '../../test/factories/retake.js'
import { formatInstant } from './instant.js'
import { computeRetakeTimeline } from './retake-timeline.js'

const dates = (steps: ReturnType<typeof computeRetakeTimeline>) =>
  steps.map((step) => (step.earliestAt === null ? null : formatInstant(step.earliestAt)))

describe('computeRetakeTimeline', () => {
  it('shows the general policy from a first attempt: 24 h, 14 d, 14 d, 14 d, then the next period', () => {
    const exam = liveExam('70-620')
    const steps = computeRetakeTimeline(POLICIES, facts([]), exam, at('2026-01-10T09:00:00Z'))
    expect(dates(steps)).toEqual([
      '2026-01-10T09:00:00.000Z',
      '2026-01-11T09:00:00.000Z',
      '2026-01-25T09:00:00.000Z',
      '2026-02-08T09:00:00.000Z',
      '2026-02-22T09:00:00.000Z',
      '2027-01-10T09:00:00.000Z',
    ])
    expect(steps.map((step) => step.code)).toEqual([
      'ELIGIBLE',
      'RETAKE_TOO_SOON',
      'RETAKE_TOO_SOON',
      'RETAKE_TOO_SOON',
      'RETAKE_TOO_SOON',
      'ANNUAL_LIMIT_REACHED',
    ])
    expect(steps.map((step) => step.attemptNumber)).toEqual([1, 2, 3, 4, 5, 6])
  })

  it('continues from the real history and treats a pending result as a failure', () => {
    const exam = liveExam('77-727', 'mos')
    const history = [fail(exam, '2026-03-01T09:00:00Z'), pending(exam, '2026-03-02T09:00:00Z')]
    const steps = computeRetakeTimeline(
      POLICIES,
      facts(history),
      exam,
      at('2026-03-02T12:00:00Z'),
      3,
    )
    expect(dates(steps)).toEqual([
      '2026-03-04T09:00:00.000Z',
      '2026-03-06T09:00:00.000Z',
      '2026-03-08T09:00:00.000Z',
    ])
  })

  it('stops at the first attempt that could never be taken', () => {
    const beta = betaExam('71-621', '70-621', '2026-11-01T00:00:00Z', '2026-12-20T00:00:00Z')
    const steps = computeRetakeTimeline(POLICIES, facts([]), beta, at('2026-11-10T00:00:00Z'))
    expect(steps.map((step) => step.code)).toEqual(['ELIGIBLE', 'BETA_ALREADY_TAKEN'])
    expect(steps[1]!.earliestAt).toBeNull()
  })

  it('uses an approved exception once, on the attempt that needs it', () => {
    const exam = liveExam('70-620')
    const history = [fail(exam, '2026-03-01T09:00:00Z'), fail(exam, '2026-03-02T09:00:00Z')]
    const grant = waiver(exam, { wait: true })
    const steps = computeRetakeTimeline(
      POLICIES,
      facts(history, { waivers: [grant] }),
      exam,
      at('2026-03-03T09:00:00Z'),
      3,
    )
    expect(dates(steps)).toEqual([
      '2026-03-03T09:00:00.000Z',
      '2026-03-17T09:00:00.000Z',
      '2026-03-31T09:00:00.000Z',
    ])
    expect(steps.map((step) => step.usesWaiver)).toEqual([true, false, false])
  })
})
