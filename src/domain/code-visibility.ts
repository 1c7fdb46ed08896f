import { maskCode } from './code-mask.js'
import type { Principal } from './principal.js'

/**
 * Whether this caller may read a code whole: its holder, and support and
 * admin, who act for every candidate (re-sending a code, booking with it by
 * phone). A provider's token may not: it acts for a test-centre network,
 * never for the holder. `holderCandidateId` is null for a bearer code that
 * nobody holds (a wave's code): only staff read it whole.
 */
export function mayReadWholeCode(principal: Principal, holderCandidateId: string | null): boolean {
  switch (principal.role) {
    case 'admin':
    case 'support':
      return true
    case 'candidate':
      return principal.candidateId !== null && principal.candidateId === holderCandidateId
    case 'provider':
      return false
  }
}

/** Whether no code is ever this caller's to read whole, whoever holds it: a provider's token. */
export function mayReadNoWholeCode(principal: Principal): boolean {
  return principal.role === 'provider'
}

/** A code as this caller is shown it: whole (`formatted`, as printed) or masked. */
export function codeAsShownTo(
  principal: Principal,
  holderCandidateId: string | null,
  formatted: string,
): string {
  return mayReadWholeCode(principal, holderCandidateId) ? formatted : maskCode(formatted)
}
