import {
  ADDRESS_LIMITS,
  CALLER_LIMITS,
  CANDIDATE_LIMITS,
  type ThrottleLimits,
} from './code-throttle.js'

/**
 * Who types a code. A staff or provider token (a helpdesk, a provider's
 * booking backend) serves many candidates from one address, so its address
 * says nothing about who guesses; a candidate signed in for themselves, or
 * someone not signed in, is also counted by the address they come from.
 */
export type CodeCaller =
  | { readonly kind: 'token'; readonly tokenId: string }
  | { readonly kind: 'candidate'; readonly personId: string; readonly address: string | null }
  | { readonly kind: 'anonymous'; readonly address: string | null }

/** What a record counts: wrong codes for a candidate, from a caller, or from an address. */
export type ThrottleScopeKind = 'candidate' | 'caller' | 'address'

interface ThrottleScope {
  /** The record's key: `candidate:<id>`, `token:<id>`, `person:<id>` or `address:<ip>`. */
  readonly key: string
  readonly kind: ThrottleScopeKind
  readonly limits: ThrottleLimits
}

/**
 * The records a wrong code for `candidateId` from `caller` counts against.
 * The candidate's own record is always one, so that nobody guesses one
 * candidate's codes fast, by whatever means.
 *
 * @example
 * computeThrottleScopes('cand-ana', { kind: 'token', tokenId: 'tok-1' })
 * // candidate:cand-ana (5 in 15 min), token:tok-1 (50 in 15 min)
 */
export function computeThrottleScopes(
  candidateId: string,
  caller: CodeCaller,
): readonly ThrottleScope[] {
  const candidate: ThrottleScope = {
    key: `candidate:${candidateId}`,
    kind: 'candidate',
    limits: CANDIDATE_LIMITS,
  }
  switch (caller.kind) {
    case 'token':
      return [candidate, { key: `token:${caller.tokenId}`, kind: 'caller', limits: CALLER_LIMITS }]
    case 'candidate':
      return [
        candidate,
        { key: `person:${caller.personId}`, kind: 'caller', limits: CANDIDATE_LIMITS },
        ...addressScope(caller.address),
      ]
    case 'anonymous':
      return [candidate, ...addressScope(caller.address)]
  }
}

function addressScope(address: string | null): ThrottleScope[] {
  return address === null
    ? []
    : [{ key: `address:${address}`, kind: 'address', limits: ADDRESS_LIMITS }]
}
