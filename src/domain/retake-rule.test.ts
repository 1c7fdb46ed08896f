import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { at, decide, fail, GENERAL, liveExam, MOS, pass } from '../../test/factories/retake.js'
import { DAY_MS, HOUR_MS } from './instant.js'
import { computeRetakeRule } from './retake-rule.js'

const general = { id: 'general', version: 1, name: GENERAL.name }

describe('computeRetakeRule', () => {
  const exam = liveExam('70-620')

  it('gives the wait, the run of failures it follows and the policy that sets it', () => {
    const history = [fail(exam, '2026-12-01T09:00:00Z'), fail(exam, '2026-12-02T09:00:00Z')]
    const rule = computeRetakeRule(decide(exam, history, '2026-12-10T00:00:00Z'))
    expect(rule).toEqual({
      wait: {
        policy: general,
        hours: 336,
        afterFailures: 2,
        lastAttemptAt: at('2026-12-02T09:00:00Z'),
      },
      annualLimit: null,
      unavailable: null,
    })
  })

  it('gives the limit, the attempts taken and the period it counts in', () => {
    const history = [
      fail(exam, '2026-01-05T09:00:00Z'),
      fail(exam, '2026-01-06T09:00:00Z'),
      fail(exam, '2026-01-20T09:00:00Z'),
      fail(exam, '2026-02-03T09:00:00Z'),
      fail(exam, '2026-02-17T09:00:00Z'),
    ]
    const rule = computeRetakeRule(decide(exam, history, '2026-06-01T00:00:00Z'))
    expect(rule.annualLimit).toEqual({
      policy: general,
      attempts: 5,
      taken: 5,
      periodMonths: 12,
      periodStart: at('2026-01-05T09:00:00Z'),
    })
    expect(rule.wait).toBeNull()
  })

  it('says why an exam cannot be sat at all', () => {
    const retired = liveExam('70-210', 'general', 'retired')
    expect(computeRetakeRule(decide(retired, [], '2026-06-01T00:00:00Z')).unavailable).toBe(
      'retired',
    )
  })

  it('has no figures for an eligible decision or one refused for another reason', () => {
    const none = { wait: null, annualLimit: null, unavailable: null }
    expect(computeRetakeRule(decide(exam, [], '2026-06-01T00:00:00Z'))).toEqual(none)
    const passed = [pass(exam, '2026-01-05T09:00:00Z')]
    expect(computeRetakeRule(decide(exam, passed, '2026-06-01T00:00:00Z'))).toEqual(none)
  })

  it('a wait always ends at the earliest instant the decision names (property)', () => {
    const mos = liveExam('77-727', 'mos')
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 20 * 24 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 20 * 24 }),
        (gapsInHours, askedAfterHours) => {
          let takenAt = at('2026-03-01T09:00:00Z')
          const history = gapsInHours.map((gap) => {
            takenAt += gap * HOUR_MS
            return fail(mos, new Date(takenAt).toISOString())
          })
          const when = new Date(takenAt + askedAfterHours * HOUR_MS).toISOString()
          const decision = decide(mos, history, when)
          const { wait } = computeRetakeRule(decision)
          if (decision.code !== 'RETAKE_TOO_SOON') return wait === null
          return (
            wait !== null &&
            wait.policy.name === MOS.name &&
            wait.lastAttemptAt + wait.hours * HOUR_MS === decision.earliestAt &&
            wait.hours <= (2 * DAY_MS) / HOUR_MS
          )
        },
      ),
    )
  })
})
