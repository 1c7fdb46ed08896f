import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeRetryDelay, FIRST_RETRY_MS, MAX_RETRY_MS } from './retry-delay.js'

describe('computeRetryDelay', () => {
  it('waits 30 s after the first failure, doubling, at most an hour', () => {
    expect([1, 2, 3, 4, 7, 8, 50].map(computeRetryDelay)).toEqual([
      30_000, 60_000, 120_000, 240_000, 1_920_000, 3_600_000, 3_600_000,
    ])
  })

  it('never waits less than the first delay nor more than the cap, and never shrinks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (tries) => {
        const delay = computeRetryDelay(tries)
        expect(delay).toBeGreaterThanOrEqual(FIRST_RETRY_MS)
        expect(delay).toBeLessThanOrEqual(MAX_RETRY_MS)
        expect(computeRetryDelay(tries + 1)).toBeGreaterThanOrEqual(delay)
      }),
    )
  })
})
