import { describe, expect, it } from 'vitest'
import {
  type AccessObject,
  confinedProvider,
  mayAccess,
  scopeProviderFilter,
} from './object-access.js'
import type { Principal, Role } from './principal.js'

function principal(role: Role, ids: Partial<Pick<Principal, 'providerId' | 'candidateId'>> = {}) {
  return {
    id: `${role}-1`,
    role,
    tokenId: null,
    tokenLabel: null,
    accountId: null,
    sessionId: null,
    signedInAt: null,
    displayName: null,
    providerId: ids.providerId ?? null,
    candidateId: ids.candidateId ?? null,
  } satisfies Principal
}

const ana = principal('candidate', { candidateId: 'cand-ana' })
const unlinked = principal('candidate')
const prometric = principal('provider', { providerId: 'prometric' })
const unbound = principal('provider')

const OBJECTS: readonly AccessObject[] = [
  { kind: 'candidate', candidateId: 'cand-ana' },
  { kind: 'registration', candidateId: 'cand-ana', providerId: 'prometric' },
  { kind: 'attempt', candidateId: 'cand-ana', providerId: 'prometric' },
  { kind: 'exception-request', candidateId: 'cand-ana' },
  { kind: 'centre', providerId: 'prometric' },
  { kind: 'slot', providerId: 'prometric' },
  { kind: 'provider', providerId: 'prometric' },
]

describe('mayAccess', () => {
  it('lets admin and support reach every object', () => {
    for (const role of ['admin', 'support'] as const)
      for (const object of OBJECTS) expect(mayAccess(principal(role), object)).toBe(true)
  })

  it("lets a candidate reach their own records and the catalogue's centres and slots, nobody else's", () => {
    const own = OBJECTS.filter((object) => object.kind !== 'provider')
    for (const object of own) expect(mayAccess(ana, object), object.kind).toBe(true)
    const ben = (object: AccessObject) =>
      'candidateId' in object ? { ...object, candidateId: 'cand-ben' } : object
    for (const object of OBJECTS.filter((o) => 'candidateId' in o))
      expect(mayAccess(ana, ben(object)), object.kind).toBe(false)
    expect(mayAccess(ana, { kind: 'provider', providerId: 'prometric' })).toBe(false)
    // An account not linked to a candidate record (its email not verified) owns nothing.
    for (const object of OBJECTS.filter((o) => 'candidateId' in o))
      expect(mayAccess(unlinked, object), object.kind).toBe(false)
  })

  it("lets a provider reach its own provider's objects and any candidate it books, never exception requests", () => {
    for (const object of OBJECTS) {
      expect(mayAccess(prometric, object), object.kind).toBe(object.kind !== 'exception-request')
    }
    for (const object of OBJECTS.filter((o) => 'providerId' in o)) {
      const elsewhere = { ...object, providerId: 'pearson-vue' } as AccessObject
      expect(mayAccess(prometric, elsewhere), object.kind).toBe(false)
    }
  })

  it('lets a provider token bound to no provider reach nothing', () => {
    for (const object of OBJECTS) expect(mayAccess(unbound, object), object.kind).toBe(false)
  })
})

describe('scopeProviderFilter', () => {
  it('confines a provider to its own part of a list, and leaves others as they asked', () => {
    expect(confinedProvider(prometric)).toBe('prometric')
    expect(confinedProvider(ana)).toBeNull()
    expect(scopeProviderFilter(prometric, undefined)).toEqual({ providerId: 'prometric' })
    expect(scopeProviderFilter(prometric, 'prometric')).toEqual({ providerId: 'prometric' })
    expect(scopeProviderFilter(prometric, 'pearson-vue')).toBe('nothing')
    expect(scopeProviderFilter(principal('support'), 'pearson-vue')).toEqual({
      providerId: 'pearson-vue',
    })
    expect(scopeProviderFilter(ana, undefined)).toEqual({ providerId: undefined })
  })
})
