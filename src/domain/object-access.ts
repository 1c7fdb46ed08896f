import type { Principal } from './principal.js'

/**
 * An object a caller asks to see or act on, as far as access goes: whose it
 * is (the candidate it belongs to) and at which provider it lives.
 */
export type AccessObject =
  /** A candidate record named by a request (to read it, or to book, judge or enrol for it). */
  | { readonly kind: 'candidate'; readonly candidateId: string }
  | { readonly kind: 'registration'; readonly candidateId: string; readonly providerId: string }
  | { readonly kind: 'attempt'; readonly candidateId: string; readonly providerId: string }
  | { readonly kind: 'exception-request'; readonly candidateId: string }
  /** A test centre or a slot: the catalogue, of which a provider sees its own part. */
  | { readonly kind: 'centre' | 'slot'; readonly providerId: string }
  /** A provider named as the one a sitting or attempt is recorded for. */
  | { readonly kind: 'provider'; readonly providerId: string }

/**
 * May this caller see or act on this object? Admin and support: everything.
 * A candidate: their own records, and the catalogue's centres and slots. A
 * provider bound to a provider: that provider's centres, slots,
 * registrations and attempts, and any candidate named to book or judge
 * eligibility for (what its work needs; which reads it gets of a candidate
 * is the operation's roles' business); never exception requests. A provider
 * token bound to no provider sees nothing.
 *
 * Whether the caller's role may call the operation at all is asked before
 * (`mayCall`): this is the line between objects within an operation.
 */
export function mayAccess(principal: Principal, object: AccessObject): boolean {
  switch (principal.role) {
    case 'admin':
    case 'support':
      return true
    case 'candidate':
      switch (object.kind) {
        case 'centre':
        case 'slot':
          return true
        case 'provider':
          return false
        default:
          return principal.candidateId !== null && object.candidateId === principal.candidateId
      }
    case 'provider':
      if (principal.providerId === null) return false
      switch (object.kind) {
        case 'candidate':
          return true
        case 'exception-request':
          return false
        default:
          return object.providerId === principal.providerId
      }
  }
}

/**
 * The one provider whose part of a list this caller may see: a provider's
 * own; null for a caller who sees every provider's. Lists (centres, slot
 * searches, a candidate's registrations) are filtered by it.
 */
export function confinedProvider(principal: Principal): string | null {
  return principal.role === 'provider' ? (principal.providerId ?? '') : null
}

/**
 * The provider filter a list runs with for this caller, from the one asked
 * for: `{ providerId }` (undefined: every provider) or `nothing` when the
 * caller asked for another provider's part than its own.
 */
export function scopeProviderFilter(
  principal: Principal,
  asked: string | undefined,
): { readonly providerId: string | undefined } | 'nothing' {
  const confined = confinedProvider(principal)
  if (confined === null) return { providerId: asked }
  if (asked !== undefined && asked !== confined) return 'nothing'
  return { providerId: confined }
}
