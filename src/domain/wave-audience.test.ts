import { describe, expect, it } from 'vitest'
import { AUDIENCE_RULES, type AudienceFacts, isInAudience } from './wave-audience.js'

const target = { exam: '071-620', liveExam: '070-620' }
const noTwin = { exam: '071-999', liveExam: null }
const none: AudienceFacts = { onRoster: false, attempts: [], registrations: [] }
const thisBeta = { exam: '071-620', betaOf: '070-620' }
const otherBeta = { exam: '072-620', betaOf: '070-620' }
const liveExam = { exam: '070-620', betaOf: null }

describe('retake audience', () => {
  const rule = AUDIENCE_RULES.retake

  it('names a candidate with an attempt at this beta or another beta of the same live exam', () => {
    expect(isInAudience(rule, target, { ...none, attempts: [thisBeta] })).toBe(true)
    expect(isInAudience(rule, target, { ...none, attempts: [otherBeta] })).toBe(true)
  })

  it('leaves out attempts at the live exam itself, registrations and the roster', () => {
    expect(isInAudience(rule, target, { ...none, attempts: [liveExam] })).toBe(false)
    expect(
      isInAudience(rule, target, {
        onRoster: true,
        attempts: [],
        registrations: [{ ...thisBeta, status: 'cancelled' }],
      }),
    ).toBe(false)
  })

  it('has no other betas to look at for a beta that previews no live exam', () => {
    const orphan = { exam: '072-620', betaOf: null }
    expect(isInAudience(rule, noTwin, { ...none, attempts: [orphan] })).toBe(false)
    expect(
      isInAudience(rule, noTwin, { ...none, attempts: [{ exam: '071-999', betaOf: null }] }),
    ).toBe(true)
  })
})

describe('re-registration audience', () => {
  const rule = AUDIENCE_RULES['re-registration']

  it('names a cancelled registration for this beta, not a missed one', () => {
    const registered = (status: 'cancelled' | 'no-show' | 'booked') => ({
      ...none,
      registrations: [{ ...thisBeta, status }],
    })
    expect(isInAudience(rule, target, registered('cancelled'))).toBe(true)
    expect(isInAudience(rule, target, registered('no-show'))).toBe(false)
    expect(isInAudience(rule, target, registered('booked'))).toBe(false)
  })

  it('names a registration for another beta of the live exam that never led to a sitting', () => {
    const registered = (status: 'cancelled' | 'no-show' | 'completed') => ({
      ...none,
      registrations: [{ ...otherBeta, status }],
    })
    expect(isInAudience(rule, target, registered('cancelled'))).toBe(true)
    expect(isInAudience(rule, target, registered('no-show'))).toBe(true)
    expect(isInAudience(rule, target, registered('completed'))).toBe(false)
  })

  it('re-admits those whose one registration for the beta was cancelled; the others do not', () => {
    expect(rule.readmitsCancelled).toBe(true)
    expect(AUDIENCE_RULES.retake.readmitsCancelled).toBe(false)
    expect(AUDIENCE_RULES['roster-rest'].readmitsCancelled).toBe(false)
  })
})

describe('roster-rest audience', () => {
  it('names the roster and nothing else', () => {
    const rule = AUDIENCE_RULES['roster-rest']
    expect(isInAudience(rule, target, { ...none, onRoster: true })).toBe(true)
    expect(isInAudience(rule, target, { ...none, attempts: [thisBeta] })).toBe(false)
  })
})
