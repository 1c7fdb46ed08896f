import type { Instant } from './instant.js'

/**
 * One version of a retake policy, in force from `effectiveFrom` until the
 * next version of the same policy. Every number here is data, so that a new
 * programme or a rule change is a new row, not a code change.
 */
export interface PolicyVersion {
  readonly policyId: string
  readonly version: number
  readonly name: string
  readonly effectiveFrom: Instant
  /** `standard`: waits and limits below; `beta`: one attempt during the beta period. */
  readonly kind: 'standard' | 'beta'
  /**
   * Hours to wait after the 1st, 2nd, … consecutive failure; the last entry
   * repeats for every later failure. General: `[24, 336]`.
   */
  readonly waitHours: readonly number[]
  /** Most attempts in one period; null when there is no limit. */
  readonly attemptLimit: number | null
  /** Length of the period the limit counts in, in calendar months from its first attempt. */
  readonly periodMonths: number
  /** May an exam that was passed be taken again? */
  readonly retakeAfterPass: boolean
}

/** The version of `policyId` in force at `at`, or null when none is yet. */
export function findPolicyInForce(
  versions: readonly PolicyVersion[],
  policyId: string,
  at: Instant,
): PolicyVersion | null {
  let inForce: PolicyVersion | null = null
  for (const version of versions) {
    if (version.policyId !== policyId || version.effectiveFrom > at) continue
    if (!inForce || version.effectiveFrom > inForce.effectiveFrom) inForce = version
  }
  return inForce
}
