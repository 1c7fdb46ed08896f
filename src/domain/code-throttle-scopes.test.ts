import { describe, expect, it } from 'vitest'
import { ADDRESS_LIMITS, CALLER_LIMITS, CANDIDATE_LIMITS } from './code-throttle.js'
import { computeThrottleScopes } from './code-throttle-scopes.js'

const keysAndLimits = (scopes: ReturnType<typeof computeThrottleScopes>) =>
  scopes.map((scope) => [scope.key, scope.kind, scope.limits])

describe('computeThrottleScopes', () => {
  it('counts a staff or provider token per candidate and per token, never per address', () => {
    expect(
      keysAndLimits(computeThrottleScopes('cand-ana', { kind: 'token', tokenId: 'tok-1' })),
    ).toEqual([
      ['candidate:cand-ana', 'candidate', CANDIDATE_LIMITS],
      ['token:tok-1', 'caller', CALLER_LIMITS],
    ])
  })

  it('counts a signed-in candidate per candidate, per person and per address', () => {
    const caller = { kind: 'candidate', personId: 'cand-ana', address: '203.0.113.7' } as const
    expect(keysAndLimits(computeThrottleScopes('cand-ana', caller))).toEqual([
      ['candidate:cand-ana', 'candidate', CANDIDATE_LIMITS],
      ['person:cand-ana', 'caller', CANDIDATE_LIMITS],
      ['address:203.0.113.7', 'address', ADDRESS_LIMITS],
    ])
  })

  it('counts someone not signed in per candidate and per address, when there is one', () => {
    const anonymous = { kind: 'anonymous', address: '203.0.113.7' } as const
    expect(keysAndLimits(computeThrottleScopes('cand-ana', anonymous))).toEqual([
      ['candidate:cand-ana', 'candidate', CANDIDATE_LIMITS],
      ['address:203.0.113.7', 'address', ADDRESS_LIMITS],
    ])
    expect(
      keysAndLimits(computeThrottleScopes('cand-ana', { kind: 'anonymous', address: null })),
    ).toEqual([['candidate:cand-ana', 'candidate', CANDIDATE_LIMITS]])
  })
})
