import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { HOUR_MS } from './instant.js'
import {
  computeMayOpenAt,
  computeOpenTime,
  computeWaveStatus,
  decideWaveOpening,
  type OpenInterval,
  pauseIntervals,
  resumeIntervals,
  type WaveTiming,
} from './invitation-wave.js'

const T0 = Date.UTC(2007, 2, 22, 9, 0)
const h = (hours: number) => hours * HOUR_MS

function waves(first: readonly OpenInterval[], hoursAfterPrevious = 72): WaveTiming[] {
  return [
    { position: 1, hoursAfterPrevious: 0, intervals: first },
    { position: 2, hoursAfterPrevious, intervals: [] },
  ]
}

describe('the priority clock of invitation waves', () => {
  it('lets the first wave open at any time', () => {
    expect(decideWaveOpening(waves([]), waves([])[0]!, T0)).toEqual({ allowed: true })
  })

  it('refuses wave 2 while wave 1 is a draft, with no date to promise', () => {
    const all = waves([])
    const opening = decideWaveOpening(all, all[1]!, T0)
    expect(opening).toMatchObject({ allowed: false, code: 'WAVE_TOO_EARLY', opensAt: null })
  })

  it('lets wave 2 open at once past a withdrawn wave 1, and wave 3 wait only for wave 2', () => {
    const withdrawn = { ...waves([])[0]!, withdrawn: true }
    const second = { position: 2, hoursAfterPrevious: 72, intervals: [] }
    expect(decideWaveOpening([withdrawn, second], second, T0)).toEqual({ allowed: true })
    const opened = { ...second, intervals: [{ start: T0, end: null }] }
    const third = { position: 3, hoursAfterPrevious: 72, intervals: [] }
    expect(decideWaveOpening([withdrawn, opened, third], third, T0 + h(71))).toMatchObject({
      allowed: false,
      opensAt: T0 + h(72),
    })
    expect(computeWaveStatus([], true)).toBe('withdrawn')
  })

  it('counts 72 h from when wave 1 opened: refused at 71 h, allowed at exactly 72 h', () => {
    const all = waves([{ start: T0, end: null }])
    expect(decideWaveOpening(all, all[1]!, T0 + h(71))).toMatchObject({
      allowed: false,
      opensAt: T0 + h(72),
      remainingMs: h(1),
    })
    expect(decideWaveOpening(all, all[1]!, T0 + h(72))).toEqual({ allowed: true })
  })

  it('moves the opening 10 h later for a 10 h pause', () => {
    const paused = [
      { start: T0, end: T0 + h(20) },
      { start: T0 + h(30), end: null },
    ]
    const all = waves(paused)
    expect(computeMayOpenAt(paused, 72, T0 + h(40))).toBe(T0 + h(82))
    expect(decideWaveOpening(all, all[1]!, T0 + h(81)).allowed).toBe(false)
    expect(decideWaveOpening(all, all[1]!, T0 + h(82)).allowed).toBe(true)
  })

  it('promises no date while wave 1 is paused short of its priority', () => {
    const all = waves([{ start: T0, end: T0 + h(50) }])
    expect(decideWaveOpening(all, all[1]!, T0 + h(100))).toMatchObject({
      allowed: false,
      opensAt: null,
      remainingMs: h(22),
    })
  })

  it('allows 0 h: two waves on one day', () => {
    const all = waves([{ start: T0, end: null }], 0)
    expect(decideWaveOpening(all, all[1]!, T0).allowed).toBe(true)
  })

  it('pauses and resumes: status follows the last interval', () => {
    let intervals: OpenInterval[] = []
    expect(computeWaveStatus(intervals)).toBe('draft')
    intervals = resumeIntervals(intervals, T0)
    expect(computeWaveStatus(intervals)).toBe('open')
    intervals = pauseIntervals(intervals, T0 + h(5))
    expect(computeWaveStatus(intervals)).toBe('paused')
    expect(pauseIntervals(intervals, T0 + h(6))).toEqual(intervals)
    intervals = resumeIntervals(intervals, T0 + h(8))
    expect(computeOpenTime(intervals, T0 + h(10))).toBe(h(7))
  })
})

/** A history of opens and pauses: alternating gaps and open stretches, in minutes. */
const history = fc
  .array(fc.integer({ min: 1, max: 60 * 200 }), { minLength: 1, maxLength: 12 })
  .map((lengths) => {
    const intervals: OpenInterval[] = []
    let at = T0
    lengths.forEach((minutes, i) => {
      const ms = minutes * 60_000
      if (i % 2 === 0) intervals.push({ start: at, end: at + ms })
      at += ms
    })
    return { intervals, end: at }
  })

describe('the priority clock, as properties', () => {
  it('open time is the sum of the open intervals', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 0, max: h(3000) }), ({ intervals }, after) => {
        const now = (intervals.at(-1)?.end ?? T0) + after
        const sum = intervals.reduce((total, i) => total + (i.end! - i.start), 0)
        expect(computeOpenTime(intervals, now)).toBe(sum)
      }),
    )
  })

  it('pausing never lets the next wave open earlier', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 1, max: h(100) }),
        fc.integer({ min: 1, max: h(100) }),
        fc.integer({ min: 0, max: h(400) }),
        (hours, pauseAfter, pauseFor, lookAt) => {
          const straight: OpenInterval[] = [{ start: T0, end: null }]
          const pausedAt = T0 + pauseAfter
          const paused: OpenInterval[] = [
            { start: T0, end: pausedAt },
            { start: pausedAt + pauseFor, end: null },
          ]
          const now = pausedAt + pauseFor + lookAt
          const a = computeMayOpenAt(straight, hours, now)!
          const b = computeMayOpenAt(paused, hours, now)!
          expect(b).toBeGreaterThanOrEqual(a)
          const allowedPaused = decideWaveOpening(
            waves(paused, hours),
            waves(paused, hours)[1]!,
            now,
          ).allowed
          if (allowedPaused) {
            expect(
              decideWaveOpening(waves(straight, hours), waves(straight, hours)[1]!, now).allowed,
            ).toBe(true)
          }
        },
      ),
    )
  })

  it('the next wave may open exactly when the open time reaches its hours', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 0, max: 300 }), ({ intervals, end }, hours) => {
        const resumed = [...intervals, { start: end + 1, end: null }]
        const at = computeMayOpenAt(resumed, hours, end + 1)!
        expect(computeOpenTime(resumed, at)).toBe(h(hours))
        if (at > resumed[0]!.start) expect(computeOpenTime(resumed, at - 1)).toBeLessThan(h(hours))
      }),
    )
  })
})

describe('a paused early wave', () => {
  it('keeps its priority over every later wave, not only the next', () => {
    // Waves 1 and 2 open together on day one; wave 1 is paused for a day.
    const one: WaveTiming = {
      position: 1,
      hoursAfterPrevious: 0,
      intervals: [
        { start: T0, end: T0 + h(10) },
        { start: T0 + h(34), end: null },
      ],
    }
    const two: WaveTiming = {
      position: 2,
      hoursAfterPrevious: 0,
      intervals: [{ start: T0, end: null }],
    }
    const three: WaveTiming = { position: 3, hoursAfterPrevious: 72, intervals: [] }
    const all = [one, two, three]
    expect(decideWaveOpening(all, three, T0 + h(72))).toMatchObject({
      allowed: false,
      code: 'WAVE_TOO_EARLY',
    })
    expect(decideWaveOpening(all, three, T0 + h(96))).toEqual({ allowed: true })
  })
})
